-- The 2021 parts of a split 2011 LSOA are added up only when every part is usable; otherwise the sum
-- would be short, so all its parts are rejected.
update {{checked}} c
set reason = '2011 LSOA ' || c.area_code || ' was split into ' || c.parts || ' 2021 LSOAs but only ' || g.usable
             || ' of them can be used from the file, so their sum would be short',
    reason_column = {{code_name}}, reason_value = c.source_code
from (select area_code, period, category, count(*) as usable
      from {{checked}}
      where reason is null and change = 'S'
      group by area_code, period, category) g
where c.reason is null and c.change = 'S' and g.area_code = c.area_code
  and g.period is not distinct from c.period and g.category is not distinct from c.category
  and g.usable < c.parts
