-- The usable rows of {{checked}}, each with the area it falls in at every boundary level, into {{assigned}}.
-- One index probe per point finds the polygons of every level that contain it or have it on their edge;
-- a point on the boundary between areas goes to the one with the lowest code, so every point is in at
-- most one area per level. The LSOA an event is counted in is the file's own LSOA code when it names a
-- loaded LSOA (police.uk's codes come from the unmoved location, which beats generalised polygons), else
-- point in polygon. Levels without a polygon for a point fall back to the ONS best-fit lookup of that LSOA.
create unlogged table {{assigned}} as
select c.row_id, c.source_file, c.source_line, c.month, c.occurred_on, c.occurred_at, c.category, c.source_id, c.source_lsoa_code,
       counting.lsoa_code, pip.lsoa as pip_lsoa_code,
       coalesce(pip.msoa, h.msoa_code) as msoa_code, coalesce(pip.ward, h.ward_code) as ward_code,
       coalesce(pip.district, h.lad_code) as lad_code,
       c.location, c.outcome, c.attributes, c.geom, c.reason
from {{checked}} c
cross join lateral (select min(a.code) filter (where a.level = 'lsoa') as lsoa,
                           min(a.code) filter (where a.level = 'msoa') as msoa,
                           min(a.code) filter (where a.level = 'ward') as ward,
                           min(a.code) filter (where a.level = 'district') as district
                    from area a
                    where ST_Intersects(a.geom, c.geom)) pip
cross join lateral (select case when exists (select 1 from area a where a.level = 'lsoa' and a.code = c.source_lsoa_code)
                                then c.source_lsoa_code else pip.lsoa end as lsoa_code) counting
left join lsoa_hierarchy h on h.lsoa_code = counting.lsoa_code
where c.reason is null
