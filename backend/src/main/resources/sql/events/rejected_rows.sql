-- The staged police.uk rows insert_police_uk.sql leaves out, each with its file, line and reason.
select source_file, source_row + 1 as line,
       case when geom is null then 'Longitude/Latitude'
            when month is null or month !~ '^\d{4}-(0[1-9]|1[0-2])$' then 'Month'
            else 'Crime type' end as column_name,
       case when geom is null then null
            when month is null or month !~ '^\d{4}-(0[1-9]|1[0-2])$' then month
            else "crime type" end as value,
       case when geom is null then 'no coordinates'
            when month is null or month !~ '^\d{4}-(0[1-9]|1[0-2])$' then 'month is not YYYY-MM'
            else 'no crime type' end as reason
from {{staging}}
where geom is null
   or month is null or month !~ '^\d{4}-(0[1-9]|1[0-2])$'
   or nullif(btrim("crime type"), '') is null
order by source_file, source_row
