-- One KDE hotspot class as a feature: its raster cells (given by their north-west corners) dissolved.
insert into hotspot_feature (run_id, id, kind, label, events, density, hotspot_class, hotspot, geom)
select :run_id, :id, 'kde-class', :label, :events, :density, :class, true,
       ST_Multi(ST_Union(ST_MakeEnvelope(c.x, c.y - :size, c.x + :size, c.y, 27700)))
from unnest(cast(:xs as float8[]), cast(:ys as float8[])) as c(x, y)
