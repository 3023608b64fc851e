-- A polygon dataset's current polygons with one attribute read as a number (text that is not a number: no value).
select p.id::text as id,
       case when p.attributes ->> :attribute ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'
            then (p.attributes ->> :attribute)::double precision end as value,
       p.geom
from feature_polygon p
where p.dataset_id = :dataset_id
