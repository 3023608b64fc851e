package org.patchwork.events;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads events: counts and record-key sums per LSOA (what every published count is made of), categories, area names. */
@Repository
class EventStore {

    private final JdbcClient jdbc;
    private final CountCache cache;

    EventStore(JdbcClient jdbc, CountCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    List<EventDataset> datasets() {
        return jdbc.sql("select d.id, d.slug, d.title from dataset d where d.kind = 'events' and d.current_version_id is not null "
                + "order by d.id").query(EventDataset.class).list();
    }

    /** One cell per loaded LSOA (zero counts included), with its MSOA, ward and district and its record-key sum. */
    List<LsoaCell> cells(long datasetId, CountFilter filter) {
        return cells(datasetId, filter, cache.stamp(datasetId));
    }

    /** As above, for the state of the data read once for the request ({@link #stamp}). */
    List<LsoaCell> cells(long datasetId, CountFilter filter, String stamp) {
        return cache.get("cells", datasetId, filter, stamp, () -> List.copyOf(readCells(datasetId, filter)));
    }

    /**
     * The cells summed by area of a level (exact counts and record-key sums, ordered by code), kept with the
     * cells: a count table at district level sums 32,844 LSOAs at national scale, the same for every viewer.
     * Read-only: callers never change the sums.
     */
    Map<String, long[]> sums(long datasetId, String level, CountFilter filter, String stamp) {
        return cache.get("sums/" + level, datasetId, filter, stamp, () -> {
            Map<String, long[]> byArea = new java.util.TreeMap<>();
            for (LsoaCell cell : cells(datasetId, filter, stamp)) {
                long[] sums = byArea.computeIfAbsent(cell.areas().get(level), code -> new long[2]);
                sums[0] += cell.count();
                sums[1] += cell.keySum();
            }
            return java.util.Collections.unmodifiableMap(byArea);
        });
    }

    /** What kept counts and names depend on, read once per request (CountCache). */
    String stamp(long datasetId) {
        return cache.stamp(datasetId);
    }

    /**
     * Each LSOA's areas map, one object per distinct (LSOA, MSOA, ward, district) shared by every kept count
     * table (CountCache), so a kept table costs a reference per LSOA rather than a map.
     */
    private final Map<List<String>, Map<String, String>> areaMaps = new java.util.concurrent.ConcurrentHashMap<>();

    private List<LsoaCell> readCells(long datasetId, CountFilter filter) {
        return jdbc.sql(SqlScripts.load("events/counts_by_lsoa"))
                .param("dataset_id", datasetId).param("category", filter.category())
                .param("first_day", filter.firstDay()).param("last_day", filter.lastDay())
                .query((rs, n) -> new LsoaCell(areas(rs.getString("lsoa_code"), rs.getString("msoa_code"), rs.getString("ward_code"),
                        rs.getString("lad_code")), rs.getLong("events"), rs.getLong("key_sum"))).list();
    }

    private Map<String, String> areas(String lsoa, String msoa, String ward, String district) {
        return areaMaps.computeIfAbsent(java.util.Arrays.asList(lsoa, msoa, ward, district), key -> {
            Map<String, String> areas = new LinkedHashMap<>();
            areas.put("lsoa", lsoa);
            areas.put("msoa", msoa);
            areas.put("ward", ward);
            areas.put("district", district);
            return java.util.Collections.unmodifiableMap(areas);
        });
    }

    /** A count of events and the sum of their record keys. */
    record KeyedCount(long events, long keySum) {
    }

    /** Events whose area code is not one of the loaded LSOAs (e.g. just over the force boundary). */
    KeyedCount outside(long datasetId, CountFilter filter) {
        return outside(datasetId, filter, cache.stamp(datasetId));
    }

    KeyedCount outside(long datasetId, CountFilter filter, String stamp) {
        return cache.get("outside", datasetId, filter, stamp, () -> jdbc.sql(SqlScripts.load("events/count_outside"))
                .param("dataset_id", datasetId).param("category", filter.category())
                .param("first_day", filter.firstDay()).param("last_day", filter.lastDay())
                .query((rs, n) -> new KeyedCount(rs.getLong("events"), rs.getLong("key_sum"))).single());
    }

    /** An area's events of one category in one month, and the sum of their record keys. */
    record MonthCell(String category, YearMonth month, long events, long keySum) {
    }

    /**
     * One area's events of some categories (none listed: all) by category and month between two months, read
     * from its own LSOAs' events; empty when the level has no such area (no loaded LSOA of it).
     */
    Optional<List<MonthCell>> areaMonths(long datasetId, String level, String code, List<String> categories, YearMonth from, YearMonth to) {
        Map<String, String> column = Map.of("area_column", switch (level) {
            case "lsoa" -> "lsoa_code";
            case "msoa" -> "msoa_code";
            case "ward" -> "ward_code";
            case "district" -> "lad_code";
            default -> throw new IllegalArgumentException("no level " + level);
        });
        boolean loaded = jdbc.sql(SqlScripts.load("events/area_is_loaded", column)).param("code", code).query(Boolean.class).single();
        if (!loaded) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql(SqlScripts.load("events/area_counts_by_month", column))
                .param("dataset_id", datasetId).param("code", code).param("first_day", from.atDay(1)).param("last_day", to.atEndOfMonth())
                .param("all_categories", categories.isEmpty()).param("categories", categories.isEmpty() ? List.of("") : categories)
                .query((rs, n) -> new MonthCell(rs.getString("category"), YearMonth.parse(rs.getString("month")), rs.getLong("events"),
                        rs.getLong("key_sum"))).list());
    }

    record CategoryTotal(String category, long events, long keySum) {
    }

    List<CategoryTotal> categories(long datasetId) {
        return jdbc.sql(SqlScripts.load("events/category_totals")).param("dataset_id", datasetId)
                .query((rs, n) -> new CategoryTotal(rs.getString("category"), rs.getLong("events"), rs.getLong("key_sum"))).list();
    }

    /** The dataset's current version id. */
    long currentVersion(long datasetId) {
        return jdbc.sql("select current_version_id from dataset where id = :id").param("id", datasetId).query(Long.class).single();
    }

    /**
     * The names of a level's areas, kept with the counts (the same stamp: any load of boundaries makes a dataset
     * version), so a count table does not re-read every name of the level (32,844 LSOAs at national scale).
     */
    Map<String, String> areaNames(String level, String stamp) {
        return cache.get("names/" + level, 0, null, stamp, () -> java.util.Collections.unmodifiableMap(areaNames(level)));
    }

    Map<String, String> areaNames(String level) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from area where level = :level order by code").param("level", level)
                .query((rs, n) -> names.put(rs.getString("code"), rs.getString("name"))).list();
        return names;
    }
}
