insert into lsoa_population (lsoa_code, dataset_id, total, aged_0_15, aged_16_59, aged_60_plus, working_age)
values (:lsoa_code, :dataset_id, :total, :aged_0_15, :aged_16_59, :aged_60_plus, :working_age)
on conflict (lsoa_code) do update
    set dataset_id = excluded.dataset_id, total = excluded.total, aged_0_15 = excluded.aged_0_15,
        aged_16_59 = excluded.aged_16_59, aged_60_plus = excluded.aged_60_plus, working_age = excluded.working_age
