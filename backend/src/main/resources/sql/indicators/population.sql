-- Mid-2015 population (IoD2019 denominators) of every area of a level, summed from its loaded LSOAs with
-- the ONS best-fit hierarchy: the same LSOAs, and the same roll-up, as the event counts
-- (events/counts_by_lsoa.sql), so numerator and denominator cover the same ground. {{level}} is a column
-- prefix from the boundary-level list (lsoa, msoa, ward, lad), never from a request.
select h.{{level}}_code as code, min(h.lad_code) as district, sum(p.total) as population
from lsoa_hierarchy h
join area a on a.level = 'lsoa' and a.code = h.lsoa_code
left join lsoa_population p on p.lsoa_code = h.lsoa_code
group by h.{{level}}_code
order by h.{{level}}_code
