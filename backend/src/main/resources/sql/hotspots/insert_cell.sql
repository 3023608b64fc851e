-- One Gi* grid cell as a feature.
insert into hotspot_feature (run_id, id, kind, label, events, z, p, p_adjusted, hotspot_class, hotspot, geom)
values (:run_id, :id, 'grid-cell', :label, :events, :z, :p, :p_adjusted, :class, :hotspot,
        ST_Multi(ST_GeomFromText(:wkt, 27700)))
