-- Evidence of use: accesses per dataset and partner over a period.
select e.dataset_id, d.title as dataset, e.partner_id, e.partner, e.action, e.outcome,
       count(*) as events, coalesce(sum(e.row_count), 0) as rows, max(e.at) as last_at
from audit_event e
left join dataset d on d.id = e.dataset_id
where e.dataset_id is not null
  and (cast(:from as timestamptz) is null or e.at >= :from)
  and (cast(:to as timestamptz) is null or e.at < :to)
group by e.dataset_id, d.title, e.partner_id, e.partner, e.action, e.outcome
order by e.dataset_id, e.partner, e.action, e.outcome
