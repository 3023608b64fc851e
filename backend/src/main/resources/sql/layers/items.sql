-- One page of a collection's features, each written by PostGIS as finished GeoJSON Feature text.
-- The page is chosen first and the JSON written after, so rows skipped by the offset cost nothing.
-- {{view}}, {{geometry}}, {{properties}} and {{filters}} come from the collection catalogue and OutputCrs, never the request.
select json_build_object(
           'type', 'Feature',
           'id', v.id,
           'geometry', ST_AsGeoJSON({{geometry}}, :decimals)::json,
           'properties', {{properties}})::text as feature
from (select *
      from {{view}} v
      where true {{filters}}
      order by v.id
      limit :limit offset :offset) v
order by v.id
