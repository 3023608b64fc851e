 and ST_Intersects(v.geom, ST_Transform(ST_Segmentize(ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, :bbox_srid), case when :bbox_srid = 27700 then 1e9 else 0.001 end), 27700))
