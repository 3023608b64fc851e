-- The level and measures of a dataset's current area-statistics version (to check an indicator's measure), and
-- which measures are counts (extensive: custom areas add them up; the others are averaged).
select v.area_level, v.measures, v.count_measures
from dataset d
join dataset_version v on v.id = d.current_version_id
where d.id = :dataset_id and d.kind = 'area-statistics'
