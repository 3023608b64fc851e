-- Kept tables, tiles and neighbour lists must know whether the areas, the LSOA lookup or the population have
-- changed since they were made. Counting those tables on every request read about 99,000 index entries at
-- national scale; instead one row counts the statements that changed any of them, so the question is a
-- one-row read. Statement-level triggers, so a load of 32,844 areas is one change, not 32,844.
create table reference_change (
    only_row boolean primary key default true check (only_row),
    changes  bigint not null
);
insert into reference_change (changes) values (0);

-- security definer: whoever changes reference data counts the change, without rights on the counter itself
create function count_reference_change() returns trigger
    language plpgsql security definer set search_path = public as $$
begin
    update reference_change set changes = changes + 1;
    return null;
end
$$;

create trigger area_changed after insert or update or delete or truncate on area
    for each statement execute function count_reference_change();
create trigger lsoa_hierarchy_changed after insert or update or delete or truncate on lsoa_hierarchy
    for each statement execute function count_reference_change();
create trigger lsoa_population_changed after insert or update or delete or truncate on lsoa_population
    for each statement execute function count_reference_change();
