-- The points of {{assigned}} counted in no loaded LSOA (outside the partnership's area), for the job's report.
select source_file as file, source_line as row, source_lsoa_code as lsoa_code, location,
       round(ST_X(ST_Transform(geom, 4326))::numeric, 6) as longitude, round(ST_Y(ST_Transform(geom, 4326))::numeric, 6) as latitude
from {{assigned}}
where lsoa_code is null
order by source_file, source_line
limit :limit
