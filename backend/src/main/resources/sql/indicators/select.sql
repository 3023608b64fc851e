-- Indicator definitions, newest first (:id null = all).
select i.id, i.name, i.dataset_id, i.measure_type, i.statistic_measure, i.categories, i.from_month, i.to_month,
       i.area_level, i.created_by, i.partner_id, p.name as partner_name, i.created_at
from indicator i
left join partner p on p.id = i.partner_id
where cast(:id as bigint) is null or i.id = :id
order by i.id desc
