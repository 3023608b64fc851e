-- One Mapbox Vector Tile layer of figures by area: the areas of one boundary level in tile (:z, :x, :y), as
-- boundary_tile.sql cuts them, each with the properties the caller computed for this viewer (a JSON object of
-- code -> flat properties; ST_AsMVT writes a jsonb column's keys as attributes). Areas without figures are left out.
with tile as (
    select ST_TileEnvelope(:z, :x, :y) as envelope,
           ST_Transform(ST_Segmentize(ST_TileEnvelope(:z, :x, :y, margin => :margin), :segment), 27700) as search
), figures as (
    select key as code, value as properties from jsonb_each(cast(:figures as jsonb))
), features as materialized (
    select f.properties,
           ST_AsMVTGeom(ST_Transform(ST_Simplify(a.geom, :tolerance, true), 3857), tile.envelope, 4096, :buffer, true) as geom
    from area a
    cross join tile
    join figures f on f.code = a.code
    where a.level = :level and a.geom && tile.search
)
select ST_AsMVT(features, :layer, 4096, 'geom')
from features
where geom is not null
