-- One area's events of some categories (:all_categories, or those in :categories) by category and month
-- between two months (a series), with the sum of their record keys,
-- counted from the same LSOAs as counts_by_lsoa.sql (the loaded LSOAs and their best-fit areas): a period's
-- count and key sum are the sums of its months, exactly what the period's table gives the area. Reads only
-- the area's LSOAs' events (event_lsoa), not the whole period. {{area_column}} is the lsoa_hierarchy column
-- of the area's level (lsoa_code, msoa_code, ward_code or lad_code), chosen in code.
select e.category, to_char(e.month, 'YYYY-MM') as month, count(*) as events, sum(e.record_key) as key_sum
from lsoa_hierarchy h
join area a on a.level = 'lsoa' and a.code = h.lsoa_code
join event e on e.lsoa_code = h.lsoa_code
    and e.dataset_id = :dataset_id
    and e.version_id = (select current_version_id from dataset where id = :dataset_id)
    and e.month between :first_day and :last_day
    and (cast(:all_categories as boolean) or e.category in (:categories))
where h.{{area_column}} = :code
group by e.category, e.month
