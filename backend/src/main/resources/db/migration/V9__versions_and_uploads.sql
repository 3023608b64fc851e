-- Versioned datasets and partner uploads.
-- A version row is written in the same transaction as its rows, so a version either exists whole or
-- not at all; readers always read the dataset's current version.
create table dataset_version (
    id              bigserial primary key,
    dataset_id      bigint not null references dataset (id),
    version         integer not null,
    status          text not null default 'published' check (status in ('published', 'withdrawn')),
    source_sha256   text not null,
    file_name       text not null,
    rows_in         integer not null,
    rows_published  integer not null,
    rows_rejected   integer not null,
    coverage_start  date,
    coverage_end    date,
    created_by      text not null,
    published_at    timestamptz not null default now(),
    withdrawn_at    timestamptz,
    unique (dataset_id, version),
    check (rows_in = rows_published + rows_rejected)
);

alter table dataset
    add column current_version_id bigint references dataset_version (id),
    add column description text,
    add column update_frequency text,
    add column kind text not null default 'reference'
        check (kind in ('reference', 'events', 'area-statistics', 'polygons'));

-- Events belong to a version; where they fall is recorded for every boundary set.
alter table event
    add column version_id bigint references dataset_version (id),
    add column source_lsoa_code text,
    add column msoa_code text,
    add column ward_code text,
    add column lad_code text,
    add column attributes jsonb;

-- Existing event datasets (loaded before versions existed) become version 1.
insert into dataset_version (dataset_id, version, source_sha256, file_name, rows_in, rows_published, rows_rejected,
                             coverage_start, coverage_end, created_by, published_at)
select d.id, 1, d.source_sha256, d.slug, d.rows_read, d.rows_loaded, d.rows_rejected, d.coverage_start, d.coverage_end,
       'set-up', d.loaded_at
from dataset d where exists (select 1 from event e where e.dataset_id = d.id);
update event e set version_id = v.id, source_lsoa_code = e.lsoa_code
from dataset_version v where v.dataset_id = e.dataset_id;
update dataset d set current_version_id = v.id, kind = 'events'
from dataset_version v where v.dataset_id = d.id;
alter table event alter column version_id set not null;
create index event_version on event (version_id);

alter table dataset_issue add column version_id bigint references dataset_version (id);

-- The column mapping a partner confirmed for a dataset, offered again for its next upload.
create table column_mapping (
    dataset_id  bigint primary key references dataset (id),
    mapping     jsonb not null,
    updated_by  text not null,
    updated_at  timestamptz not null default now()
);

-- Upload jobs, queued in the database so that any app instance can run them.
create table upload_job (
    id            uuid primary key,
    dataset_id    bigint references dataset (id),
    state         text not null check (state in ('queued', 'running', 'succeeded', 'failed')),
    stage         text not null,
    rows_processed integer not null default 0,
    percent       integer not null default 0,
    request       jsonb not null,      -- what to load: files, mapping, metadata, options
    result        jsonb,               -- dataset, version, counts
    problem       jsonb,               -- the problem+json body when failed
    created_by    text not null,
    partner_id    bigint,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    claimed_by    text
);
create index upload_job_state on upload_job (state, created_at);

-- The rows an upload could not use, kept for the report (and its CSV download).
create table upload_issue (
    job_id      uuid not null references upload_job (id) on delete cascade,
    file        text,
    row_number  bigint,
    column_name text,
    value       text,
    reason      text not null
);
create index upload_issue_job on upload_issue (job_id);

-- Points are served from the current version only.
create or replace view feature_event as
select e.id, e.dataset_id, to_char(e.month, 'YYYY-MM') as month, e.category, e.source_id, e.lsoa_code,
       e.location, e.outcome, e.geom
from event e
join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id;

-- Lenient parsers for uploaded text: null instead of an error, so one bad row is reported, not fatal.
create function upload_date(text) returns date language plpgsql immutable as $$
declare
    value text := btrim($1);
begin
    if value is null or value = '' then
        return null;
    elsif value ~ '^\d{4}-\d{2}$' then
        return to_date(value || '-01', 'YYYY-MM-DD');
    elsif value ~ '^\d{4}-\d{2}-\d{2}([ T].*)?$' then
        return to_date(substr(value, 1, 10), 'YYYY-MM-DD');
    elsif value ~ '^\d{1,2}/\d{1,2}/\d{4}( .*)?$' then
        return to_date(split_part(value, ' ', 1), 'DD/MM/YYYY');
    elsif value ~ '^\d{4}/\d{2}/\d{2}$' then
        return to_date(value, 'YYYY/MM/DD');
    elsif value ~ '^\d{5}(\.\d+)?$' then
        return date '1899-12-30' + floor(value::numeric)::integer;   -- an Excel serial day number
    end if;
    return null;
exception when others then
    return null;
end
$$;

create function upload_number(text) returns double precision language plpgsql immutable as $$
begin
    return nullif(replace(btrim($1), ',', ''), '')::double precision;
exception when others then
    return null;
end
$$;

create function upload_transform(geometry, integer) returns geometry language plpgsql immutable as $$
begin
    return ST_Transform($1, $2);
exception when others then
    return null;
end
$$;
