-- The collection's bounding box in CRS84 (lon/lat), from the stored British National Grid extent.
-- {{view}} and {{filters}} come from the collection catalogue.
select ST_XMin(e) as min_x, ST_YMin(e) as min_y, ST_XMax(e) as max_x, ST_YMax(e) as max_y
from (select ST_Transform(ST_SetSRID(ST_Extent(v.geom)::geometry, 27700), 4326) as e
      from {{view}} v where true {{filters}}) extent
where e is not null
