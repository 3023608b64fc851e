insert into dataset_version (dataset_id, version, source_sha256, file_name, rows_in, rows_published, rows_rejected,
                             coverage_start, coverage_end, created_by, source_crs)
values (:dataset_id, :version, :sha, :file_name, :rows_in, :rows_published, :rows_rejected,
        :first, (date_trunc('month', cast(:last as date)) + interval '1 month - 1 day')::date, :created_by,
        :source_crs)
returning id
