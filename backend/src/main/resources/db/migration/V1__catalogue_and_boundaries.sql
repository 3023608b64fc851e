-- Dataset catalogue, boundary sets and the LSOA hierarchy. All geometry is British National Grid (EPSG:27700).
create extension if not exists postgis;

-- Scratch tables that ogr2ogr writes into before a load is checked and moved in one transaction.
create schema staging;

create table dataset (
    id             bigserial primary key,
    slug           text not null unique,  -- stable key of what was loaded, e.g. 'imd2019-domains'
    title          text not null,
    theme          text not null check (theme in ('crime', 'health', 'education', 'deprivation',
                                                  'population', 'boundaries', 'other')),
    source         text not null,
    licence        text not null,
    coverage       text not null,          -- in words: 'Merseyside, LSOA 2011'
    coverage_start date,
    coverage_end   date,
    source_sha256  text not null,          -- of the file(s) loaded, so a reload of the same file is recognised
    source_crs     text,                   -- EPSG code detected for spatial files, e.g. 'EPSG:27700'
    rows_read      integer not null,
    rows_loaded    integer not null,
    rows_repaired  integer not null default 0,
    rows_rejected  integer not null default 0,
    loaded_at      timestamptz not null default now()
);

-- What a load repaired or could not use, row by row (rows_rejected holds the exact count; at most
-- patchwork.ingest.max-reported-issues rows are kept here per dataset).
create table dataset_issue (
    id          bigserial primary key,
    dataset_id  bigint not null references dataset (id) on delete cascade,
    file        text not null,
    row_number  integer,
    column_name text,
    value       text,
    reason      text not null,
    outcome     text not null check (outcome in ('repaired', 'rejected'))
);
create index dataset_issue_dataset on dataset_issue (dataset_id);

create table boundary_level (
    id    text primary key,
    title text not null,
    rank  integer not null unique       -- 1 = smallest
);
insert into boundary_level (id, title, rank) values
    ('lsoa', 'Lower layer super output area (2011)', 1),
    ('msoa', 'Middle layer super output area (2011)', 2),
    ('ward', 'Electoral ward (December 2021)', 3),
    ('district', 'Local authority district (2021)', 4);

create table area (
    level      text not null references boundary_level (id),
    code       text not null,
    name       text not null,
    geom       geometry(MultiPolygon, 27700) not null,
    dataset_id bigint not null references dataset (id),  -- the boundary file this geometry came from
    primary key (level, code)
);
create index area_geom on area using gist (geom);

-- ONS best-fit hierarchy: each LSOA sits in exactly one MSOA, ward and district.
create table lsoa_hierarchy (
    lsoa_code text primary key,
    lsoa_name text not null,
    msoa_code text not null,
    msoa_name text not null,
    ward_code text not null,
    ward_name text,
    lad_code  text not null,
    lad_name  text not null
);
create index lsoa_hierarchy_msoa on lsoa_hierarchy (msoa_code);
create index lsoa_hierarchy_ward on lsoa_hierarchy (ward_code);
create index lsoa_hierarchy_lad on lsoa_hierarchy (lad_code);

create table lsoa_population (
    lsoa_code     text primary key,
    dataset_id    bigint not null references dataset (id),
    total         integer not null,
    aged_0_15     integer not null,
    aged_16_59    integer not null,
    aged_60_plus  integer not null,
    working_age   integer not null
);
