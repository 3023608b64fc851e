-- Recipients of the dataset's agreements in force today (started, not expired, not withdrawn) that
-- name the viewer: by partner, by role, by role within a partner, or the public. Evaluated on every
-- request, so an agreement that expires stops giving access without a restart.
select a.id as agreement_id, r.access_level, r.min_geography, a.created_by
from sharing_agreement a
join agreement_recipient r on r.agreement_id = a.id
where a.dataset_id = :dataset_id
  and a.withdrawn_at is null
  and a.start_date <= current_date
  and current_date <= a.expiry_date
  and (r.role = 'public'
       or (cast(:partner_id as bigint) is not null
           and (r.partner_id is null or r.partner_id = :partner_id)
           and (r.role is null or r.role = :role)))
