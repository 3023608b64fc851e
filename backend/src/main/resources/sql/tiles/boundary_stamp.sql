-- What a level's boundary tiles depend on, as one text (tiles.BoundaryTileCache keeps tiles under it): the
-- newest dataset and version ids (every load of boundaries or lookups makes one) and the numbers of the
-- level's areas and of lookup rows (areas added or removed without a load). Index lookups and index-only counts.
select concat_ws('/', (select max(id) from dataset), (select max(id) from dataset_version),
                 (select count(*) from area where level = :level), (select count(*) from lsoa_hierarchy))
