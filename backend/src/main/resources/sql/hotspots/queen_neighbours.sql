-- Queen contiguity between the areas of a level: pairs that share at least a boundary point.
select a.code as code, b.code as neighbour
from area a
join area b on b.level = a.level and b.code <> a.code and ST_Intersects(a.geom, b.geom)
where a.level = :level
