-- A run's hotspot features (the cells, areas or KDE classes counted as hotspot) as WKB in EPSG:27700, for a
-- briefing's map.
select ST_AsBinary(geom) as wkb
from hotspot_feature
where run_id = :run and hotspot and geom is not null
order by id
