-- Which grid cells (given by their centres) lie within :reach metres of a loaded LSOA: with the reach the
-- distance from a cell's centre to its farthest corner, every cell that touches the study area is kept.
-- Answers the cells' 0-based positions in the arrays.
select (c.i - 1)::int as cell
from unnest(cast(:xs as float8[]), cast(:ys as float8[])) with ordinality as c(x, y, i)
where exists (select 1 from area a
              where a.level = 'lsoa' and ST_DWithin(a.geom, ST_SetSRID(ST_MakePoint(c.x, c.y), 27700), :reach))
order by c.i
