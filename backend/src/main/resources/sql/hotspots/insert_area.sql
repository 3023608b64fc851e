-- One area (Gi* on a boundary set, or a top area by count) as a feature, with the area's own geometry.
insert into hotspot_feature (run_id, id, kind, label, code, events, z, p, p_adjusted, hotspot_class, hotspot, geom)
select :run_id, :id, 'area', a.name, a.code, :events, :z, :p, :p_adjusted, :class, :hotspot, a.geom
from area a
where a.level = :level and a.code = :code
