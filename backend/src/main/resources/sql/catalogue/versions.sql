select v.id, v.version, v.status, v.source_sha256, v.file_name, v.rows_in, v.rows_published, v.rows_rejected,
       v.coverage_start, v.coverage_end, v.created_by, v.published_at, v.withdrawn_at,
       coalesce(d.current_version_id = v.id, false) as current, v.source_crs
from dataset_version v
join dataset d on d.id = v.dataset_id
where v.dataset_id = :dataset_id
order by v.version
