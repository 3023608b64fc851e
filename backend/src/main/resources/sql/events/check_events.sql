-- Checks every staged row of an event upload into {{checked}}: the parsed values, the point in British
-- National Grid, and, for a row that cannot be used, the first reason with its column and value.
-- Placeholders are filled from the confirmed mapping: quoted column names of {{raw}} (ours) or null,
-- and literals for {{xy}} (points from x/y columns) and {{epsg}}; the common formats take fast paths and
-- only odd values go through the lenient (slower) upload_* functions. {{month_first}} says whether dates such
-- as 10/02/2023 are month first (uploads.DateOrder decided it from the column). The table is scratch, so unlogged.
create unlogged table {{checked}} as
with repeated as (
    -- the later rows of each identifier (narrow, so only identifiers and row numbers are sorted)
    select row_id
    from (select r.ogr_fid as row_id, row_number() over (partition by btrim({{id}}::text) order by r.ogr_fid) as copy
          from {{raw}} r
          where btrim({{id}}::text) <> '') numbered
    where copy > 1
), source as (
    select r.ogr_fid as row_id, r.source_file, r.source_row + 1 as source_line,
           btrim({{x}}::text) as x_text, btrim({{y}}::text) as y_text, {{own_geometry}} as own_geom,
           btrim({{date}}::text) as date_text, btrim({{category}}::text) as category_text,
           btrim({{id}}::text) as id_text, btrim({{lsoa}}::text) as lsoa_text,
           btrim({{location}}::text) as location_text, btrim({{outcome}}::text) as outcome_text,
           to_jsonb(r) - array['geom', 'ogr_fid', 'source_file', 'source_row'] as attributes,
           exists (select 1 from repeated d where d.row_id = r.ogr_fid) as repeated
    from {{raw}} r
), parsed as (
    select s.*,
           case when x_text ~ '^-?\d+(\.\d+)?$' then x_text::double precision else upload_number(x_text) end as x,
           case when y_text ~ '^-?\d+(\.\d+)?$' then y_text::double precision else upload_number(y_text) end as y,
           case when date_text ~ '^\d{4}-(0[1-9]|1[0-2])$' then to_date(date_text || '-01', 'YYYY-MM-DD')
                else upload_date(date_text, {{month_first}}) end as day
    from source s
    offset 0   -- each step's values are computed once per row, not copied into every expression that uses them
), located as (
    select p.*,
           case when {{xy}} then
                    case when p.x is null or p.y is null or (p.x = 0 and p.y = 0) then null
                         when {{epsg}} = 4326 and p.x between -180 and 180 and p.y between -90 and 90
                              then ST_Transform(ST_SetSRID(ST_MakePoint(p.x, p.y), 4326), 27700)
                         when {{epsg}} = 27700 then ST_SetSRID(ST_MakePoint(p.x, p.y), 27700)
                         else upload_transform(ST_SetSRID(ST_MakePoint(p.x, p.y), {{epsg}}), 27700) end
                when GeometryType(p.own_geom) = 'POINT' then upload_transform(ST_SetSRID(ST_Force2D(p.own_geom), {{epsg}}), 27700)
                when GeometryType(p.own_geom) = 'MULTIPOINT' and ST_NumGeometries(p.own_geom) = 1
                    then upload_transform(ST_SetSRID(ST_Force2D(ST_GeometryN(p.own_geom, 1)), {{epsg}}), 27700)
           end as point
    from parsed p
    offset 0
), judged as (
    select l.*,
           case when {{xy}} and (coalesce(x_text, '') = '' or coalesce(y_text, '') = '') then 'no-coordinates'
                when {{xy}} and (x is null or y is null) then 'coordinates-not-numbers'
                when {{xy}} and x = 0 and y = 0 then 'zero-point'
                when not {{xy}} and (own_geom is null or ST_IsEmpty(own_geom)) then 'no-geometry'
                when not {{xy}} and GeometryType(own_geom) not in ('POINT', 'MULTIPOINT') then 'not-a-point'
                when not {{xy}} and ST_X(ST_Centroid(own_geom)) = 0 and ST_Y(ST_Centroid(own_geom)) = 0 then 'zero-point'
                when point is null then 'not-convertible'
                when not (ST_X(point) between 82000 and 656000 and ST_Y(point) between 5000 and 658000) then 'outside'
                when coalesce(date_text, '') = '' then 'no-date'
                when day is null then 'bad-date'
                when coalesce(category_text, '') = '' then 'no-category'
                when repeated then 'duplicate-id'
           end as problem
    from located l
    offset 0
)
select row_id, source_file, source_line,
       date_trunc('month', day)::date as month,
       case when date_text !~ '^\d{4}-\d{2}$' then day end as occurred_on,   -- the full date, unless only the month is given
       case when day is not null and date_text ~ '(\d:\d\d|^\d{5}\.\d+$)' then upload_time(date_text) end as occurred_at,
       nullif(category_text, '') as category, nullif(id_text, '') as source_id,
       nullif(lsoa_text, '') as source_lsoa_code,
       nullif(location_text, '') as location, nullif(outcome_text, '') as outcome, attributes,
       point::geometry(Point, 27700) as geom,
       case problem
           when 'no-coordinates' then 'no coordinates'
           when 'coordinates-not-numbers' then 'coordinates are not numbers'
           when 'zero-point' then 'the point is at (0, 0), which means the location is missing'
           when 'no-geometry' then 'no geometry'
           when 'not-a-point' then 'the geometry is a ' || lower(GeometryType(own_geom)) || ', not a point'
           when 'not-convertible' then 'the coordinates cannot be converted from EPSG:' || {{epsg}} || ' to British National Grid'
           when 'outside' then 'the point is outside England and Wales (are the coordinates swapped, or in another CRS?)'
           when 'no-date' then 'no date'
           when 'bad-date' then 'not a date: use YYYY-MM, YYYY-MM-DD or DD/MM/YYYY'
           when 'no-category' then 'no category'
           when 'duplicate-id' then 'the identifier appears more than once (the first row is kept)'
       end as reason,
       case when problem in ('no-coordinates', 'coordinates-not-numbers', 'zero-point', 'not-convertible', 'outside') and {{xy}}
                 then {{x_name}} || ' / ' || {{y_name}}
            when problem in ('no-geometry', 'not-a-point', 'zero-point', 'not-convertible', 'outside') then 'geometry'
            when problem in ('no-date', 'bad-date') then {{date_name}}
            when problem = 'no-category' then {{category_name}}
            when problem = 'duplicate-id' then {{id_name}}
       end as reason_column,
       case when problem in ('no-coordinates', 'coordinates-not-numbers', 'zero-point', 'outside', 'not-convertible') and {{xy}}
                 then coalesce(x_text, '') || ', ' || coalesce(y_text, '')
            when problem in ('outside', 'zero-point') then ST_AsText(own_geom, 6)
            when problem in ('no-date', 'bad-date') then date_text
            when problem = 'duplicate-id' then id_text
       end as reason_value
from judged
