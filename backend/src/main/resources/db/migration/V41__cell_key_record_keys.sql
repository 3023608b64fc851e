-- Cell-key perturbation (see org.patchwork.disclosure): every published event row carries a fixed random
-- record key from 0 to 255, drawn when the row is inserted (so a new version's rows get new keys). A cell's
-- key is the sum of its records' keys modulo 256, computed with its count. The key comes from a version-4
-- UUID's first byte, which PostgreSQL draws from a strong random source (random() is not meant for this).
-- Adding the column with a volatile default gives every existing row its own key.
alter table event add column record_key smallint not null
    default get_byte(uuid_send(gen_random_uuid()), 0) check (record_key between 0 and 255);

-- The server-side secret that keys the hash giving a statistics cell (no records) its cell key. Drawn once
-- here so that it survives restarts (the same cell must always get the same noise); patchwork.disclosure.secret
-- overrides it. Never served.
create table disclosure_secret (
    id     integer primary key default 1 check (id = 1),
    secret bytea not null
);
insert into disclosure_secret (secret)
values (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- The custom areas released to people under disclosure control, per dataset version: a new custom area
-- that differs from a standard area or from one already released (to anyone) by only a few LSOAs is
-- refused, and each person may release only so many (see CustomAreaLedger).
create table custom_area_release (
    id          bigserial primary key,
    dataset_id  bigint not null references dataset (id),
    version_id  bigint not null references dataset_version (id),
    username    text not null,
    lsoas       text[] not null,       -- sorted LSOA codes
    released_at timestamptz not null default now(),
    unique (version_id, lsoas)
);
create index custom_area_release_user on custom_area_release (version_id, username);
