-- Partner datasets whose current version holds rows in the given districts: events by the district they
-- were assigned, statistics by an area code of those districts (any level), polygons that overlap them.
with dropped_codes as (
    select lsoa_code as code from lsoa_hierarchy where lad_code in (:districts)
    union select msoa_code from lsoa_hierarchy where lad_code in (:districts)
    union select ward_code from lsoa_hierarchy where lad_code in (:districts)
    union select lad_code from lsoa_hierarchy where lad_code in (:districts)
), held as (
    select e.dataset_id, count(*) as rows
    from event e join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id
    where e.lad_code in (:districts)
    group by e.dataset_id
    union all
    select s.dataset_id, count(*)
    from area_statistic s join dataset d on d.id = s.dataset_id and d.current_version_id = s.version_id
    where s.area_code in (select code from dropped_codes)
    group by s.dataset_id
    union all
    select p.dataset_id, count(*)
    from dataset_polygon p join dataset d on d.id = p.dataset_id and d.current_version_id = p.version_id
    where exists (select 1 from area a where a.level = 'district' and a.code in (:districts) and ST_Intersects(a.geom, p.geom))
    group by p.dataset_id
)
select d.id, d.slug, d.title, sum(h.rows)::bigint as rows
from held h join dataset d on d.id = h.dataset_id
group by d.id, d.slug, d.title
order by d.title
