package org.patchwork.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.patchwork.catalogue.DatasetKind;
import org.patchwork.catalogue.DatasetVersions;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Versions of area-statistics datasets: publishing them, and reading the current version's values. */
@Service
public class AreaStatistics {

    private final DatasetVersions versions;
    private final JdbcClient jdbc;

    AreaStatistics(DatasetVersions versions, JdbcClient jdbc) {
        this.versions = versions;
        this.jdbc = jdbc;
    }

    /** What the current version holds. */
    record Contents(long versionId, int version, String level, List<String> measures, List<String> counts, List<LocalDate> periods,
                    List<String> categories) {
    }

    /** One area's value of one measure in one category (null: the file has none); value null when the file left it empty. */
    record AreaValue(String code, String name, String category, Double value) {
    }

    /**
     * Publishes the usable rows of {@code checkedTable} (the uploads feature's scratch table, with the columns
     * sql/statistics/publish_rows.sql reads) as a new version, inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DatasetVersions.Published publish(DatasetVersions.NewVersion version, String checkedTable, int rowsIn, int rowsRejected,
                                           String level, List<String> measures, List<String> counts) {
        Map<String, Object> coverage = jdbc.sql("select min(period) as first, max(period) as last from " + checkedTable
                + " where reason is null").query().singleRow();
        return versions.publish(version, DatasetKind.AREA_STATISTICS, "statistics/publish_rows", checkedTable, rowsIn, rowsRejected,
                toDate(coverage.get("first")), toDate(coverage.get("last")), new DatasetVersions.Measures(level, measures, counts));
    }

    java.util.Optional<Contents> contents(long datasetId) {
        return jdbc.sql(SqlScripts.load("statistics/contents")).param("dataset_id", datasetId).query((rs, n) -> new Contents(
                rs.getLong("version_id"), rs.getInt("version"), rs.getString("area_level"), strings(rs.getArray("measures")),
                strings(rs.getArray("count_measures")),
                periods(rs.getArray("periods")), strings(rs.getArray("categories")))).optional();
    }

    /** Every area's value of a measure in a period, in every category. */
    List<AreaValue> values(long datasetId, String level, String measure, LocalDate period) {
        return jdbc.sql(SqlScripts.load("statistics/values")).param("dataset_id", datasetId).param("level", level)
                .param("measure", measure).param("period", period).query(AreaValue.class).list();
    }

    private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<LocalDate> periods(java.sql.Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        return java.util.Arrays.stream((Object[]) array.getArray()).map(d -> ((java.sql.Date) d).toLocalDate()).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : null;
    }
}
