-- Custom areas, newest first (:id null = all), with who saved them and each one's districts.
select c.id, c.name, c.source, c.lsoas, c.created_by, p.name as partner_name, c.created_at,
       array(select distinct h.lad_code from lsoa_hierarchy h where h.lsoa_code = any (c.lsoas) order by 1) as districts
from custom_area c
left join partner p on p.id = c.partner_id
where cast(:id as bigint) is null or c.id = :id
order by c.id desc
