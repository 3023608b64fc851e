-- Migrations run as the owner role (spring.flyway.user); the application connects as its own role
-- (spring.datasource.username, placeholder app_user) with what it needs and no more: data on every
-- table, its scratch tables in the staging schema, and on the audit trail INSERT and SELECT only, so it
-- can neither change audit rows nor switch the append-only trigger off (only a table's owner can).
-- When both are the same role (a single DATABASE_URL) there is nothing to grant.
do $$
declare
    app text := '${app_user}';
    statement text;
begin
    if app = current_user then
        raise notice 'migrations and the application share the role %; audit_event is guarded by its trigger only', app;
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant usage, create on schema staging to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
    execute format('revoke update, delete, truncate, references, trigger on audit_event from %I', app);
    execute format('grant select, insert on audit_event to %I', app);
    -- tables a previous version left in staging belong to the application, which drops them
    for statement in select format('alter table staging.%I owner to %I', tablename, app)
                     from pg_tables where schemaname = 'staging' loop
        execute statement;
    end loop;
end
$$;
