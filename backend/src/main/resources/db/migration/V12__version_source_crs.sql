-- The coordinate reference system each version's file was read in (e.g. 'EPSG:27700'; null for versions
-- loaded before it was recorded). A dataset whose versions are all withdrawn has no load to date.
alter table dataset_version add column source_crs text;
alter table dataset alter column loaded_at drop not null;
