-- The IMD 2019 as values by area code, like any area-statistics dataset: one row per loaded LSOA with the
-- index's and each domain's rank and decile as measures (period 2019).
insert into area_statistic (dataset_id, version_id, area_code, period, category, measures, source_codes, source_rows)
select :dataset_id, :version_id, i.lsoa_code, date '2019-01-01', null,
       jsonb_strip_nulls(to_jsonb(i) - 'lsoa_code' - 'dataset_id'), array[i.lsoa_code], 1
from imd2019 i
join area a on a.level = 'lsoa' and a.code = i.lsoa_code
