-- English Indices of Deprivation 2019 by LSOA 2011: rank (1 = most deprived of 32,844) and national decile.
create table imd2019 (
    lsoa_code                 text primary key,
    dataset_id                bigint not null references dataset (id),
    imd_rank                  integer not null,
    imd_decile                integer not null check (imd_decile between 1 and 10),
    income_rank               integer,
    income_decile             integer,
    employment_rank           integer,
    employment_decile         integer,
    education_rank            integer,
    education_decile          integer,
    health_rank               integer,
    health_decile             integer,
    crime_rank                integer,
    crime_decile              integer,
    housing_rank              integer,
    housing_decile            integer,
    living_environment_rank   integer,
    living_environment_decile integer
);
