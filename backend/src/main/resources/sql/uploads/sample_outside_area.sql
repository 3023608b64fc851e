-- Of a sample of points (x, y in EPSG :epsg, with the file's own LSOA code if it has one), how many are
-- counted in no loaded LSOA: neither their own code nor point in polygon names one. Used by the preview.
with sample as (
    select s.x, s.y, s.code
    from unnest(cast(:xs as float8[]), cast(:ys as float8[]), cast(:codes as text[])) as s(x, y, code)
), placed as (
    select exists (select 1 from area a where a.level = 'lsoa' and a.code = s.code)
        or exists (select 1 from area a where a.level = 'lsoa'
                   and ST_Intersects(a.geom, ST_Transform(ST_SetSRID(ST_MakePoint(s.x, s.y), :epsg), 27700))) as inside
    from sample s
)
select count(*) as points, count(*) filter (where not inside) as outside from placed
