-- Custom areas: saved by name and shared with the whole partnership (every signed-in person sees them).
-- Each is a set of whole 2011 LSOAs, so that every count of it is a count of whole LSOA cells, the same
-- cells the standard boundary sets are made of, and the custom-area ledger (custom_area_release) can
-- check it against every other area counted. A drawn area keeps the polygon as drawn (`drawn`); its LSOAs
-- are those whose point on surface (ST_PointOnSurface: a point always inside the LSOA, near its centre)
-- lies inside it (see sql/customareas/lsoas_in_polygon.sql).
-- `geom` is the union of its LSOAs: the ground its numbers cover, which is what the map shows.
create table custom_area (
    id          bigserial primary key,
    name        text not null check (length(btrim(name)) between 1 and 200),
    source      text not null check (source in ('drawn', 'lsoas')),
    lsoas       text[] not null check (cardinality(lsoas) > 0),   -- sorted 2011 LSOA codes
    drawn       geometry(MultiPolygon, 27700),                    -- the polygon as drawn (drawn areas only)
    geom        geometry(MultiPolygon, 27700) not null,           -- the union of its LSOAs
    created_by  text not null,
    partner_id  bigint references partner (id),
    created_at  timestamptz not null default now(),
    check ((source = 'drawn') = (drawn is not null))
);
create index custom_area_geom on custom_area using gist (geom);

-- The OGC API collection "custom-areas": one feature per custom area, keyed by its code.
create view feature_custom_area as
select 'custom-' || c.id as id, 'custom-' || c.id as code, c.name, c.source, cardinality(c.lsoas) as lsoa_count,
       (select sum(p.total) from lsoa_population p where p.lsoa_code = any (c.lsoas))::integer as population,
       c.created_by, to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at, c.geom
from custom_area c;
