insert into imd2019 (lsoa_code, dataset_id, imd_rank, imd_decile)
values (:lsoa_code, :dataset_id, :imd_rank, :imd_decile)
on conflict (lsoa_code) do update
    set dataset_id = excluded.dataset_id, imd_rank = excluded.imd_rank, imd_decile = excluded.imd_decile
