-- Every area of one level that meets the frame (district outlines for orientation), simplified like areas.sql.
select a.code, ST_AsBinary(ST_SimplifyPreserveTopology(a.geom, :tolerance)) as wkb
from area a
where a.level = :level
  and a.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 27700)
order by a.code
