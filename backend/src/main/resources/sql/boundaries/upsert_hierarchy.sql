insert into lsoa_hierarchy (lsoa_code, lsoa_name, msoa_code, msoa_name, ward_code, ward_name, lad_code, lad_name)
values (:lsoa_code, :lsoa_name, :msoa_code, :msoa_name, :ward_code, :ward_name, :lad_code, :lad_name)
on conflict (lsoa_code) do update
    set lsoa_name = excluded.lsoa_name, msoa_code = excluded.msoa_code, msoa_name = excluded.msoa_name,
        ward_code = excluded.ward_code, ward_name = excluded.ward_name,
        lad_code = excluded.lad_code, lad_name = excluded.lad_name
