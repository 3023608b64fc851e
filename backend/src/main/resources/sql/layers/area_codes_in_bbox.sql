-- The codes of the areas of one level a bbox touches; {{filters}} is layers/bbox_filter (or its antimeridian form).
select v.code from area v where v.level = :level {{filters}}
