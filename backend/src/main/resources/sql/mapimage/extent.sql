-- The extent in EPSG:27700 of the given areas of one level (the default frame of a map image).
select ST_XMin(e) as minx, ST_YMin(e) as miny, ST_XMax(e) as maxx, ST_YMax(e) as maxy
from (select ST_Extent(a.geom) as e
      from area a
      where a.level = :level and a.code = any(string_to_array(:codes, ','))) x
where e is not null
