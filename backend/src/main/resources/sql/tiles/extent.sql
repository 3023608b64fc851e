-- The longitude/latitude extent of one boundary level, from each area's British National Grid envelope
-- densified before it is transformed (an envelope's edges bend in WGS 84).
select ST_XMin(e) as west, ST_YMin(e) as south, ST_XMax(e) as east, ST_YMax(e) as north
from (select ST_Extent(ST_Transform(ST_Segmentize(ST_Envelope(geom), 250), 4326)) as e
      from area
      where level = :level) extent
where e is not null
