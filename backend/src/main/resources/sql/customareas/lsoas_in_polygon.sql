-- The loaded LSOAs a drawn polygon covers: those whose point on surface lies inside it. ST_PointOnSurface
-- is always inside its LSOA (a centroid of a crescent-shaped LSOA may not be), so each LSOA is in or out
-- as a whole and a polygon's edge running through an LSOA takes it only if it holds most of its middle.
-- :geojson is the drawn polygon in longitude/latitude (EPSG:4326, as Leaflet draws it).
with drawn as (
    select ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(:geojson), 4326), 27700)), 3)) as geom
)
select a.code
from area a, drawn d
where a.level = 'lsoa'
  and ST_Intersects(a.geom, d.geom)
  and ST_Contains(d.geom, ST_PointOnSurface(a.geom))
order by a.code
