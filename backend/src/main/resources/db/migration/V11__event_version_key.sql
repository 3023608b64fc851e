-- An event's version and dataset are checked by one foreign key: the version must exist and belong to the
-- event's dataset (before, two keys checked each on its own, and did not check that they agree). Publishing
-- a version runs this check once per row, so one key instead of two also halves that cost.
alter table dataset_version add constraint dataset_version_id_dataset_key unique (id, dataset_id);
alter table event
    add constraint event_version_dataset_fkey foreign key (version_id, dataset_id) references dataset_version (id, dataset_id),
    drop constraint event_dataset_id_fkey,
    drop constraint event_version_id_fkey;
