-- Every area of a level: its area in square metres and a point inside it (ST_PointOnSurface), where an
-- aggregate run stands the area's protected count for kernel density.
select a.code, ST_Area(a.geom) as square_metres, ST_X(p.pt) as x, ST_Y(p.pt) as y
from area a
cross join lateral (select ST_PointOnSurface(a.geom) as pt) p
where a.level = :level
order by a.code
