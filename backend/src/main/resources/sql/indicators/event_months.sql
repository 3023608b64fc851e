-- The first and last month of a dataset's current events: the span of a series when the indicator's is open.
select min(e.month) as first_month, max(e.month) as last_month
from event e
join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id
where e.dataset_id = :dataset_id
