package org.patchwork.access;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.patchwork.ApiClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The truth about the governed dataset (police.uk street crime, Merseyside 2022, owned by Merseyside
 * Police), read straight from tables {@code event} and {@code lsoa_hierarchy}, to compare with what
 * each output path publishes.
 */
final class CrimeData {

    static final String SLUG = "merseyside-street-crime-2022";
    static final String OWNER = "Merseyside Police";
    static final List<String> LEVELS = List.of("lsoa", "msoa", "ward", "district");

    /**
     * Which events to count: a category and an inclusive range of months (YYYY-MM); null means any. Under
     * disclosure control the months must be one month, a calendar quarter, a calendar year or all.
     */
    record Filter(String category, String from, String to) {

        static final Filter ALL = new Filter(null, null, null);

        /** One category in one month. */
        static Filter slice(String category, String month) {
            return new Filter(category, month, month);
        }

        /** The category, from and to parameters of a request target (absent ones null). */
        static Filter of(String target) {
            Function<String, String> param = name -> Pattern.compile("[?&]" + name + "=([^&]*)").matcher(target).results()
                    .map(m -> URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)).findFirst().orElse(null);
            return new Filter(param.apply("category"), param.apply("from"), param.apply("to"));
        }

        /** As query parameters, starting with '&' (empty for no filter). */
        String query() {
            return (category == null ? "" : "&category=" + ApiClient.encode(category))
                    + (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
        }

        /** As the body of a custom-area request. */
        Map<String, Object> customBody(Set<String> lsoas) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("lsoas", List.copyOf(lsoas));
            body.put("category", category);
            body.put("from", from);
            body.put("to", to);
            return body;
        }
    }

    /** One LSOA with the area it falls in at every level (ONS best fit). */
    record Lsoa(Map<String, String> areas) {
        String in(String level) {
            return areas.get(level);
        }
    }

    /** An LSOA, category and month whose true count is exactly 3, as are its MSOA's and its ward's. */
    record PlantedCell(String lsoa, String msoa, String ward, String district, String category, String month) {
        Filter filter() {
            return Filter.slice(category, month);
        }
    }

    final long datasetId;
    /** The governed dataset's slug and owner partner (Merseyside's unless a second area's, see SecondArea). */
    final String slug;
    final String owner;
    final List<Lsoa> lsoas;
    private final JdbcClient jdbc;
    /** Restricts {@code event e} to the dataset's current version, where events are versioned. */
    private final String currentVersion;

    CrimeData(JdbcClient jdbc) {
        this(jdbc, SLUG, OWNER);
    }

    CrimeData(JdbcClient jdbc, String slug, String owner) {
        this.jdbc = jdbc;
        this.slug = slug;
        this.owner = owner;
        this.datasetId = jdbc.sql("select id from dataset where slug = :slug").param("slug", slug).query(Long.class).single();
        boolean versioned = jdbc.sql("select exists (select 1 from information_schema.columns where table_schema = current_schema() "
                + "and table_name = 'event' and column_name = 'version_id')").query(Boolean.class).single();
        this.currentVersion = versioned ? " and e.version_id = (select current_version_id from dataset where id = e.dataset_id)" : "";
        this.lsoas = jdbc.sql("select h.lsoa_code, h.msoa_code, h.ward_code, h.lad_code from lsoa_hierarchy h "
                        + "join area a on a.level = 'lsoa' and a.code = h.lsoa_code order by h.lsoa_code")
                .query((rs, n) -> new Lsoa(Map.of("lsoa", rs.getString(1), "msoa", rs.getString(2), "ward", rs.getString(3),
                        "district", rs.getString(4)))).list();
    }

    /** The true count of every area of the level (zeros included) for the filter. */
    Map<String, Long> counts(String level, Filter filter) {
        Map<String, Long> byLsoa = new TreeMap<>();
        jdbc.sql("""
                        select e.lsoa_code, count(*) from event e
                        where e.dataset_id = :dataset {{version}} and e.lsoa_code is not null
                          and (cast(:category as text) is null or e.category = :category)
                          and (cast(:from as text) is null or to_char(e.month, 'YYYY-MM') >= :from)
                          and (cast(:to as text) is null or to_char(e.month, 'YYYY-MM') <= :to)
                        group by e.lsoa_code""".replace("{{version}}", currentVersion))
                .param("dataset", datasetId).param("category", filter.category()).param("from", filter.from())
                .param("to", filter.to())
                .query(rs -> {
                    byLsoa.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> counts = new TreeMap<>();
        for (Lsoa lsoa : lsoas) {
            counts.merge(lsoa.in(level), byLsoa.getOrDefault(lsoa.in("lsoa"), 0L), Long::sum);
        }
        return counts;
    }

    /** Events of the filter whose LSOA is not one of the loaded areas (the "outside" count). */
    long outside(Filter filter) {
        return jdbc.sql("""
                        select count(*) from event e
                        where e.dataset_id = :dataset {{version}}
                          and not exists (select 1 from area a where a.level = 'lsoa' and a.code = e.lsoa_code)
                          and (cast(:category as text) is null or e.category = :category)
                          and (cast(:from as text) is null or to_char(e.month, 'YYYY-MM') >= :from)
                          and (cast(:to as text) is null or to_char(e.month, 'YYYY-MM') <= :to)""".replace("{{version}}", currentVersion))
                .param("dataset", datasetId).param("category", filter.category()).param("from", filter.from())
                .param("to", filter.to()).query(Long.class).single();
    }

    /** Events per category over the whole dataset. */
    Map<String, Long> categoryTotals() {
        Map<String, Long> totals = new TreeMap<>();
        jdbc.sql("select e.category, count(*) from event e where e.dataset_id = :dataset" + currentVersion + " group by e.category")
                .param("dataset", datasetId).query(rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                });
        return totals;
    }

    /** The LSOAs of one area. */
    Set<String> lsoasOf(String level, String code) {
        return lsoas.stream().filter(l -> code.equals(l.in(level))).map(l -> l.in("lsoa"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The areas of a level, each with its LSOAs. */
    Map<String, Set<String>> areas(String level) {
        Map<String, Set<String>> areas = new TreeMap<>();
        lsoas.forEach(l -> areas.computeIfAbsent(l.in(level), c -> new TreeSet<>()).add(l.in("lsoa")));
        return areas;
    }

    /**
     * The first (by LSOA code, category, month) LSOA-month-category with exactly 3 events where its MSOA
     * and its ward also have exactly 3: the value that must stay hidden from everyone without record access.
     */
    PlantedCell plantedCell() {
        return jdbc.sql("""
                        with cell as (
                            select h.lsoa_code, h.msoa_code, h.ward_code, h.lad_code, e.category, e.month, count(*) as n
                            from event e join lsoa_hierarchy h on h.lsoa_code = e.lsoa_code
                            where e.dataset_id = :dataset {{version}}
                            group by h.lsoa_code, h.msoa_code, h.ward_code, h.lad_code, e.category, e.month)
                        , summed as (   -- window sums: the correlated sums per cell took half a minute
                            select c.*, sum(c.n) over (partition by c.msoa_code, c.category, c.month) as msoa_n,
                                   sum(c.n) over (partition by c.ward_code, c.category, c.month) as ward_n
                            from cell c)
                        select c.lsoa_code, c.msoa_code, c.ward_code, c.lad_code, c.category, to_char(c.month, 'YYYY-MM')
                        from summed c
                        where c.n = 3 and c.msoa_n = 3 and c.ward_n = 3
                        order by c.lsoa_code, c.category, c.month
                        limit 1""".replace("{{version}}", currentVersion))
                .param("dataset", datasetId)
                .query((rs, n) -> new PlantedCell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).single();
    }

    /** Ids of the events in one LSOA, category and month. */
    List<Long> eventIds(String lsoa, String category, String month) {
        return new ArrayList<>(jdbc.sql("select e.id from event e where e.dataset_id = :dataset" + currentVersion
                        + " and e.lsoa_code = :lsoa and e.category = :category and to_char(e.month, 'YYYY-MM') = :month order by e.id")
                .param("dataset", datasetId).param("lsoa", lsoa).param("category", category).param("month", month)
                .query(Long.class).list());
    }
}
