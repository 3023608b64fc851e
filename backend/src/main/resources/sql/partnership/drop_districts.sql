-- Removes the reference data of districts dropped from the partnership's area (only ever run when no
-- partner dataset holds rows there): their areas at every level, population, IMD and lookup rows.
delete from area a using lsoa_hierarchy h
where h.lad_code in (:districts)
  and ((a.level = 'lsoa' and a.code = h.lsoa_code) or (a.level = 'msoa' and a.code = h.msoa_code)
       or (a.level = 'ward' and a.code = h.ward_code) or (a.level = 'district' and a.code = h.lad_code));
delete from lsoa_population p using lsoa_hierarchy h where h.lad_code in (:districts) and p.lsoa_code = h.lsoa_code;
delete from imd2019 i using lsoa_hierarchy h where h.lad_code in (:districts) and i.lsoa_code = h.lsoa_code;
delete from lsoa_hierarchy where lad_code in (:districts);
delete from partnership_district where lad_code in (:districts)
