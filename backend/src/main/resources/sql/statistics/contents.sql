-- What a dataset's current area-statistics version holds: level, measures (and which are counts), and
-- the periods and categories it has values for.
select v.id as version_id, v.version, v.area_level, v.measures, v.count_measures,
       (select array_agg(distinct s.period order by s.period) filter (where s.period is not null)
        from area_statistic s where s.version_id = v.id) as periods,
       (select array_agg(distinct s.category order by s.category) filter (where s.category is not null)
        from area_statistic s where s.version_id = v.id) as categories
from dataset d
join dataset_version v on v.id = d.current_version_id
where d.id = :dataset_id and d.kind = 'area-statistics'
