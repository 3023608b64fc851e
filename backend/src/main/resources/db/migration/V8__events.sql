-- Point events (crimes, incidents, ...) of a dataset: record-level data, shown only to users whose
-- sharing agreement gives record access; everyone else sees counts by area with disclosure control.
create table event (
    id          bigserial primary key,
    dataset_id  bigint not null references dataset (id),
    month       date not null,           -- first day of the month the event is recorded in
    category    text not null,
    source_id   text,                    -- the publisher's identifier (police.uk Crime ID), may be empty
    lsoa_code   text,                    -- the area code the source gave (police.uk LSOA code, 2011)
    location    text,
    outcome     text,
    geom        geometry(Point, 27700) not null
);
create index event_dataset_month on event (dataset_id, month);
create index event_lsoa on event (dataset_id, lsoa_code);
create index event_geom on event using gist (geom);

-- What OGC API Features serves for a dataset's points (record-level access only).
create view feature_event as
select e.id, e.dataset_id, to_char(e.month, 'YYYY-MM') as month, e.category, e.source_id, e.lsoa_code,
       e.location, e.outcome, e.geom
from event e;
