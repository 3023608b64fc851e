-- The custom areas released for the dataset's current version: how many the person has had, and every
-- released area's LSOAs (the ledger checks a new area against them).
select r.username = :username as mine, r.lsoas
from custom_area_release r
where r.version_id = :version_id
