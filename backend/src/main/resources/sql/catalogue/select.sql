-- Every catalogue column, named as the Dataset record names them. Callers append where/order by.
select d.id, d.slug, d.title, d.theme, d.source, d.licence, d.coverage, d.description, d.update_frequency,
       d.coverage_start, d.coverage_end, d.source_crs,
       d.rows_read, d.rows_loaded, d.rows_repaired, d.rows_rejected, d.loaded_at,
       d.owner_partner_id, p.name as owner_partner, d.open_data,
       d.kind
from dataset d
left join partner p on p.id = d.owner_partner_id
