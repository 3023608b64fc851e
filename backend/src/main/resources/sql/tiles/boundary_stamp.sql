-- What a level's boundary tiles depend on, as one text (tiles.BoundaryTileCache keeps tiles under it): the
-- newest dataset and version ids (every load of boundaries or lookups makes one) and the count of changes to
-- areas and lookup (reference_change, kept by triggers). Index lookups and a one-row read.
select concat_ws('/', (select max(id) from dataset), (select max(id) from dataset_version),
                 (select changes from reference_change), cast(:level as text))
