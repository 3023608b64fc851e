-- Areal apportioning (areal weighting) of source polygons' values to target areas, in British National Grid
-- metres. The sources are a query of (id, value, geom) and the targets one of (code, name, geom), both fixed
-- fragments chosen by the server (sources_*.sql, targets_*.sql), never request text.
--   extensive (counts, totals): sum over sources of value × (area of source ∩ target) / (area of source);
--     each source's total is shared among the targets in proportion to the part of its area they hold.
--   intensive (rates, means, scores): sum of value × (area of source ∩ target) / sum of (area of source ∩ target)
--     over the sources with a value: the area-weighted mean over the part of the target the sources cover.
--   coverage: that covered part as a share of the target's area (1 = wholly covered; 0 = no value).
-- Both assume the value is spread evenly over each source polygon; sources that overlap each other each count.
with source as ({{sources}}),
target as ({{targets}}),
piece as (
    select t.code, s.value, ST_Area(s.geom) as source_area, ST_Area(ST_Intersection(s.geom, t.geom)) as overlap
    from target t
    join source s on s.value is not null and ST_Intersects(s.geom, t.geom)
)
select t.code, t.name,
       sum(p.value * p.overlap / nullif(p.source_area, 0)) as extensive,
       sum(p.value * p.overlap) / nullif(sum(p.overlap), 0) as intensive,
       coalesce(sum(p.overlap), 0) / nullif(ST_Area(t.geom), 0) as coverage
from target t
left join piece p on p.code = t.code and p.overlap > 0
group by t.code, t.name, t.geom
order by t.code
