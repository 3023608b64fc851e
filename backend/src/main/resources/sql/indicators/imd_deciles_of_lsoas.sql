-- The IMD 2019 deciles (1 = England's most deprived tenth) of each of some LSOAs, with its mid-2015 population
-- (IoD2019 denominators), for a custom area's deprivation profile. An LSOA with no IMD row or no population row
-- is still listed (nulls), so the profile can say how many it could not place.
select l.lsoa_code, i.dataset_id, p.total as population, i.imd_decile, i.income_decile, i.employment_decile,
       i.education_decile, i.health_decile, i.crime_decile, i.housing_decile, i.living_environment_decile
from unnest(cast(:lsoas as text[])) as l(lsoa_code)
left join imd2019 i on i.lsoa_code = l.lsoa_code
left join lsoa_population p on p.lsoa_code = l.lsoa_code
order by l.lsoa_code
