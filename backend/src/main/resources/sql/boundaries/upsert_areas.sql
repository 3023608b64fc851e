-- Moves checked boundary rows into area. A later, more detailed file for the same codes replaces the
-- geometry (e.g. full-resolution Liverpool LSOAs over the generalised Merseyside set); names come from
-- the file, else from the ONS lookup, else an existing name.
insert into area (level, code, name, geom, dataset_id)
select :level, c.code, coalesce(c.name, n.name, c.code), c.geom, :dataset_id
from checked_boundary c
left join hierarchy_name n on n.level = :level and n.code = c.code
where c.outcome is distinct from 'rejected'
on conflict (level, code) do update
    set geom = excluded.geom,
        dataset_id = excluded.dataset_id,
        name = case when excluded.name <> excluded.code then excluded.name else area.name end
