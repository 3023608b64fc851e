-- Every event of one dataset's current version and filter (category, month range; nulls mean "any") inside a
-- bounding box given in CRS84 longitude/latitude, as points in CRS84 with what the map's popup says of them.
-- The caller asks for one more row than it will draw: more than that means clusters instead (cluster_cells.sql).
-- The box is densified before it is put into British National Grid, so its curved edges stay edges.
select e.id, e.category, to_char(e.month, 'YYYY-MM') as month, e.location, e.outcome,
       ST_X(p.geom) as lon, ST_Y(p.geom) as lat
from event e
cross join lateral (select ST_Transform(e.geom, 4326) as geom) p
where e.dataset_id = :dataset_id
  and e.version_id = (select current_version_id from dataset where id = :dataset_id)
  and (cast(:category as text) is null or e.category = :category)
  and (cast(:first_day as date) is null or e.month >= :first_day)
  and (cast(:last_day as date) is null or e.month <= :last_day)
  and ST_Intersects(e.geom, ST_Transform(ST_Segmentize(ST_MakeEnvelope(:min_lon, :min_lat, :max_lon, :max_lat, 4326), 0.001), 27700))
order by e.id
limit :limit
