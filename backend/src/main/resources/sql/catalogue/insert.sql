insert into dataset (slug, title, theme, source, licence, coverage, coverage_start, coverage_end,
                     source_sha256, source_crs, rows_read, rows_loaded)
values (:slug, :title, :theme, :source, :licence, :coverage, :coverage_start, :coverage_end,
        :sha, :crs, 0, 0)
returning id
