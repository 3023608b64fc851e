-- What an indicator's values depend on besides its definition and the viewer's access, as two texts
-- (indicators.IndicatorTables keeps whole tables under them): `reference` is population_stamp.sql's (the
-- newest dataset and version ids, every load makes one, and the count of changes to areas, lookup and
-- population kept by triggers), `version` the dataset's current version (a published version's events never
-- change). One query per request; each part is an index lookup or a one-row read.
select concat_ws('/', (select max(id) from dataset), (select max(id) from dataset_version),
                 (select changes from reference_change)) as reference,
       coalesce((select current_version_id from dataset where id = :dataset_id)::text, 'none') as version
