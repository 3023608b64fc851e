-- The generated demo set: 32 square LSOAs (500 m) in 8 MSOAs, 4 wards and 2 districts, with invented
-- population and IMD ranks derived from a hash of each code (so every run gives the same values).
with cell as (
    select i, j,
           ST_Multi(ST_MakeEnvelope(335000 + i * 500, 388000 + j * 500, 335500 + i * 500, 388500 + j * 500, 27700)) as geom,
           format('X01%s', lpad((i * 4 + j + 1)::text, 6, '0')) as lsoa_code,
           format('X02%s', lpad((i / 2 * 2 + j / 2 + 1)::text, 6, '0')) as msoa_code,
           format('X05%s', lpad((i / 4 * 2 + j / 2 + 1)::text, 6, '0')) as ward_code,
           format('X08%s', lpad((i / 4 + 1)::text, 6, '0')) as lad_code
    from generate_series(0, 7) as i, generate_series(0, 3) as j
), hierarchy as (
    insert into lsoa_hierarchy (lsoa_code, lsoa_name, msoa_code, msoa_name, ward_code, ward_name, lad_code, lad_name)
    select lsoa_code, 'Demo LSOA ' || lsoa_code, msoa_code, 'Demo MSOA ' || msoa_code,
           ward_code, 'Demo Ward ' || ward_code, lad_code, 'Demo District ' || (i / 4 + 1)
    from cell
    returning lsoa_code
), areas as (
    insert into area (level, code, name, geom, dataset_id)
    select 'lsoa', lsoa_code, 'Demo LSOA ' || lsoa_code, geom, :dataset_id from cell
    union all
    select 'msoa', msoa_code, 'Demo MSOA ' || msoa_code, ST_Multi(ST_Union(geom)), :dataset_id from cell group by msoa_code
    union all
    select 'ward', ward_code, 'Demo Ward ' || ward_code, ST_Multi(ST_Union(geom)), :dataset_id from cell group by ward_code
    union all
    select 'district', lad_code, 'Demo District ' || min(i / 4 + 1), ST_Multi(ST_Union(geom)), :dataset_id from cell group by lad_code
    returning code
), population as (
    insert into lsoa_population (lsoa_code, dataset_id, total, aged_0_15, aged_16_59, aged_60_plus, working_age)
    select lsoa_code, :dataset_id, 1200 + abs(hashtext(lsoa_code)) % 800,
           300, 700, 200 + abs(hashtext(lsoa_code)) % 800, 750
    from cell
    returning lsoa_code
), ranked as (
    select lsoa_code, d.column_prefix, 1 + abs(hashtext(lsoa_code || d.column_prefix)) % 32844 as rank
    from cell, unnest(array['imd', 'income', 'employment', 'education', 'health', 'crime', 'housing',
                            'living_environment']) as d(column_prefix)
)
insert into imd2019 (lsoa_code, dataset_id, imd_rank, imd_decile, income_rank, income_decile,
                     employment_rank, employment_decile, education_rank, education_decile, health_rank,
                     health_decile, crime_rank, crime_decile, housing_rank, housing_decile,
                     living_environment_rank, living_environment_decile)
select lsoa_code, :dataset_id,
       max(rank) filter (where column_prefix = 'imd'), ceil(max(rank) filter (where column_prefix = 'imd') / 3284.4),
       max(rank) filter (where column_prefix = 'income'), ceil(max(rank) filter (where column_prefix = 'income') / 3284.4),
       max(rank) filter (where column_prefix = 'employment'), ceil(max(rank) filter (where column_prefix = 'employment') / 3284.4),
       max(rank) filter (where column_prefix = 'education'), ceil(max(rank) filter (where column_prefix = 'education') / 3284.4),
       max(rank) filter (where column_prefix = 'health'), ceil(max(rank) filter (where column_prefix = 'health') / 3284.4),
       max(rank) filter (where column_prefix = 'crime'), ceil(max(rank) filter (where column_prefix = 'crime') / 3284.4),
       max(rank) filter (where column_prefix = 'housing'), ceil(max(rank) filter (where column_prefix = 'housing') / 3284.4),
       max(rank) filter (where column_prefix = 'living_environment'), ceil(max(rank) filter (where column_prefix = 'living_environment') / 3284.4)
from ranked
group by lsoa_code
