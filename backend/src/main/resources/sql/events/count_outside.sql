-- Events of the dataset whose LSOA is not among the loaded areas, and the sum of their record keys.
select count(*) as events, coalesce(sum(e.record_key), 0) as key_sum
from event e
where e.dataset_id = :dataset_id
  and e.version_id = (select current_version_id from dataset where id = :dataset_id)
  and (cast(:category as text) is null or e.category = :category)
  and (cast(:first_day as date) is null or e.month >= :first_day)
  and (cast(:last_day as date) is null or e.month <= :last_day)
  and not exists (select 1 from area a where a.level = 'lsoa' and a.code = e.lsoa_code)
