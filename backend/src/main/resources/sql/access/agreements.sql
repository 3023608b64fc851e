-- Agreements with whether each is in force today; callers append the where clause.
select a.id, a.dataset_id, a.title, a.purpose, a.legal_basis, a.start_date, a.review_date, a.expiry_date,
       a.created_by, a.created_at, a.withdrawn_at,
       (a.withdrawn_at is null and a.start_date <= current_date and current_date <= a.expiry_date) as in_force
from sharing_agreement a
