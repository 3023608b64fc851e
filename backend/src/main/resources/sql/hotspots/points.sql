-- A record-level run's events as points in British National Grid metres: one dataset version, the
-- categories (empty = all) and months asked for, and only events whose LSOA is a loaded LSOA, which is
-- how the counts by area (events/counts_by_lsoa.sql) define the study area.
select ST_X(e.geom) as x, ST_Y(e.geom) as y
from event e
join lsoa_hierarchy h on h.lsoa_code = e.lsoa_code
join area a on a.level = 'lsoa' and a.code = h.lsoa_code
where e.dataset_id = :dataset_id
  and e.version_id = :version_id
  and (cardinality(cast(:categories as text[])) = 0 or e.category = any (cast(:categories as text[])))
  and e.month between :first_day and :last_day
order by e.id
