insert into column_mapping (dataset_id, mapping, updated_by)
values (:id, cast(:mapping as jsonb), :by)
on conflict (dataset_id) do update set mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = now()
