insert into audit_event (username, partner_id, partner, action, outcome, dataset_id, dataset_version, output,
                         row_count, detail, request_id, client_ip)
values (:username, :partner_id, :partner, :action, :outcome, :dataset_id, :dataset_version, :output,
        :row_count, :detail, :request_id, :client_ip)
