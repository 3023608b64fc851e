-- One measure of a dataset's current version for one period (null: the file had none), by area of the
-- version's level and category (every category: suppression looks across an area's categories).
select a.code, a.name, s.category, (s.measures ->> cast(:measure as text))::double precision as value
from area_statistic s
join dataset d on d.id = s.dataset_id and d.current_version_id = s.version_id
join area a on a.level = :level and a.code = s.area_code
where s.dataset_id = :dataset_id
  and s.period is not distinct from cast(:period as date)
order by a.code, s.category
