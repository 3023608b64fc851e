insert into dataset_version (dataset_id, version, source_sha256, file_name, rows_in, rows_published, rows_rejected,
                             coverage_start, coverage_end, created_by, source_crs, area_level, measures, count_measures)
values (:dataset_id, :version, :sha, :file_name, :rows_in, :rows_published, :rows_rejected,
        cast(:first as date), cast(:last as date), :created_by, :source_crs, :area_level, :measures, :count_measures)
returning id
