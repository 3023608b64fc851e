-- Each area of one boundary level with its longitude/latitude box (its British National Grid envelope densified
-- before it is transformed, as extent.sql does), so a tile of figures is sent only the figures of the areas that
-- may reach it (tiles.AreaBoxes); the tile's own SQL still cuts by geometry.
select code, ST_XMin(e) as west, ST_YMin(e) as south, ST_XMax(e) as east, ST_YMax(e) as north
from (select code, ST_Transform(ST_Segmentize(ST_Envelope(geom), 250), 4326)::box2d as e
      from area
      where level = :level) boxes
order by code
