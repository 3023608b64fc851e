-- Checks every staged row of a polygon upload into {{checked}}: the polygon in British National Grid,
-- repaired with ST_MakeValid where the file's was invalid (noted, and published), and for a row that
-- cannot be used, the first reason with its column and value. {{name}} and {{id}} are quoted columns of
-- {{raw}} or null; {{epsg}} is the file's coordinate reference system.
create unlogged table {{checked}} as
with source as (
    select r.ogr_fid as row_id, r.source_file, r.source_row + 1 as source_line,
           nullif(btrim({{name}}::text), '') as name, nullif(btrim({{id}}::text), '') as source_id,
           to_jsonb(r) - 'geom' - 'ogr_fid' - 'source_file' - 'source_row' as attributes, r.geom as own_geom
    from {{raw}} r
), shaped as (
    select s.*, GeometryType(own_geom) as type,
           case when GeometryType(own_geom) in ('POLYGON', 'MULTIPOLYGON') and not ST_IsEmpty(own_geom)
                then upload_transform(ST_SetSRID(ST_Force2D(own_geom), {{epsg}}), 27700) end as bng
    from source s
), repaired as (
    select s.*, ST_IsValid(bng) as valid,
           case when ST_IsValid(bng) then ST_Multi(bng) else ST_Multi(ST_CollectionExtract(ST_MakeValid(bng), 3)) end as polygon,
           case when not ST_IsValid(bng) then ST_IsValidReason(bng) end as invalid_reason,
           row_number() over (partition by source_id order by row_id) as copy
    from shaped s
), judged as (
    select r.*,
           case when own_geom is null or ST_IsEmpty(own_geom) then 'no-geometry'
                when type not in ('POLYGON', 'MULTIPOLYGON') then 'not-a-polygon'
                when bng is null then 'not-convertible'
                when polygon is null or ST_IsEmpty(polygon) then 'unrepairable'
                when not (ST_X(ST_Centroid(ST_Envelope(polygon))) between 82000 and 656000
                          and ST_Y(ST_Centroid(ST_Envelope(polygon))) between 5000 and 658000) then 'outside'
                when source_id is not null and copy > 1 then 'duplicate-id'
           end as problem
    from repaired r
)
select row_id, source_file, source_line, name, source_id, attributes,
       case when problem is null then polygon end::geometry(MultiPolygon, 27700) as geom,
       case when problem is null and not valid
            then 'invalid polygon (' || invalid_reason || '): repaired with ST_MakeValid and published' end as repair,
       case problem
           when 'no-geometry' then 'no geometry'
           when 'not-a-polygon' then 'the geometry is a ' || lower(type) || ', not a polygon'
           when 'not-convertible' then 'the coordinates cannot be converted from EPSG:' || {{epsg}} || ' to British National Grid'
           when 'unrepairable' then 'invalid polygon (' || coalesce(invalid_reason, '') || ') that ST_MakeValid cannot turn into an area'
           when 'outside' then 'the polygon is outside England and Wales (is the coordinate reference system right?)'
           when 'duplicate-id' then 'the identifier appears more than once (the first row is kept)'
       end as reason,
       case when problem = 'duplicate-id' then {{id_name}} when problem is not null then 'geometry' end as reason_column,
       case when problem = 'duplicate-id' then source_id
            when problem in ('outside', 'not-a-polygon') then left(ST_AsText(own_geom, 6), 200)
       end as reason_value
from judged
