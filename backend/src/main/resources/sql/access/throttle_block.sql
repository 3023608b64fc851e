-- Past :free failures a key waits :first_seconds, doubling with each further failure, never longer than
-- :longest_seconds (so a real user is never kept out for long).
update sign_in_throttle
set blocked_until = case when failures <= :free then null
                         else now() + make_interval(secs => least(:longest_seconds,
                                                                  :first_seconds * power(2, least(20, failures - :free - 1))))
                    end
where scope = :scope and key = :key
