-- Longitude/latitude bounds of a hotspot run's features (no row values when it has none): its tileset's limits.
select ST_XMin(e) as west, ST_YMin(e) as south, ST_XMax(e) as east, ST_YMax(e) as north
from (select ST_Extent(ST_Transform(geom, 4326)) as e from hotspot_feature where run_id = :run) b
where e is not null
