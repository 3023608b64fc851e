-- Information governance: partners, their users, API tokens, and the sharing agreement behind each dataset.

create table partner (
    id         bigserial primary key,
    name       text not null unique,
    kind       text not null check (kind in ('police', 'council', 'nhs', 'school-trust', 'fire', 'voluntary', 'other')),
    created_at timestamptz not null default now()
);

create table app_user (
    id            bigserial primary key,
    username      text not null unique check (username = lower(username)),
    display_name  text not null,
    partner_id    bigint not null references partner (id),
    role          text not null check (role in ('admin', 'data-manager', 'analyst', 'officer', 'viewer')),
    password_hash text,                    -- null for accounts that sign in only through OpenID Connect
    oidc_subject  text unique,
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);

-- Bearer tokens for GIS clients and scripts; only a SHA-256 of the token is kept.
create table api_token (
    id           bigserial primary key,
    user_id      bigint not null references app_user (id),
    name         text not null,
    token_sha256 text not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz
);

-- Who owns a dataset, whether it is open data anyone signed in may see, and its disclosure control.
alter table dataset
    add column owner_partner_id bigint references partner (id),
    add column open_data boolean not null default false,
    add column aggregate_max_suppressed integer not null default 4 check (aggregate_max_suppressed >= 0),
    add column public_max_suppressed integer not null default 7 check (public_max_suppressed >= 0),
    add column public_rounding integer not null default 5 check (public_rounding >= 1);
update dataset set open_data = true;  -- everything loaded so far is published open data (ONS, MHCLG)

create table sharing_agreement (
    id               bigserial primary key,
    dataset_id       bigint not null references dataset (id),
    title            text not null,
    purpose          text not null,
    legal_basis      text not null,
    start_date       date not null,
    review_date      date,
    expiry_date      date not null,
    created_by       text not null,
    created_at       timestamptz not null default now(),
    withdrawn_at     timestamptz,
    check (expiry_date >= start_date)
);
create index sharing_agreement_dataset on sharing_agreement (dataset_id);

-- Each recipient is a partner (all its users), a role (in any partner), or a role within a partner;
-- role 'public' means anyone, signed in or not, and only ever at the public level.
create table agreement_recipient (
    id             bigserial primary key,
    agreement_id   bigint not null references sharing_agreement (id) on delete cascade,
    partner_id     bigint references partner (id),
    role           text check (role in ('admin', 'data-manager', 'analyst', 'officer', 'viewer', 'public')),
    access_level   text not null check (access_level in ('record', 'aggregate', 'public')),
    min_geography  text not null default 'lsoa' references boundary_level (id),
    check (partner_id is not null or role is not null),
    check (role is distinct from 'public' or access_level = 'public')
);
