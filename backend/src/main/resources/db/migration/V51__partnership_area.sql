-- The partnership's area: what it was set to (PATCHWORK_AREA on first start, or the admin page later)
-- and the local authority districts (2021) that setting covers. Boundaries, deprivation and population
-- are loaded for exactly these districts; uploads count what falls outside them.
create table partnership_area (
    id         boolean primary key default true check (id),   -- one row
    setting    text not null,         -- as given: 'Merseyside', 'E08000016,E08000017', 'england'
    name       text not null,         -- for people: 'Merseyside', 'South Yorkshire', 'England'
    changed_at timestamptz not null default now()
);

create table partnership_district (
    lad_code text primary key,
    lad_name text not null,
    widening integer not null          -- 0: loaded on first start; n: added by the n-th widening
);

