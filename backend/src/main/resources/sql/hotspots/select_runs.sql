-- Runs, newest first, with their dataset's title and version number (:id null = all, :dataset_id null = every dataset).
select r.id, r.dataset_id, d.title as dataset_title, r.version_id, v.version, r.categories, r.from_month, r.to_month, r.method,
       r.parameters::text as parameters, r.basis, r.geography, r.rerun_of, r.created_by, r.partner_id, r.created_at, r.state,
       r.stage, r.percent, r.result::text as result, r.problem::text as problem, r.surface is not null as has_surface,
       r.finished_at
from hotspot_run r
join dataset d on d.id = r.dataset_id
join dataset_version v on v.id = r.version_id
where (cast(:id as bigint) is null or r.id = :id)
  and (cast(:dataset_id as bigint) is null or r.dataset_id = :dataset_id)
order by r.created_at desc, r.id desc
limit 500
