-- Levels without polygons for a point fall back to the ONS best-fit lookup of its LSOA.
update {{checked}} c
set msoa_code = coalesce(c.msoa_code, h.msoa_code),
    ward_code = coalesce(c.ward_code, h.ward_code),
    lad_code = coalesce(c.lad_code, h.lad_code)
from lsoa_hierarchy h
where h.lsoa_code = c.lsoa_code and c.reason is null
  and (c.msoa_code is null or c.ward_code is null or c.lad_code is null)
