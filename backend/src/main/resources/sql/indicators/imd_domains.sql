-- An LSOA's IMD 2019 ranks and deciles (1 = most deprived of England's 32,844 LSOAs), for its profile.
select i.dataset_id, i.imd_rank, i.imd_decile, i.income_rank, i.income_decile, i.employment_rank, i.employment_decile,
       i.education_rank, i.education_decile, i.health_rank, i.health_decile, i.crime_rank, i.crime_decile,
       i.housing_rank, i.housing_decile, i.living_environment_rank, i.living_environment_decile
from imd2019 i
where i.lsoa_code = :lsoa_code
