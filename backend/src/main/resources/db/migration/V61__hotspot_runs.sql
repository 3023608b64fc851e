-- Hotspot runs: what was analysed (dataset and version, categories, months), how (method and parameters,
-- defaults filled in), for whom (user, partner, and the access basis the run was computed from), and
-- when, so that a run can be listed, re-run and compared. A run is a job: its state, stage and percent
-- are written as it goes. Its result (predictive accuracy, the method comparison) is kept as JSON and its
-- hotspot polygons or cells in hotspot_feature, served as an OGC API Features collection per run.
create table hotspot_run (
    id           bigserial primary key,
    dataset_id   bigint not null references dataset (id),
    version_id   bigint not null references dataset_version (id),
    categories   text[] not null default '{}',      -- empty = every category
    from_month   date not null,                     -- first day of the first month analysed
    to_month     date not null,                     -- first day of the last month analysed
    method       text not null check (method in ('kde', 'gistar', 'top-areas')),
    parameters   jsonb not null,                    -- as asked; result.parameters holds them with defaults filled in
    basis        text not null check (basis in ('record', 'aggregate', 'public')),  -- points, or protected counts
    geography    text references boundary_level (id),  -- smallest level of protected counts (null for record)
    rerun_of     bigint references hotspot_run (id),
    created_by   text not null,
    partner_id   bigint references partner (id),
    created_at   timestamptz not null default now(),
    state        text not null default 'queued' check (state in ('queued', 'running', 'succeeded', 'failed')),
    stage        text not null default 'queued',
    percent      integer not null default 0 check (percent between 0 and 100),
    result       jsonb,
    problem      jsonb,
    surface      bytea,                             -- the KDE surface as GeoTIFF
    finished_at  timestamptz,
    check (from_month <= to_month)
);
create index hotspot_run_dataset on hotspot_run (dataset_id, created_at desc);

-- One feature of a run's layer: a KDE class polygon (all cells of one class, dissolved), a Gi* grid cell,
-- or an area (Gi* on a boundary set, or a top area by count). Columns a kind does not have stay null.
create table hotspot_feature (
    run_id     bigint not null references hotspot_run (id) on delete cascade,
    id         integer not null,
    kind       text not null check (kind in ('kde-class', 'grid-cell', 'area')),
    label      text not null,
    code       text,                     -- the area code (areas only)
    events     double precision,         -- events in the cell or area (protected counts for aggregate runs)
    density    double precision,         -- KDE: the class's lower bound in events per km²
    z          double precision,
    p          double precision,
    p_adjusted double precision,         -- Benjamini-Hochberg
    hotspot_class integer,               -- KDE: multiple of the mean (2, 3, 4) or 1 for the top share; Gi*: -3..3
    hotspot    boolean not null,         -- counted as hotspot area for the predictive accuracy
    geom       geometry(MultiPolygon, 27700) not null,
    primary key (run_id, id)
);
create index hotspot_feature_geom on hotspot_feature using gist (geom);

-- What OGC API Features serves for a run (the collection filters on run_id, a number from hotspot_run).
create view feature_hotspot as
select f.run_id, r.dataset_id, f.id, f.kind, f.label, f.code, f.events, f.density, f.z, f.p, f.p_adjusted, f.hotspot_class,
       f.hotspot, f.geom
from hotspot_feature f
join hotspot_run r on r.id = f.run_id;
