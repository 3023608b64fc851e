-- The open datasets (ONS boundaries and lookups, population, IMD) behind the boundary collections, for an export's metadata.
select d.slug, d.title, d.source, d.licence, d.coverage
from dataset d
where d.open_data
order by d.id
