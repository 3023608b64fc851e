-- One page of a collection's features, each written by PostGIS as finished GeoJSON Feature text.
-- The page is chosen first and the JSON written after, so rows skipped by the offset cost nothing.
-- {{view}}, {{geometry}} and {{filters}} come from the collection catalogue and OutputCrs, never the request.
select json_build_object(
           'type', 'Feature',
           'id', v.id,
           'geometry', ST_AsGeoJSON({{geometry}}, :decimals)::json,
           'properties', to_jsonb(v) - 'geom' - 'id')::text as feature
from (select *
      from {{view}} v
      where true {{filters}}
      order by v.id
      limit :limit offset :offset) v
order by v.id
