-- Moves the usable rows of a staged police.uk archive into event ({{staging}} is our scratch table).
-- Columns keep the CSV headings in lower case ("crime type"): ogr2ogr does not launder names from -sql.
insert into event (dataset_id, month, category, source_id, lsoa_code, location, outcome, geom)
select :dataset_id, to_date(month, 'YYYY-MM'), btrim("crime type"), nullif(btrim("crime id"), ''),
       nullif(btrim("lsoa code"), ''), nullif(btrim(location), ''), nullif(btrim("last outcome category"), ''), geom
from {{staging}}
where geom is not null
  and month ~ '^\d{4}-(0[1-9]|1[0-2])$'
  and nullif(btrim("crime type"), '') is not null
