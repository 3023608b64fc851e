-- Every catalogue column, named as the Dataset record names them. Callers append where/order by.
select id, slug, title, theme, source, licence, coverage, coverage_start, coverage_end, source_crs,
       rows_read, rows_loaded, rows_repaired, rows_rejected, loaded_at
from dataset
