-- Two more kinds of partner dataset besides point events: statistics keyed by area code, and polygons.

-- ONS LSOA 2011 -> 2021 changes (U unchanged, S a 2011 LSOA split into several 2021 ones, M several
-- 2011 LSOAs merged into one 2021 LSOA, X complex), used to bring 2021-coded statistics onto the
-- 2011 boundaries Patchwork maps.
create table lsoa_change (
    lsoa11_code text not null,
    lsoa21_code text not null,
    change      text not null check (change in ('U', 'S', 'M', 'X')),
    lsoa21_name text,
    primary key (lsoa21_code, lsoa11_code)
);
create index lsoa_change_lsoa11 on lsoa_change (lsoa11_code);

-- One value set per area (and period and breakdown category, when the file has them) of a version.
-- values: measure name -> number (null when the file left it empty). source_codes are the codes the
-- file gave: one, or the 2021 LSOAs whose counts were added up into their 2011 LSOA.
create table area_statistic (
    id           bigserial primary key,
    dataset_id   bigint not null references dataset (id),
    version_id   bigint not null references dataset_version (id),
    area_code    text not null,
    period       date,
    category     text,
    measures     jsonb not null,
    source_codes text[] not null,
    source_rows  integer not null
);
create unique index area_statistic_key on area_statistic (version_id, area_code, coalesce(period, date '0001-01-01'),
                                                          coalesce(category, ''));

-- Polygons of a version, in British National Grid, repaired where the file's were invalid.
create table dataset_polygon (
    id          bigserial primary key,
    dataset_id  bigint not null references dataset (id),
    version_id  bigint not null references dataset_version (id),
    name        text,
    source_id   text,
    attributes  jsonb,
    geom        geometry(MultiPolygon, 27700) not null
);
create index dataset_polygon_version on dataset_polygon (version_id);
create index dataset_polygon_geom on dataset_polygon using gist (geom);

-- What an area-statistics version holds: its boundary level, its measures and which of them are counts
-- (counts get small-number suppression for viewers with aggregate access).
alter table dataset_version
    add column area_level text check (area_level in ('lsoa', 'msoa', 'ward', 'district')),
    add column measures text[],
    add column count_measures text[];

-- What OGC API Features serves for a polygon dataset: its current version only.
create view feature_polygon as
select p.id, p.dataset_id, p.name, p.source_id, p.attributes, p.geom
from dataset_polygon p
join dataset d on d.id = p.dataset_id and d.current_version_id = p.version_id;

-- Area-statistics periods: a year is its 1 January, a financial year ("2019/20") its 1 April; anything
-- else is read as a date (upload_date).
create function upload_period(text) returns date language plpgsql immutable as $$
declare
    value text := btrim($1);
begin
    if value ~ '^(19|20)\d{2}$' then
        return to_date(value || '-01-01', 'YYYY-MM-DD');
    elsif value ~ '^(19|20)\d{2}/\d{2}$' and substr(value, 6, 2)::integer = (substr(value, 3, 2)::integer + 1) % 100 then
        return to_date(substr(value, 1, 4) || '-04-01', 'YYYY-MM-DD');
    end if;
    return upload_date(value);
exception when others then
    return null;
end
$$;

-- The markers statistical releases use for a value that is not available or withheld (x, c, .., :, -, *, n/a,
-- ...): an empty value, not an error.
create function upload_is_missing(text) returns boolean language sql immutable as $$
    select btrim($1) is null or lower(btrim($1)) in ('', 'x', 'c', '..', '.', ':', '-', '*', 'n/a', 'na', 'z', 'u', 'supp', 'suppressed')
$$;

-- A measure's value: a number, also written with thousands separators, a leading £ or a trailing %; null for
-- a missing marker (upload_is_missing), and for anything else that is not a number (reported by the check).
create function upload_measure(text) returns double precision language plpgsql immutable as $$
begin
    if upload_is_missing($1) then
        return null;
    end if;
    return replace(regexp_replace(btrim($1), '^£|%$', '', 'g'), ',', '')::double precision;
exception when others then
    return null;
end
$$;
