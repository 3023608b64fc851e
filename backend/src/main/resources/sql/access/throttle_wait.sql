-- Seconds still to wait before this account may try to sign in from this address (0: may try now),
-- the longer of the account-at-address wait and the address wait.
select coalesce(ceil(extract(epoch from max(blocked_until) - now())), 0)::int
from sign_in_throttle
where ((scope = 'pair' and key = :pair) or (scope = 'address' and key = :address))
  and blocked_until > now()
