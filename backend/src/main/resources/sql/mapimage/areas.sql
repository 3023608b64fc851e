-- The areas of one level to draw on a map image: those of the given codes that meet the frame, simplified to
-- about a pixel (ST_SimplifyPreserveTopology keeps rings valid), as WKB in EPSG:27700, in code order so that
-- the same request draws the same picture. :codes is a comma-separated list of area codes (ONS codes have no commas).
select a.code, ST_AsBinary(ST_SimplifyPreserveTopology(a.geom, :tolerance)) as wkb
from area a
where a.level = :level
  and a.code = any(string_to_array(:codes, ','))
  and a.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 27700)
order by a.code
