-- The audit trail: append-only. The application may insert and read, never change or remove a row;
-- the trigger stops even the table's owner, and the privileges are revoked as well.
create table audit_event (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    username    text,
    partner_id  bigint,
    partner     text,
    action      text not null,   -- login, login-failed, logout, record-access, aggregate-access, export, upload, agreement-change, denied, account-change
    outcome     text not null check (outcome in ('allowed', 'denied', 'failed')),
    dataset_id  bigint,
    dataset_version integer,
    output      text,            -- which output path: ogc-items, counts, custom-counts, datasets, ...
    row_count   integer,
    detail      text,
    request_id  text,
    client_ip   text
);
create index audit_event_at on audit_event (at);
create index audit_event_dataset on audit_event (dataset_id, at);
create index audit_event_partner on audit_event (partner_id, at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = '42501';
end
$$;
create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function audit_event_is_append_only();
revoke update, delete, truncate on audit_event from public;
revoke update, delete, truncate on audit_event from current_user;
