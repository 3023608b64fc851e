-- A KDE run's classes: each class number (multiple of the mean, or 1 for the top share) and its lower bound in
-- events per km², as saved with the class's polygon; the heat surface image colours its cells by them.
select hotspot_class, min(density) as density
from hotspot_feature
where run_id = :run and kind = 'kde-class' and density is not null
group by hotspot_class
order by hotspot_class
