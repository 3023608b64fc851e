-- The national LSOA polygons (staged in {{lsoas}}, EPSG:27700) of the partnership's districts into area,
-- an invalid one repaired with ST_MakeValid. An LSOA already loaded keeps its geometry: it came from a
-- better file (the Merseyside regional set, or Liverpool's full-resolution polygons).
insert into area (level, code, name, geom, dataset_id)
select 'lsoa', s.lsoa11cd, coalesce(nullif(btrim(s.lsoa11nm), ''), h.lsoa_name),
       case when ST_IsValid(s.geom) then s.geom else ST_Multi(ST_CollectionExtract(ST_MakeValid(s.geom), 3)) end,
       :dataset_id
from {{lsoas}} s
join lsoa_hierarchy h on h.lsoa_code = s.lsoa11cd
where h.lad_code in (:districts)
on conflict (level, code) do nothing
