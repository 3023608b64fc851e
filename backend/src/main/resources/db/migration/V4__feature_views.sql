-- What OGC API Features serves: one view per collection, one row per feature, with `id` and `geom`.
-- Higher levels summarise their best-fit LSOAs: total population and, for the index and each domain,
-- the share of LSOAs in England's most deprived 10% (as MHCLG's local authority summaries do).
create view lsoa_profile as
select h.lsoa_code, h.msoa_code, h.ward_code, h.lad_code, p.total as population,
       i.imd_rank, i.imd_decile, i.income_rank, i.income_decile, i.employment_rank, i.employment_decile,
       i.education_rank, i.education_decile, i.health_rank, i.health_decile, i.crime_rank, i.crime_decile,
       i.housing_rank, i.housing_decile, i.living_environment_rank, i.living_environment_decile
from lsoa_hierarchy h
left join lsoa_population p on p.lsoa_code = h.lsoa_code
left join imd2019 i on i.lsoa_code = h.lsoa_code;

create view feature_lsoa as
select a.code as id, a.code, a.name, h.msoa_code, h.msoa_name, h.ward_code, h.ward_name, h.lad_code, h.lad_name,
       p.population, p.imd_rank, p.imd_decile, p.income_rank, p.income_decile, p.employment_rank,
       p.employment_decile, p.education_rank, p.education_decile, p.health_rank, p.health_decile,
       p.crime_rank, p.crime_decile, p.housing_rank, p.housing_decile, p.living_environment_rank,
       p.living_environment_decile, a.geom
from area a
left join lsoa_hierarchy h on h.lsoa_code = a.code
left join lsoa_profile p on p.lsoa_code = a.code
where a.level = 'lsoa';

create function most_deprived_pct(deciles integer[]) returns numeric
    language sql immutable
    return round(100.0 * (select count(*) from unnest(deciles) d where d = 1)
                 / nullif((select count(d) from unnest(deciles) d), 0), 1);

create view area_summary as
select level, code, min(lad_code) as lad_code, sum(population)::integer as population,
       count(*)::integer as lsoa_count,
       most_deprived_pct(array_agg(imd_decile)) as imd_most_deprived_pct,
       most_deprived_pct(array_agg(income_decile)) as income_most_deprived_pct,
       most_deprived_pct(array_agg(employment_decile)) as employment_most_deprived_pct,
       most_deprived_pct(array_agg(education_decile)) as education_most_deprived_pct,
       most_deprived_pct(array_agg(health_decile)) as health_most_deprived_pct,
       most_deprived_pct(array_agg(crime_decile)) as crime_most_deprived_pct,
       most_deprived_pct(array_agg(housing_decile)) as housing_most_deprived_pct,
       most_deprived_pct(array_agg(living_environment_decile)) as living_environment_most_deprived_pct
from (select 'msoa' as level, msoa_code as code, p.* from lsoa_profile p
      union all select 'ward', ward_code, p.* from lsoa_profile p
      union all select 'district', lad_code, p.* from lsoa_profile p) by_level
group by level, code;

create view feature_msoa as
select a.code as id, a.code, a.name, s.lad_code, d.name as lad_name, s.population, s.lsoa_count,
       s.imd_most_deprived_pct, s.income_most_deprived_pct, s.employment_most_deprived_pct,
       s.education_most_deprived_pct, s.health_most_deprived_pct, s.crime_most_deprived_pct,
       s.housing_most_deprived_pct, s.living_environment_most_deprived_pct, a.geom
from area a
left join area_summary s on s.level = 'msoa' and s.code = a.code
left join area d on d.level = 'district' and d.code = s.lad_code
where a.level = 'msoa';

create view feature_ward as
select a.code as id, a.code, a.name, s.lad_code, d.name as lad_name, s.population, s.lsoa_count,
       s.imd_most_deprived_pct, s.income_most_deprived_pct, s.employment_most_deprived_pct,
       s.education_most_deprived_pct, s.health_most_deprived_pct, s.crime_most_deprived_pct,
       s.housing_most_deprived_pct, s.living_environment_most_deprived_pct, a.geom
from area a
left join area_summary s on s.level = 'ward' and s.code = a.code
left join area d on d.level = 'district' and d.code = s.lad_code
where a.level = 'ward';

create view feature_district as
select a.code as id, a.code, a.name, a.code as lad_code, a.name as lad_name, s.population, s.lsoa_count,
       s.imd_most_deprived_pct, s.income_most_deprived_pct, s.employment_most_deprived_pct,
       s.education_most_deprived_pct, s.health_most_deprived_pct, s.crime_most_deprived_pct,
       s.housing_most_deprived_pct, s.living_environment_most_deprived_pct, a.geom
from area a
left join area_summary s on s.level = 'district' and s.code = a.code
where a.level = 'district';
