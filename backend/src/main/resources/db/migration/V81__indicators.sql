-- Indicators: a dataset, a filter, a measure and a geography, saved by name and shared with the whole
-- partnership (anyone who may see the dataset sees the indicator). The id is the indicator's stable key
-- (/api/indicators/{id}); what it shows is computed on request, through the viewer's access decision.
create table indicator (
    id                bigserial primary key,
    name              text not null check (length(btrim(name)) between 1 and 200),
    dataset_id        bigint not null references dataset (id),
    measure_type      text not null check (measure_type in ('count', 'rate-per-1000', 'rate-per-100000', 'area-statistic')),
    statistic_measure text,                           -- the area-statistics measure, e.g. 'imd_rank'
    categories        text[] not null default '{}',   -- event categories counted; empty = all
    from_month        date,                           -- first day of the first month counted; null = open
    to_month          date,                           -- first day of the last month counted; null = open
    area_level        text not null references boundary_level (id),
    created_by        text not null,
    partner_id        bigint references partner (id),
    created_at        timestamptz not null default now(),
    check ((measure_type = 'area-statistic') = (statistic_measure is not null)),
    check (from_month is null or to_month is null or from_month <= to_month)
);
create index indicator_dataset on indicator (dataset_id);
