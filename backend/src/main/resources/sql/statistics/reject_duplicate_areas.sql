-- One value set per area, period and category: a repeated code keeps its first row; parts of a split
-- 2011 LSOA are not added when the file also gives that 2011 LSOA itself.
update {{checked}} c
set reason = case when d.copy > 1 then 'the area appears more than once for this period and category (the first row is kept)'
                  else '2011 LSOA ' || c.area_code || ' is also given directly in the file, so its 2021 parts are not added' end,
    reason_column = {{code_name}}, reason_value = c.source_code
from (select row_id,
             row_number() over (partition by area_code, period, category, source_code order by row_id) as copy,
             bool_or(change is null) over (partition by area_code, period, category) as given_directly
      from {{checked}}
      where reason is null) d
where d.row_id = c.row_id and (d.copy > 1 or (d.given_directly and c.change is not null))
