-- An upload belongs to the user and partner that sent it: its preview, its load as a dataset and its load
-- as a new version are refused (404) to anyone else.
create table upload_owner (
    upload_id   uuid primary key,
    username    text not null,
    partner_id  bigint,
    created_at  timestamptz not null default now()
);

-- Failed sign-ins, kept in the database so that every app instance behind a load balancer throttles
-- alike. scope 'pair' is keyed by account and client address, scope 'address' by the address alone.
-- blocked_until grows exponentially with the failures and is capped (see access.SignInThrottle).
create table sign_in_throttle (
    scope           text not null check (scope in ('pair', 'address')),
    key             text not null,
    failures        integer not null,
    last_failure_at timestamptz not null,
    blocked_until   timestamptz,
    primary key (scope, key)
);
