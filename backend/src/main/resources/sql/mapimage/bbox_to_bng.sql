-- A WGS84 longitude/latitude box as the EPSG:27700 box that contains it.
select ST_XMin(b) as minx, ST_YMin(b) as miny, ST_XMax(b) as maxx, ST_YMax(b) as maxy
from (select ST_Transform(ST_Segmentize(ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326), 0.01), 27700)::box2d as b) x
