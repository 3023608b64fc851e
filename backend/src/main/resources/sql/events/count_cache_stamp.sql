-- What cached per-LSOA counts depend on, as one text (events.CountCache): the dataset's current version, the
-- newest dataset and version ids (every load of boundaries or lookups makes one), and the count of changes to
-- areas and lookup (reference_change, kept by triggers). Index lookups and a one-row read.
select concat_ws('/', (select current_version_id from dataset where id = :dataset_id),
                 (select max(id) from dataset), (select max(id) from dataset_version),
                 (select changes from reference_change))
