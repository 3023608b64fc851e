-- The staged national LSOAs {{lsoas}} outside the partnership's districts (reported as rejected), and the
-- invalid ones inside (reported as repaired).
select s.ogr_fid as row_number, s.lsoa11cd as code,
       case when h.lad_code in (:districts) then 'repaired' else 'rejected' end as outcome,
       case when h.lad_code in (:districts) then 'invalid polygon repaired with ST_MakeValid: ' || ST_IsValidReason(s.geom)
            else 'outside the partnership''s area' end as reason
from {{lsoas}} s
left join lsoa_hierarchy h on h.lsoa_code = s.lsoa11cd
where h.lad_code is null or h.lad_code not in (:districts) or not ST_IsValid(s.geom)
order by (h.lad_code in (:districts)) desc nulls last, s.ogr_fid
limit :limit
