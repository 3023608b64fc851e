-- The usable rows of a checked area-statistics upload become the values of a new version: one row per
-- area, period and category; the 2021 parts of a split 2011 LSOA are added up (a measure is null when
-- any part left it empty). {{checked}} is the uploads feature's scratch table (see check_area_statistics).
insert into area_statistic (dataset_id, version_id, area_code, period, category, measures, source_codes, source_rows)
select :dataset_id, :version_id, c.area_code, c.period, c.category,
       (select jsonb_object_agg(t.key, t.total)
        from (select m.key, case when count(m.value) = count(*) then sum(m.value::double precision) end as total
              from unnest(array_agg(c.measures)) as v(measures), jsonb_each_text(v.measures) as m
              group by m.key) t),
       array_agg(c.source_code order by c.source_code), count(*)
from {{checked}} c
where c.reason is null
group by c.area_code, c.period, c.category
