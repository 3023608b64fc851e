-- What the areas of a level are made of, in one short text: it changes when areas are added (a wider
-- partnership area) or their boundary file is replaced, so neighbours worked out before are stale.
select count(*) || ':' || coalesce(sum(dataset_id), 0) || ':' || coalesce(max(dataset_id), 0)
from area
where level = :level
