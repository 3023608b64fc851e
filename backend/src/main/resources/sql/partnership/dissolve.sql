-- MSOA, ward or district polygons ({{level}}) for the partnership's districts, built by dissolving their
-- loaded LSOAs along the ONS best-fit lookup: best fit, so an area is the union of the LSOAs assigned to
-- it, not its official boundary. Named from the lookup where it names them, else by code. An area
-- already loaded (e.g. from the Merseyside regional files) keeps its polygon.
insert into area (level, code, name, geom, dataset_id)
select :level, {{code}}, coalesce(min({{name}}), {{code}}),
       ST_Multi(ST_CollectionExtract(ST_Union(a.geom), 3)), :dataset_id
from lsoa_hierarchy h
join area a on a.level = 'lsoa' and a.code = h.lsoa_code
where h.lad_code in (:districts)
group by {{code}}
on conflict (level, code) do nothing
