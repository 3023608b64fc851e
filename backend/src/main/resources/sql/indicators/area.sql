-- One area by code: its level, name and district (the district itself for a district).
select a.level, a.code, a.name,
       case when a.level = 'district' then a.code
            else (select min(h.lad_code) from lsoa_hierarchy h
                  where a.code in (h.lsoa_code, h.msoa_code, h.ward_code)) end as district
from area a
where a.code = :code
order by a.level
limit 1
