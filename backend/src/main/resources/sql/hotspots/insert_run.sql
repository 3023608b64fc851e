-- Records a run as asked, queued; the id it gets is the run's (and its collection's, hotspots-{id}) key.
insert into hotspot_run (dataset_id, version_id, categories, from_month, to_month, method, parameters, basis, geography,
                         rerun_of, created_by, partner_id)
values (:dataset_id, (select current_version_id from dataset where id = :dataset_id), cast(:categories as text[]),
        :from_month, :to_month, :method, cast(:parameters as jsonb), :basis, :geography, :rerun_of, :created_by, :partner_id)
returning id
