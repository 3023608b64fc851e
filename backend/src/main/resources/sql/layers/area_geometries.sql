-- The geometry of every area of one level as GeoJSON text; {{geometry}} comes from OutputCrs.
select v.code, ST_AsGeoJSON({{geometry}}, :decimals) as geometry
from area v
where v.level = :level
