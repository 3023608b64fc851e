-- How the file's own LSOA codes agree with point in polygon, how many points fall outside every LSOA, and
-- how many are counted in no loaded LSOA at all (outside the partnership's area: kept out of every count).
select count(*) as points,
       count(*) filter (where pip_lsoa_code is null) as outside_every_lsoa,
       count(*) filter (where source_lsoa_code is not null and pip_lsoa_code is not null) as compared,
       count(*) filter (where source_lsoa_code = pip_lsoa_code) as agreeing,
       count(*) filter (where lsoa_code is null) as outside_area
from {{assigned}}
