-- Whether an area of a level is made of loaded LSOAs (a count table has a row for it). {{area_column}} as in
-- area_counts_by_month.sql.
select exists (select 1 from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code
               where h.{{area_column}} = :code)
