-- What the population by area depends on, as one text (IndicatorStore keeps the last answer per level while
-- it is unchanged): the newest dataset and version ids (every load of boundaries, lookups or population makes
-- one) and the numbers of loaded LSOAs, lookup rows and population rows (rows added or removed without a load).
select concat_ws('/', (select max(id) from dataset), (select max(id) from dataset_version),
                 (select count(*) from area where level = 'lsoa'), (select count(*) from lsoa_hierarchy),
                 (select count(*) from lsoa_population))
