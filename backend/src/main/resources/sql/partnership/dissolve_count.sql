-- How many {{level}} areas the partnership's districts' LSOAs make up (what dissolve.sql reads).
select count(distinct {{code}})
from lsoa_hierarchy h
join area a on a.level = 'lsoa' and a.code = h.lsoa_code
where h.lad_code in (:districts)
