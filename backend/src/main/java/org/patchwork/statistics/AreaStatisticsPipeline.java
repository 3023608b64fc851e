package org.patchwork.statistics;

import org.patchwork.geography.BoundaryLevel;
import org.patchwork.catalogue.DatasetKind;
import org.patchwork.uploads.ColumnMapping;
import org.patchwork.uploads.KindPipeline;
import org.patchwork.uploads.UploadRejected;
import org.patchwork.uploads.UploadStaging;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final AreaStatistics statistics;
    private final JdbcClient jdbc;

    AreaStatisticsPipeline(AreaStatistics statistics, JdbcClient jdbc) {
        this.statistics = statistics;
        this.jdbc = jdbc;
    }

    @Override
    public DatasetKind kind() {
        return DatasetKind.AREA_STATISTICS;
    }

    @Override
    public Checked check(Upload upload) {
        ColumnMapping mapping = upload.mapping();
        checkMapping(mapping, upload.fields(), upload.label());
        upload.progress("reading", 0, 10);
        UploadStaging.Staged staged = upload.stage(null);
        upload.progress("checking", staged.rowsIn(), 40);
        String checked = upload.checkedTable();
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("raw", staged.table());
        placeholders.put("checked", checked);
        placeholders.put("level", UploadStaging.literal(mapping.areaLevel()));
        placeholders.put("all_counts", String.valueOf(mapping.counts() != null && mapping.counts().containsAll(mapping.measures())));
        placeholders.put("measures", measuresAsJson(mapping.measures(), staged));
        staged.put(placeholders, "code", mapping.areaCode());
        staged.put(placeholders, "period", mapping.period());
        staged.put(placeholders, "category", mapping.category());
        jdbc.sql(SqlScripts.load("statistics/check_area_statistics", placeholders)).update();
        jdbc.sql("alter table " + checked + " add primary key (row_id)").update();
        jdbc.sql(SqlScripts.load("statistics/reject_duplicate_areas", placeholders)).update();
        jdbc.sql(SqlScripts.load("statistics/reject_partial_splits", placeholders)).update();
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
        if (mapping.areaLevel() == null || !BoundaryLevel.keys().contains(mapping.areaLevel())) {
            errors.add(new UploadRejected.FileError(label, null, null, mapping.areaLevel(),
                    "say which areas the codes are (areaLevel): one of " + BoundaryLevel.keys()));
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
