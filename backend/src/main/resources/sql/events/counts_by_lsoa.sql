-- Events per loaded LSOA for one dataset, category and month range (nulls mean "any"), zeros included,
-- with each LSOA's best-fit MSOA, ward and district, and the sum of the events' record keys (cell-key
-- perturbation: the key of any cell made of whole LSOAs is the sum of its LSOAs' sums mod 256).
select h.lsoa_code, h.msoa_code, h.ward_code, h.lad_code, count(e.id) as events, coalesce(sum(e.record_key), 0) as key_sum
from lsoa_hierarchy h
join area a on a.level = 'lsoa' and a.code = h.lsoa_code
left join event e on e.lsoa_code = h.lsoa_code
    and e.dataset_id = :dataset_id
    and e.version_id = (select current_version_id from dataset where id = :dataset_id)
    and (cast(:category as text) is null or e.category = :category)
    and (cast(:first_day as date) is null or e.month >= :first_day)
    and (cast(:last_day as date) is null or e.month <= :last_day)
group by h.lsoa_code, h.msoa_code, h.ward_code, h.lad_code
order by h.lsoa_code
