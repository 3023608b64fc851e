-- The LSOA an event is counted in: the file's own LSOA code when it names a loaded LSOA (police.uk's
-- codes come from the unmoved location, which beats generalised polygons), else point in polygon.
update {{checked}} c
set lsoa_code = case when exists (select 1 from area a where a.level = 'lsoa' and a.code = c.source_lsoa_code)
                     then c.source_lsoa_code else c.pip_lsoa_code end
where c.reason is null
