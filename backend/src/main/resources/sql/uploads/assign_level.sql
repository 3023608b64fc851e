-- Point in polygon for one boundary level ({{column}} and :level from a fixed list). A point on the
-- boundary between areas goes to the one with the lowest code, so every point is in exactly one area.
update {{checked}} c
set {{column}} = found.code
from (select distinct on (p.row_id) p.row_id, a.code
      from {{checked}} p
      join area a on a.level = :level and ST_Intersects(a.geom, p.geom)
      where p.reason is null
      order by p.row_id, a.code) found
where found.row_id = c.row_id
