-- One Mapbox Vector Tile of a hotspot run's layer: the run's features (KDE class polygons, Gi* cells or areas) in tile
-- (:z, :x, :y), cut as tiles/boundary_tile.sql cuts boundaries (searched in British National Grid with the buffer,
-- simplified under one tile unit, clipped with :buffer units to spare), with the properties its items have.
with tile as (
    select ST_TileEnvelope(:z, :x, :y) as envelope,
           ST_Transform(ST_Segmentize(ST_TileEnvelope(:z, :x, :y, margin => :margin), :segment), 27700) as search
), features as materialized (
    select f.id, f.kind, f.label, f.code, f.events, f.density, f.z, f.p, f.p_adjusted, f.hotspot_class, f.hotspot,
           ST_AsMVTGeom(ST_Transform(ST_Simplify(f.geom, :tolerance, true), 3857), tile.envelope, 4096, :buffer, true) as geom
    from hotspot_feature f
    cross join tile
    where f.run_id = :run and f.geom && tile.search
)
select ST_AsMVT(features, :layer, 4096, 'geom', 'id')
from features
where geom is not null
