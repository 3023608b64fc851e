-- Checks every staged row of an area-statistics upload into the checked table: the area it belongs to on
-- the loaded boundaries of the mapped level, its period, breakdown category and measures, and, for a row
-- that cannot be used, the first reason with its column and value. Placeholders come from the confirmed
-- mapping: quoted columns of the raw table or null, the measures as a jsonb object of name -> text, and
-- literals for the level and whether every measure is a count. 2021 LSOA codes are brought onto 2011
-- LSOAs through lsoa_change: unchanged ones directly; parts of a split 2011 LSOA are added back together
-- (counts only, and only when every part is usable: reject_partial_splits.sql); merged and complex
-- changes cannot be placed and are rejected.
create unlogged table {{checked}} as
with source as (
    select r.ogr_fid as row_id, r.source_file, r.source_row + 1 as source_line,
           upper(btrim({{code}}::text)) as code_text, btrim({{period}}::text) as period_text,
           nullif(btrim({{category}}::text), '') as category, {{measures}} as measure_text
    from {{raw}} r
), parsed as (
    select s.*,
           upload_period(period_text) as period,
           (select jsonb_object_agg(m.key, upload_measure(m.value)) from jsonb_each_text(s.measure_text) m) as measures,
           (select m.key from jsonb_each_text(s.measure_text) m
            where not upload_is_missing(m.value) and upload_measure(m.value) is null order by m.key limit 1) as bad_measure,
           exists (select 1 from area a where a.level = {{level}} and a.code = s.code_text) as loaded
    from source s
), resolved as (
    select p.*, c.lsoa11_code, c.change, c.parts, c.from_2011,
           exists (select 1 from area a where a.level = 'lsoa' and a.code = c.lsoa11_code) as lsoa11_loaded,
           exists (select 1 from lsoa_change k where k.lsoa11_code = p.code_text or k.lsoa21_code = p.code_text) as known_lsoa
    from parsed p
    left join lateral (
        select min(x.lsoa11_code) as lsoa11_code, min(x.change) as change,
               (select count(*) from lsoa_change y where y.lsoa11_code = min(x.lsoa11_code)) as parts,
               string_agg(x.lsoa11_code, ', ' order by x.lsoa11_code) as from_2011
        from lsoa_change x
        where {{level}} = 'lsoa' and not p.loaded and x.lsoa21_code = p.code_text
    ) c on true
), judged as (
    select r.*,
           case when coalesce(code_text, '') = '' then 'no-code'
                when loaded then null
                when change is null and known_lsoa and {{level}} = 'lsoa' then 'outside'
                when change is null then 'unknown-code'
                when change = 'M' then 'merged'
                when change = 'X' then 'complex'
                when not lsoa11_loaded then 'outside'
                when change = 'S' and not {{all_counts}} then 'split-not-counts'
           end as code_problem
    from resolved r
), problems as (
    select j.*,
           coalesce(code_problem,
                    case when coalesce(period_text, '') <> '' and period is null then 'bad-period'
                         when bad_measure is not null then 'not-a-number' end) as problem
    from judged j
)
select row_id, source_file, source_line, code_text as source_code,
       case when loaded then code_text else lsoa11_code end as area_code,
       case when loaded then null else change end as change, parts, period, category, measures,
       case problem
           when 'no-code' then 'no area code'
           when 'outside' then 'a real LSOA code, but not one of the loaded LSOA boundaries (outside the partnership''s area?)'
           when 'unknown-code' then
               case when left(code_text, 3) in ('E01', 'W01', 'E02', 'W02', 'E05', 'W05', 'E06', 'E07', 'E08', 'E09', 'W06')
                         and left(code_text, 3) not in (select unnest(case {{level}}
                                 when 'lsoa' then array['E01', 'W01'] when 'msoa' then array['E02', 'W02']
                                 when 'ward' then array['E05', 'W05'] else array['E06', 'E07', 'E08', 'E09', 'W06'] end))
                    then 'a code of another kind of area: this file''s areas are ' || {{level}} || 's'
                    else 'not a loaded ' || {{level}} || ' code (unknown, or outside the loaded boundaries)' end
           when 'merged' then '2021 LSOA ' || code_text || ' was formed by merging the 2011 LSOAs ' || from_2011
                              || '; its values cannot be split between them'
           when 'complex' then '2021 LSOA ' || code_text || ' has a complex change from 2011 (' || from_2011
                               || '); it cannot be placed on a 2011 LSOA'
           when 'split-not-counts' then '2021 LSOA ' || code_text || ' is part of 2011 LSOA ' || lsoa11_code
                                        || ', which was split; only counts can be added back together, and not every measure is a count'
           when 'bad-period' then 'not a period: use YYYY, YYYY/YY (financial year), YYYY-MM or a date'
           when 'not-a-number' then 'not a number'
       end as reason,
       case when problem = 'bad-period' then {{period_name}}
            when problem = 'not-a-number' then bad_measure
            when problem is not null then {{code_name}}
       end as reason_column,
       case when problem = 'bad-period' then period_text
            when problem = 'not-a-number' then measure_text ->> bad_measure
            when problem is not null then code_text
       end as reason_value
from problems
