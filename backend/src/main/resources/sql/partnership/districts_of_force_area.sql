-- The districts (2021) of a police force area: those most of whose LSOAs (by the England lookup) have
-- their point on surface inside the force area's polygon. Force areas are made of whole districts; the
-- majority rule only absorbs the generalised edges of the two files. {{pfa}}, {{lsoas}} and {{lookup}}
-- are the staged national files (EPSG:27700).
with force_area as (
    select ST_Union(geom) as geom from {{pfa}} where lower(btrim(pfa20nm)) = lower(btrim(:name))
), placed as (
    select l.lad21cd, l.lad21nm, ST_Intersects(f.geom, ST_PointOnSurface(s.geom)) as inside
    from {{lsoas}} s
    join {{lookup}} l on l.lsoa11cd = s.lsoa11cd
    cross join force_area f
    where f.geom is not null
)
select lad21cd as code, min(lad21nm) as name
from placed
group by lad21cd
having 2 * count(*) filter (where inside) > count(*)
order by lad21cd
