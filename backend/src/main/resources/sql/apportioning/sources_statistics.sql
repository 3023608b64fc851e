-- Values of uploaded area statistics (as published to the viewer, protected where they must be) on their areas.
select v.code as id, v.value, a.geom
from jsonb_to_recordset(cast(:values as jsonb)) as v(code text, value double precision)
join area a on a.level = :source_level and a.code = v.code
