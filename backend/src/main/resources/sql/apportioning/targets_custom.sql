-- The saved custom areas (the union of their LSOAs) as apportioning targets.
select 'custom-' || c.id as code, c.name, c.geom from custom_area c
