-- Saves a custom area: its LSOAs, their union as its geometry, and the polygon as drawn (null for a list).
insert into custom_area (name, source, lsoas, drawn, geom, created_by, partner_id)
select :name, :source, cast(:lsoas as text[]),
       case when cast(:geojson as text) is null then null
            else ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(cast(:geojson as text)), 4326), 27700)), 3)) end,
       ST_Multi(ST_Union(a.geom)), :created_by, :partner_id
from area a
where a.level = 'lsoa' and a.code = any (cast(:lsoas as text[]))
returning id
