-- Events per category of the dataset's current version, with the sum of their record keys.
select e.category, count(*) as events, coalesce(sum(e.record_key), 0) as key_sum
from event e
join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id
where e.dataset_id = :dataset_id
group by e.category
order by e.category
