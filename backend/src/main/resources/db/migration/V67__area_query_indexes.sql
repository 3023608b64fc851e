-- Indexes for the questions asked by district at national size (PATCHWORK_AREA=england, 4.5 million events):
-- which datasets hold rows in the districts a narrowing of the partnership's area would drop
-- (sql/partnership/rows_in_districts.sql asks events by their district and statistics by area code).
-- Without them both are sequential scans of the largest tables. Checked by AreaQueryPlansIT.
create index event_lad on event (lad_code);
create index area_statistic_area on area_statistic (area_code);
