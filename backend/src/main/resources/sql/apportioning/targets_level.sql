-- The areas of a boundary level as apportioning targets.
select a.code, a.name, a.geom from area a where a.level = :target_level
