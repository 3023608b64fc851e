-- What an export says about the dataset behind it: the dataset, its current version and the period it covers.
select d.id, d.slug, d.title, d.source, d.licence, d.coverage,
       v.version, v.file_name, v.published_at,
       coalesce(v.coverage_start, d.coverage_start) as period_start,
       coalesce(v.coverage_end, d.coverage_end) as period_end
from dataset d
left join dataset_version v on v.id = d.current_version_id
where d.id = :dataset_id
