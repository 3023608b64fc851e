insert into lsoa_change (lsoa11_code, lsoa21_code, change, lsoa21_name)
values (:lsoa11_code, :lsoa21_code, :change, :lsoa21_name)
on conflict (lsoa21_code, lsoa11_code) do update set change = excluded.change, lsoa21_name = excluded.lsoa21_name
