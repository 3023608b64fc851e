-- How the staged national LSOAs {{lsoas}} fall: in the partnership's districts or not, and which are invalid.
select count(*) filter (where h.lad_code in (:districts)) as in_area,
       count(*) filter (where h.lad_code in (:districts) and not ST_IsValid(s.geom)) as repaired
from {{lsoas}} s
left join lsoa_hierarchy h on h.lsoa_code = s.lsoa11cd
