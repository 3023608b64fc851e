-- Every point of {{assigned}} counted in no loaded LSOA, into the job's report next to the rejected rows: kept
-- in the dataset but outside every count, so the uploader can see which rows and where they lie.
insert into upload_issue (job_id, file, row_number, column_name, value, reason)
select :job, source_file, source_line, 'Longitude, Latitude',
       'longitude ' || round(ST_X(ST_Transform(geom, 4326))::numeric, 6) || ', latitude ' || round(ST_Y(ST_Transform(geom, 4326))::numeric, 6)
           || coalesce(' (LSOA ' || nullif(source_lsoa_code, '') || ')', ''),
       :reason
from {{assigned}}
where lsoa_code is null and geom is not null
