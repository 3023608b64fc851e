-- What cached per-LSOA counts depend on, as one text (events.CountCache): the dataset's current version, the
-- newest dataset and version ids (every load of boundaries or lookups makes one), and the numbers of loaded
-- LSOAs and lookup rows (areas added or removed without a load). Each part is an index lookup or an index-only count.
select concat_ws('/', (select current_version_id from dataset where id = :dataset_id),
                 (select max(id) from dataset), (select max(id) from dataset_version),
                 (select count(*) from area where level = 'lsoa'), (select count(*) from lsoa_hierarchy))
