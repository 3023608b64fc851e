-- One more failed sign-in for a key (an account at an address, or an address alone); failures are
-- forgotten once none has come for :forget_seconds. Returns the failures counted.
insert into sign_in_throttle as t (scope, key, failures, last_failure_at)
values (:scope, :key, 1, now())
on conflict (scope, key) do update
set failures = case when t.last_failure_at < now() - make_interval(secs => :forget_seconds) then 1 else t.failures + 1 end,
    last_failure_at = now()
returning failures
