-- Rows of the staged England lookup {{lookup}} that are not for the partnership's districts (reported as rejected).
select ogr_fid as row_number, lsoa11cd as code, lad21cd as district
from {{lookup}}
where lad21cd not in (:districts) or nullif(lsoa11cd, '') is null or nullif(msoa11cd, '') is null or nullif(wd17cd, '') is null
order by ogr_fid
limit :limit
