-- The usable rows of a checked polygon upload become the polygons of a new version. {{checked}} is the
-- uploads feature's scratch table (see uploads/check_polygons.sql).
insert into dataset_polygon (dataset_id, version_id, name, source_id, attributes, geom)
select :dataset_id, :version_id, name, source_id, attributes, geom
from {{checked}}
where reason is null
