-- An event keeps its full date, and its time of day when the file gives one, not only its month (which stays,
-- for counting). Both are null for files that give only a month (police.uk). Served with the points, to those
-- whose agreement allows record-level data.
alter table event
    add column occurred_on date,
    add column occurred_at time;

create or replace view feature_event as
select e.id, e.dataset_id, to_char(e.month, 'YYYY-MM') as month, e.category, e.source_id, e.lsoa_code,
       e.location, e.outcome, e.geom,
       to_char(e.occurred_on, 'YYYY-MM-DD') as date, to_char(e.occurred_at, 'HH24:MI:SS') as time
from event e
join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id;

-- A date whose day and month may come in either order: month_first says which for dates such as 10/02/2023
-- (uploads.DateOrder decides it per column from the values); everything else as upload_date(text).
create function upload_date(text, month_first boolean) returns date language plpgsql immutable as $$
declare
    parts text[] := regexp_match(btrim($1), '^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})([ T].*)?$');
begin
    if parts is null then
        return upload_date($1);
    elsif month_first then
        return make_date(parts[3]::integer, parts[1]::integer, parts[2]::integer);
    end if;
    return make_date(parts[3]::integer, parts[2]::integer, parts[1]::integer);
exception when others then
    return null;
end
$$;

-- The time of day written after a date (2023-10-02T14:30, 02/10/2023 14:30:05, 10/02/2023 2:30 PM), or the
-- fraction of an Excel serial day number; null when there is none or it cannot be read.
create function upload_time(text) returns time language plpgsql immutable as $$
declare
    value text := btrim($1);
    parts text[];
    hours integer;
begin
    if value ~ '^\d{5}\.\d+$' then
        return time '00:00' + make_interval(secs => round((value::numeric - floor(value::numeric)) * 86400)::integer);
    end if;
    parts := regexp_match(value, '[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?$');
    if parts is null then
        return null;
    end if;
    hours := parts[1]::integer;
    if parts[4] is not null then
        if hours < 1 or hours > 12 then
            return null;
        end if;
        hours := hours % 12 + case when lower(parts[4]) = 'pm' then 12 else 0 end;
    end if;
    return make_time(hours, parts[2]::integer, coalesce(parts[3], '0')::double precision);
exception when others then
    return null;
end
$$;
