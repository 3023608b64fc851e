-- What the population by area depends on, as one text (IndicatorStore keeps the last answer per level while
-- it is unchanged): the newest dataset and version ids (every load of boundaries, lookups or population makes
-- one) and the count of changes to areas, lookup and population (reference_change, kept by triggers).
select concat_ws('/', (select max(id) from dataset), (select max(id) from dataset_version),
                 (select changes from reference_change))
