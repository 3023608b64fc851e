-- Names of every area in the ONS lookup, for boundary files that carry codes only.
create view hierarchy_name as
select distinct 'lsoa' as level, lsoa_code as code, lsoa_name as name from lsoa_hierarchy
union
select distinct 'msoa', msoa_code, msoa_name from lsoa_hierarchy
union
select distinct 'ward', ward_code, ward_name from lsoa_hierarchy where ward_name is not null
union
select distinct 'district', lad_code, lad_name from lsoa_hierarchy;
