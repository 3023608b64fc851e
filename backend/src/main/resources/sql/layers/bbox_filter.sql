 and ST_Intersects(v.geom, ST_Transform(ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, :bbox_srid), 27700))
