package org.patchwork.uploads;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.patchwork.catalogue.DatasetVersions;
import org.patchwork.sql.SqlScripts;
import org.patchwork.statistics.AreaStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Statistics keyed by area code (LSOA, MSOA, ward or district; 2021 LSOAs brought onto the 2011 LSOAs
 * the map uses): each staged row checked against the loaded boundaries, repeated areas and incomplete
 * splits rejected, then published as one value set per area, period and category.
 */
@Component
class AreaStatisticsPipeline implements KindPipeline {

    private final UploadStaging staging;
    private final AreaStatistics statistics;
    private final JdbcClient jdbc;

    AreaStatisticsPipeline(UploadStaging staging, AreaStatistics statistics, JdbcClient jdbc) {
        this.staging = staging;
        this.statistics = statistics;
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return ColumnMapping.AREA_STATISTICS;
    }

    @Override
    public Checked check(UUID job, UploadFiles.Prepared prepared, Inspector.Layer layer, UploadRequest request, ColumnMapping mapping,
                         Progress progress) {
        checkMapping(mapping, layer.fields(), prepared.label(prepared.detected().mainFile()));
        progress.report("reading", 0, 10);
        UploadStaging.Staged staged = staging.stage(job, prepared, layer, null);
        progress.report("checking", staged.rowsIn(), 40);
        String checked = UploadStaging.checkedTable(job);
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("raw", staged.table());
        placeholders.put("checked", checked);
        placeholders.put("level", UploadStaging.literal(mapping.areaLevel()));
        placeholders.put("all_counts", String.valueOf(mapping.counts() != null && mapping.counts().containsAll(mapping.measures())));
        placeholders.put("measures", measuresAsJson(mapping.measures(), staged));
        staged.put(placeholders, "code", mapping.areaCode());
        staged.put(placeholders, "period", mapping.period());
        staged.put(placeholders, "category", mapping.category());
        jdbc.sql(SqlScripts.load("uploads/check_area_statistics", placeholders)).update();
        jdbc.sql("alter table " + checked + " add primary key (row_id)").update();
        jdbc.sql(SqlScripts.load("uploads/reject_duplicate_areas", placeholders)).update();
        jdbc.sql(SqlScripts.load("uploads/reject_partial_splits", placeholders)).update();
        Map<String, Object> counts = jdbc.sql("select count(*) filter (where reason is not null) as rejected, "
                + "count(distinct area_code) filter (where reason is null) as areas, "
                + "count(*) filter (where reason is null and change = 'S') as lsoa21_combined from " + checked).query().singleRow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("areaLevel", mapping.areaLevel());
        details.put("measures", mapping.measures());
        details.put("areas", ((Number) counts.get("areas")).longValue());
        details.put("translated", Map.of("lsoa21Combined", ((Number) counts.get("lsoa21_combined")).longValue()));
        return new Checked(checked, checked, staged.rowsIn(), ((Number) counts.get("rejected")).intValue(), mapping, details, null);
    }

    @Override
    public DatasetVersions.Published publish(DatasetVersions.NewVersion version, Checked checked) {
        ColumnMapping mapping = checked.mapping();
        return statistics.publish(version, checked.table(), checked.rowsIn(), checked.rejected(), mapping.areaLevel(),
                mapping.measures(), mapping.counts() == null ? List.of() : mapping.counts());
    }

    /** measure name -> trimmed text, built in pieces: a PostgreSQL function takes at most 100 arguments. */
    private static String measuresAsJson(List<String> measures, UploadStaging.Staged staged) {
        List<String> pieces = new java.util.ArrayList<>();
        for (int from = 0; from < measures.size(); from += 40) {
            pieces.add("jsonb_build_object(" + measures.subList(from, Math.min(measures.size(), from + 40)).stream()
                    .map(m -> UploadStaging.literal(m) + ", btrim(" + staged.column(m) + "::text)").collect(Collectors.joining(", ")) + ")");
        }
        return String.join(" || ", pieces);
    }

    private static void checkMapping(ColumnMapping mapping, List<String> fields, String label) {
        List<UploadRejected.FileError> errors = mapping.unknownColumns(fields, label);
        if (mapping.areaCode() == null) {
            errors.add(new UploadRejected.FileError(label, null, null, null, "name the column with the area codes (areaCode)"));
        }
        if (mapping.areaLevel() == null || !ColumnMapping.LEVELS.contains(mapping.areaLevel())) {
            errors.add(new UploadRejected.FileError(label, null, null, mapping.areaLevel(),
                    "say which areas the codes are (areaLevel): one of " + ColumnMapping.LEVELS));
        }
        if (mapping.measures() == null || mapping.measures().isEmpty()) {
            errors.add(new UploadRejected.FileError(label, null, null, null, "name at least one column of numbers to publish (measures)"));
        } else if (mapping.counts() != null && !mapping.measures().containsAll(mapping.counts())) {
            errors.add(new UploadRejected.FileError(label, null, null, String.join(", ", mapping.counts()),
                    "every count must also be one of the measures"));
        } else if (mapping.measures().size() > 200) {
            errors.add(new UploadRejected.FileError(label, null, null, null,
                    mapping.measures().size() + " measures; at most 200 can be published from one file"));
        }
        if (!errors.isEmpty()) {
            throw new UploadRejected("The column mapping does not fit the file; its columns are " + fields, errors);
        }
    }
}
