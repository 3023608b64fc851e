-- The England lookup's rows for the partnership's districts into lsoa_hierarchy. A row already there
-- (the Merseyside lookup, which also names the wards) is kept. The England lookup has no ward names.
insert into lsoa_hierarchy (lsoa_code, lsoa_name, msoa_code, msoa_name, ward_code, ward_name, lad_code, lad_name)
select lsoa11cd, lsoa11nm, msoa11cd, msoa11nm, wd17cd, null, lad21cd, lad21nm
from {{lookup}}
where lad21cd in (:districts)
  and nullif(lsoa11cd, '') is not null and nullif(msoa11cd, '') is not null and nullif(wd17cd, '') is not null
on conflict (lsoa_code) do nothing
