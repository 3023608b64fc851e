select id, at, username, partner_id, partner, action, outcome, dataset_id, dataset_version, output, row_count,
       detail, request_id, client_ip
from audit_event
where (cast(:username as text) is null or username = :username)
  and (cast(:partner_id as bigint) is null or partner_id = :partner_id)
  and (cast(:action as text) is null or action = :action)
  and (cast(:outcome as text) is null or outcome = :outcome)
  and (cast(:dataset_id as bigint) is null or dataset_id = :dataset_id)
  and (cast(:from as timestamptz) is null or at >= :from)
  and (cast(:to as timestamptz) is null or at < :to)
order by id desc
limit :limit
