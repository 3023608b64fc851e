-- An account with its partner; callers append the where clause.
select u.id, u.username, u.display_name, u.partner_id, p.name as partner_name, u.role, u.password_hash, u.enabled
from app_user u
join partner p on p.id = u.partner_id
