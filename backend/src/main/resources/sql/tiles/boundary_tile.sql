-- One Mapbox Vector Tile layer: the areas of one boundary level in tile (:z, :x, :y) of WebMercatorQuad.
-- The search box is the tile (plus the clipping margin) densified and moved to British National Grid, so
-- `&&` uses the spatial index on the stored geometry; geometry is simplified in metres before it is
-- projected (:tolerance, about half a tile unit at this zoom). {{lad_code}} is the level's district
-- expression, chosen in code (TileLayer), never from a request. `features` is materialized so each
-- geometry is cut once (inlined, the null test would compute ST_AsMVTGeom a second time).
with tile as (
    select ST_TileEnvelope(:z, :x, :y) as envelope,
           ST_Transform(ST_Segmentize(ST_TileEnvelope(:z, :x, :y, margin => :margin), :segment), 27700) as search
), features as materialized (
    select a.code, a.name, {{lad_code}} as lad_code,
           ST_AsMVTGeom(ST_Transform(ST_Simplify(a.geom, :tolerance, true), 3857), tile.envelope, 4096, :buffer, true) as geom
    from area a
    cross join tile
    where a.level = :level and a.geom && tile.search
)
select ST_AsMVT(features, :layer, 4096, 'geom')
from features
where geom is not null
