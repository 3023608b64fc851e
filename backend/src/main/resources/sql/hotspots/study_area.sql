-- The study area: every loaded LSOA. Its area in square metres and its extent.
select sum(ST_Area(a.geom)) as square_metres, min(ST_XMin(a.geom)) as min_x, min(ST_YMin(a.geom)) as min_y,
       max(ST_XMax(a.geom)) as max_x, max(ST_YMax(a.geom)) as max_y
from area a
where a.level = 'lsoa'
