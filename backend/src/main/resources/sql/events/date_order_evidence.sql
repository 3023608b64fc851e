-- How many values of an event upload's date column {{date}} (a quoted column of {{raw}}, or null) can only be
-- day first (first part above 12), only month first (second part above 12), or either, with the first row of
-- each, for uploads.DateOrder. Dates such as YYYY-MM-DD never match, so police.uk months cost one quick scan.
select count(*) filter (where first > 12 and second <= 12) as day_first,
       count(*) filter (where second > 12 and first <= 12) as month_first,
       count(*) filter (where first <= 12 and second <= 12) as either,
       min(row_id) filter (where first > 12 and second <= 12) as day_first_row,
       min(row_id) filter (where second > 12 and first <= 12) as month_first_row,
       min(row_id) filter (where first <= 12 and second <= 12) as either_row
from (select row_id, p[1]::integer as first, p[2]::integer as second
      from (select r.ogr_fid as row_id, regexp_match({{date}}::text, '^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}([ T].*)?$') as p
            from {{raw}} r
            where {{date}}::text ~ '^\s*\d{1,2}[/.-]') matched
      where p is not null) parts
