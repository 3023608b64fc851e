-- File 2's domains for an LSOA whose index (File 1) is already loaded.
update imd2019
set income_rank = :income_rank, income_decile = :income_decile,
    employment_rank = :employment_rank, employment_decile = :employment_decile,
    education_rank = :education_rank, education_decile = :education_decile,
    health_rank = :health_rank, health_decile = :health_decile,
    crime_rank = :crime_rank, crime_decile = :crime_decile,
    housing_rank = :housing_rank, housing_decile = :housing_decile,
    living_environment_rank = :living_environment_rank, living_environment_decile = :living_environment_decile
where lsoa_code = :lsoa_code
