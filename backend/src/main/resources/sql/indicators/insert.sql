-- Saves an indicator definition; the id it gets is its stable key.
insert into indicator (name, dataset_id, measure_type, statistic_measure, categories, from_month, to_month, area_level,
                       created_by, partner_id)
values (:name, :dataset_id, :measure_type, :statistic_measure, cast(:categories as text[]), :from_month, :to_month, :area_level,
        :created_by, :partner_id)
returning id
