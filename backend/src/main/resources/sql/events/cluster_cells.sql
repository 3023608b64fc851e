-- The same events as points_in_box.sql, gathered into the cells of a square grid of :cell metres in British
-- National Grid (the map asks for cells of about 64 screen pixels at its zoom): each cell's number of events,
-- placed at their mean position, and whether they all share one point (police.uk puts each crime on one of a
-- set of anonymous map points, so no zoom can split such a cell). A cell of one event also gives that event,
-- so the map draws it as a point. Every event in the box is in exactly one cell: the counts add up to the box.
with cells as (
    select floor(ST_X(e.geom) / :cell) as gx, floor(ST_Y(e.geom) / :cell) as gy, count(*) as events,
           avg(ST_X(e.geom)) as x, avg(ST_Y(e.geom)) as y, min(e.id) as first_id,
           min(ST_X(e.geom)) = max(ST_X(e.geom)) and min(ST_Y(e.geom)) = max(ST_Y(e.geom)) as one_place,
           min(ST_X(e.geom)) as min_x, min(ST_Y(e.geom)) as min_y, max(ST_X(e.geom)) as max_x, max(ST_Y(e.geom)) as max_y
    from event e
    where e.dataset_id = :dataset_id
      and e.version_id = (select current_version_id from dataset where id = :dataset_id)
      and (cast(:category as text) is null or e.category = :category)
      and (cast(:first_day as date) is null or e.month >= :first_day)
      and (cast(:last_day as date) is null or e.month <= :last_day)
      and ST_Intersects(e.geom, ST_Transform(ST_Segmentize(ST_MakeEnvelope(:min_lon, :min_lat, :max_lon, :max_lat, 4326), 0.001), 27700))
    group by 1, 2
)
select c.events, c.one_place, ST_X(centre) as lon, ST_Y(centre) as lat,
       ST_XMin(extent) as west, ST_YMin(extent) as south, ST_XMax(extent) as east, ST_YMax(extent) as north,
       case when c.events = 1 then e.id end as id, e.category, to_char(e.month, 'YYYY-MM') as month, e.location, e.outcome
from cells c
cross join lateral (select ST_Transform(ST_SetSRID(ST_MakePoint(c.x, c.y), 27700), 4326) as centre,
                           ST_Transform(ST_MakeEnvelope(c.min_x, c.min_y, c.max_x, c.max_y, 27700), 4326)::box2d as extent) g
left join event e on c.events = 1 and e.id = c.first_id
order by c.gx, c.gy
