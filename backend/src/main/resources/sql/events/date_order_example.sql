-- One staged row of an event upload, for an example in a date-order problem: its file, line and date text.
select r.source_file as file, r.source_row + 1 as line, btrim({{date}}::text) as value
from {{raw}} r
where r.ogr_fid = :row_id
