-- After a withdrawal, the newest version still published is current, and the dataset's summary (rows,
-- period, when loaded, source CRS) describes it; when none is left the dataset shows nothing and no load.
update dataset d
set current_version_id = v.id,
    rows_read          = coalesce(v.rows_in, 0),
    rows_loaded        = coalesce(v.rows_published, 0),
    rows_repaired      = 0,
    rows_rejected      = coalesce(v.rows_rejected, 0),
    coverage_start     = v.coverage_start,
    coverage_end       = v.coverage_end,
    loaded_at          = v.published_at,
    source_crs         = case when v.id is null then null else coalesce(v.source_crs, d.source_crs) end
from (select 1) as one
left join (select * from dataset_version
           where dataset_id = :dataset_id and status = 'published'
           order by version desc limit 1) v on true
where d.id = :dataset_id
