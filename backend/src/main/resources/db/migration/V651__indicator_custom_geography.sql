-- (After V81, which creates the indicator table.)
-- An indicator's geography may be the partnership's custom areas as well as a boundary set.
alter table indicator drop constraint indicator_area_level_fkey;
alter table indicator add constraint indicator_area_level_known
    check (area_level in ('lsoa', 'msoa', 'ward', 'district', 'custom'));
