-- One page of by-area features (counts, statistics): the caller's values come as a JSON array of
-- {id, code, properties} in page order; PostGIS adds each area's geometry and writes the finished Feature.
-- {{geometry}} comes from OutputCrs, never the request.
select json_build_object(
           'type', 'Feature',
           'id', f.value -> 'id',
           'geometry', ST_AsGeoJSON({{geometry}}, :decimals)::json,
           'properties', f.value -> 'properties')::text as feature
from json_array_elements(cast(:features as json)) with ordinality as f(value, n)
left join area v on v.level = :level and v.code = f.value ->> 'code'
order by f.n
