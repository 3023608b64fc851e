package org.patchwork.indicators;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Indicator definitions, and the reference figures indicators need: population by area, area lookups. */
@Repository
class IndicatorStore {

    /** A boundary level's column prefix in lsoa_hierarchy. */
    private static final Map<String, String> HIERARCHY_COLUMN = Map.of("lsoa", "lsoa", "msoa", "msoa", "ward", "ward", "district", "lad");

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, long datasetId, MeasureType measure, String statistic, List<String> categories, YearMonth from,
                YearMonth to, String level, String createdBy, Long partnerId) {
        return jdbc.sql(SqlScripts.load("indicators/insert")).param("name", name).param("dataset_id", datasetId)
                .param("measure_type", measure.key()).param("statistic_measure", statistic)
                .param("categories", "{" + String.join(",", categories.stream().map(IndicatorStore::arrayElement).toList()) + "}")
                .param("from_month", from == null ? null : from.atDay(1)).param("to_month", to == null ? null : to.atDay(1))
                .param("area_level", level).param("created_by", createdBy).param("partner_id", partnerId)
                .query(Long.class).single();
    }

    Optional<Indicator> find(long id) {
        return jdbc.sql(SqlScripts.load("indicators/select")).param("id", id).query(IndicatorStore::indicator).optional();
    }

    List<Indicator> all() {
        return jdbc.sql(SqlScripts.load("indicators/select")).param("id", null).query(IndicatorStore::indicator).list();
    }

    /** An area's population and district. */
    record Population(String code, String district, Long population) {
    }

    private record KeptPopulation(String stamp, Map<String, Population> byCode) {
    }

    /** The last population read per level, kept while population_stamp.sql answers the same (a read is ~33k rows). */
    private final Map<String, KeptPopulation> keptPopulation = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every area of the level (from the loaded LSOAs) with its mid-2015 population, by code (unmodifiable). */
    Map<String, Population> population(String level) {
        return population(level, jdbc.sql(SqlScripts.load("indicators/population_stamp")).query(String.class).single());
    }

    /** As above, with population_stamp.sql's answer already read in this request (IndicatorTables.Stamp#reference). */
    Map<String, Population> population(String level, String stamp) {
        KeptPopulation kept = keptPopulation.get(level);
        if (kept == null || !kept.stamp().equals(stamp)) {
            kept = new KeptPopulation(stamp, java.util.Collections.unmodifiableMap(readPopulation(level)));
            keptPopulation.put(level, kept);
        }
        return kept.byCode();
    }

    private Map<String, Population> readPopulation(String level) {
        Map<String, Population> byCode = new LinkedHashMap<>();
        jdbc.sql(SqlScripts.load("indicators/population", Map.of("level", HIERARCHY_COLUMN.get(level))))
                .query((rs, n) -> new Population(rs.getString("code"), rs.getString("district"), (Long) rs.getObject("population", Long.class)))
                .list().forEach(p -> byCode.put(p.code(), p));
        return byCode;
    }

    /** The first and last month of the dataset's current events (both null when it has none). */
    YearMonth[] eventMonths(long datasetId) {
        return jdbc.sql(SqlScripts.load("indicators/event_months")).param("dataset_id", datasetId).query((rs, n) -> new YearMonth[] {
            month(rs.getObject("first_month", LocalDate.class)), month(rs.getObject("last_month", LocalDate.class))}).single();
    }

    /** The level and measures of an area-statistics dataset's current version. */
    /** A statistics version's level, measures, and which of them are counts (extensive). */
    record StatisticsContents(String level, List<String> measures, List<String> countMeasures) {
    }

    Optional<StatisticsContents> statisticsContents(long datasetId) {
        return jdbc.sql(SqlScripts.load("indicators/statistics_contents")).param("dataset_id", datasetId)
                .query((rs, n) -> new StatisticsContents(rs.getString("area_level"), strings(rs.getArray("measures")),
                        strings(rs.getArray("count_measures")))).optional();
    }

    /** One loaded area, with its district. */
    record Area(String level, String code, String name, String district) {
    }

    Optional<Area> area(String code) {
        return jdbc.sql(SqlScripts.load("indicators/area")).param("code", code).query(Area.class).optional();
    }

    /** An LSOA's IMD 2019 domains: the dataset they were loaded as, and domain -> {rank, decile}. */
    record Deprivation(long datasetId, Map<String, Map<String, Integer>> domains) {
    }

    Optional<Deprivation> deprivation(String lsoaCode) {
        return jdbc.sql(SqlScripts.load("indicators/imd_domains")).param("lsoa_code", lsoaCode).query((rs, n) -> {
            Map<String, Map<String, Integer>> domains = new LinkedHashMap<>();
            for (String domain : List.of("imd", "income", "employment", "education", "health", "crime", "housing", "living_environment")) {
                Map<String, Integer> figures = new LinkedHashMap<>();
                figures.put("rank", (Integer) rs.getObject(domain + "_rank", Integer.class));
                figures.put("decile", (Integer) rs.getObject(domain + "_decile", Integer.class));
                domains.put(domain, figures);
            }
            return new Deprivation(rs.getLong("dataset_id"), domains);
        }).optional();
    }

    static boolean isLevel(String level) {
        return HIERARCHY_COLUMN.containsKey(level);
    }

    private static Indicator indicator(ResultSet rs, int n) throws SQLException {
        return new Indicator(rs.getLong("id"), rs.getString("name"), rs.getLong("dataset_id"),
                MeasureType.of(rs.getString("measure_type")).orElseThrow(), rs.getString("statistic_measure"),
                strings(rs.getArray("categories")), month(rs.getObject("from_month", LocalDate.class)),
                month(rs.getObject("to_month", LocalDate.class)), rs.getString("area_level"), rs.getString("created_by"),
                (Long) rs.getObject("partner_id", Long.class), rs.getString("partner_name"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static YearMonth month(LocalDate day) {
        return day == null ? null : YearMonth.from(day);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** A text[] literal element, quoted so commas, quotes and braces in category names survive. */
    private static String arrayElement(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
