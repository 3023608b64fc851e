-- What the areas of a level are made of, as one text: the count of changes to areas (reference_change, kept by
-- triggers), so neighbours worked out before a wider partnership area or a new boundary file are not used.
select concat_ws('/', (select changes from reference_change), cast(:level as text))
