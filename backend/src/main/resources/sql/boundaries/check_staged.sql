-- Checks a staged boundary file row by row into checked_boundary (dropped at commit):
-- rejected rows have no code, a repeated code, or no polygon left; invalid polygons are repaired.
-- {{staging}}, {{code}} and {{name}} come from the boundary file's definition in code.
create temporary table checked_boundary on commit drop as
with raw as (
    select ogr_fid                                   as row_number,
           nullif(btrim({{code}}::text), '')         as code,
           nullif(btrim({{name}}::text), '')         as name,
           geom,
           row_number() over (partition by {{code}} order by ogr_fid) as copy
    from {{staging}}
), repaired as (
    select raw.*,
           case when geom is null or ST_IsEmpty(geom) then null
                when ST_IsValid(geom) then geom
                else ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) end as clean,
           case when geom is not null and not ST_IsEmpty(geom) and not ST_IsValid(geom)
                then ST_IsValidReason(geom) end as invalid_reason
    from raw
)
select row_number, code, name, clean as geom,
       case when code is null or copy > 1 or clean is null or ST_IsEmpty(clean) then 'rejected'
            when invalid_reason is not null then 'repaired' end as outcome,
       case when code is null then 'no area code'
            when copy > 1 then 'area code appears more than once (first row kept)'
            when geom is null or ST_IsEmpty(geom) then 'no geometry'
            when clean is null or ST_IsEmpty(clean) then 'invalid polygon with nothing left after repair: ' || invalid_reason
            when invalid_reason is not null then 'invalid polygon repaired with ST_MakeValid: ' || invalid_reason
       end as reason
from repaired
