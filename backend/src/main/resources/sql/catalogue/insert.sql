insert into dataset (slug, title, theme, source, licence, coverage, coverage_start, coverage_end,
                     source_sha256, source_crs, owner_partner_id, open_data, rows_read, rows_loaded)
values (:slug, :title, :theme, :source, :licence, :coverage, :coverage_start, :coverage_end,
        :sha, :crs, :owner, :open_data, 0, 0)
returning id
