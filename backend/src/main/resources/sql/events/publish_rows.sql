-- The usable rows of a checked upload become the events of a new version. {{checked}} is the uploads
-- feature's scratch table: month, occurred_on, occurred_at, category, source_id, source_lsoa_code, lsoa_code, msoa_code, ward_code,
-- lad_code, location, outcome, attributes, geom (Point, 27700) and reason (null = usable).
insert into event (dataset_id, version_id, month, occurred_on, occurred_at, category, source_id, source_lsoa_code, lsoa_code, msoa_code,
                   ward_code, lad_code, location, outcome, attributes, geom)
select :dataset_id, :version_id, month, occurred_on, occurred_at, category, source_id, source_lsoa_code, lsoa_code, msoa_code,
       ward_code, lad_code, location, outcome, attributes, geom
from {{checked}}
where reason is null
