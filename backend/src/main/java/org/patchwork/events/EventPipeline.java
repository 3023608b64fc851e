package org.patchwork.events;

import org.patchwork.catalogue.DatasetKind;
import org.patchwork.uploads.AreaCheck;
import org.patchwork.uploads.ColumnMapping;
import org.patchwork.uploads.DateOrder;
import org.patchwork.uploads.KindPipeline;
import org.patchwork.uploads.UploadRejected;
import org.patchwork.uploads.UploadStaging;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.patchwork.catalogue.DatasetVersions;
import org.patchwork.sql.SqlScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Point events: each staged row checked and its point put in British National Grid, then the usable ones
 * assigned to every boundary set (into a third scratch table). Publishing copies them into {@code event}
 * as a new version. Each stage logs its time (scripts/bench.sh reads them).
 */
@Component
class EventPipeline implements KindPipeline {

    private static final Logger log = LoggerFactory.getLogger(EventPipeline.class);

    private final UploadStaging staging;
    private final DatasetVersions versions;
    private final JdbcClient jdbc;
    private final AreaCheck areaCheck;

    EventPipeline(UploadStaging staging, DatasetVersions versions, JdbcClient jdbc, AreaCheck areaCheck) {
        this.areaCheck = areaCheck;
        this.staging = staging;
        this.versions = versions;
        this.jdbc = jdbc;
    }

    @Override
    public DatasetKind kind() {
        return DatasetKind.EVENTS;
    }

    @Override
    public Checked check(Upload upload) {
        ColumnMapping mapping = upload.mapping();
        boolean ownGeometry = upload.hasOwnGeometry();
        Integer epsg = ownGeometry ? upload.ownEpsg() : xyEpsg(upload);
        checkMapping(mapping, upload.fields(), ownGeometry, upload.label());

        upload.progress("reading", 0, 10);
        UploadStaging.Staged staged = upload.stage(ownGeometry ? epsg : null);
        int rowsIn = staged.rowsIn();
        String dateOrder = dateOrder(staged, mapping, upload.label());
        mapping = mapping.withDateOrder(dateOrder);   // remembered with the mapping, for the next version
        upload.progress("checking", rowsIn, 40);
        String checked = upload.checkedTable();
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("raw", staged.table());
        placeholders.put("checked", checked);
        placeholders.put("xy", String.valueOf(!ownGeometry));
        placeholders.put("epsg", String.valueOf(epsg));
        placeholders.put("own_geometry", ownGeometry ? "r.geom" : "null::geometry");
        staged.put(placeholders, "x", mapping.x());
        staged.put(placeholders, "y", mapping.y());
        staged.put(placeholders, "date", mapping.date());
        placeholders.put("month_first", String.valueOf(DateOrder.MONTH_FIRST.equals(dateOrder)));
        staged.put(placeholders, "category", mapping.category());
        staged.put(placeholders, "id", mapping.id());
        staged.put(placeholders, "lsoa", mapping.lsoaCode());
        staged.put(placeholders, "location", mapping.location());
        staged.put(placeholders, "outcome", mapping.outcome());
        long started = System.nanoTime();
        upload.runWithoutJit(SqlScripts.load("events/check_events", placeholders));
        int rejected = jdbc.sql("select count(*) from " + checked + " where reason is not null").query(Integer.class).single();
        log.info("Upload job {}: checked {} rows ({} rejected) in {} ms", upload.job(), rowsIn, rejected, UploadStaging.millisSince(started));

        upload.progress("assigning areas", rowsIn, 60);
        started = System.nanoTime();
        String assigned = upload.assignedTable();
        upload.runWithoutJit(SqlScripts.load("events/assign_areas", Map.of("checked", checked, "assigned", assigned)));
        Map<String, Object> summary = jdbc.sql(SqlScripts.load("events/assignment_summary", Map.of("assigned", assigned))).query().singleRow();
        Map<String, Long> assignment = summary.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
        log.info("Upload job {}: assigned areas in {} ms: {}", upload.job(), UploadStaging.millisSince(started), assignment);
        // police.uk names the force in "Falls within": the most common one names whose file this is
        String force = mapping.lsoaCode() == null ? null : jdbc.sql("select coalesce(attributes ->> 'Falls within', attributes ->> 'falls_within') from "
                + checked + " where reason is null group by 1 order by count(*) desc limit 1").query(String.class).optional().orElse(null);
        Map<String, Object> check = areaCheck.ofJob(assigned, assignment.get("points"), assignment.get("outside_area"), epsg, mapping, force);
        // every row outside the area goes into report.csv beside the rejected ones: kept, but counted nowhere
        areaCheck.recordRowsOutside(upload.job(), assigned);
        return new Checked(checked, assigned, rowsIn, rejected, mapping, Map.of("assignment", assignment, "areaCheck", check), epsg);
    }

    /** Copies the usable rows into {@code event} (sql/events/publish_rows.sql); the coverage runs to the end of the last month. */
    @Override
    public DatasetVersions.Published publish(DatasetVersions.NewVersion version, Checked checked) {
        Map<String, Object> coverage = jdbc.sql("select min(month) as first, max(month) as last from " + checked.rowsTable()
                + " where reason is null").query().singleRow();
        LocalDate last = coverage.get("last") instanceof java.sql.Date date ? date.toLocalDate() : null;
        LocalDate first = coverage.get("first") instanceof java.sql.Date date ? date.toLocalDate() : null;
        DatasetVersions.Published published = versions.publish(version, kind(), "events/publish_rows", checked.rowsTable(),
                checked.rowsIn(), checked.rejected(), first, last == null ? null : last.withDayOfMonth(last.lengthOfMonth()));
        if (published.rowsInserted() != published.rowsPublished()) {
            throw new IllegalStateException("Published " + published.rowsInserted() + " rows but expected " + published.rowsPublished());
        }
        return published;
    }

    /**
     * The order of day and month in the date column, decided from all its values (uploads.DateOrder), or
     * the uploader's choice when every date fits both; null when it has no dates such as 10/02/2023.
     */
    private String dateOrder(UploadStaging.Staged staged, ColumnMapping mapping, String label) {
        String date = staged.column(mapping.date());
        Map<String, String> placeholders = Map.of("raw", staged.table(), "date", date);
        Map<String, Object> counts = jdbc.sql(SqlScripts.load("events/date_order_evidence", placeholders)).query().singleRow();
        DateOrder.Evidence evidence = new DateOrder.Evidence(number(counts.get("day_first")), number(counts.get("month_first")),
                number(counts.get("either")), example(placeholders, counts.get("day_first_row")),
                example(placeholders, counts.get("month_first_row")), example(placeholders, counts.get("either_row")));
        return DateOrder.resolve(evidence, mapping.dateOrder(), mapping.date(), label);
    }

    private DateOrder.Example example(Map<String, String> placeholders, Object rowId) {
        if (rowId == null) {
            return null;
        }
        Map<String, Object> row = jdbc.sql(SqlScripts.load("events/date_order_example", placeholders))
                .param("row_id", ((Number) rowId).longValue()).query().singleRow();
        return new DateOrder.Example((String) row.get("value"), (String) row.get("file"), number(row.get("line")));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Integer xyEpsg(Upload upload) {
        ColumnMapping mapping = upload.mapping();
        Integer epsg = mapping.xyEpsg() != null ? mapping.xyEpsg() : upload.requestedEpsg();
        if (epsg == null && mapping.x() != null) {
            throw new UploadRejected("Say which coordinate reference system the columns " + mapping.x() + " and " + mapping.y()
                    + " use (xyEpsg: 27700 for eastings/northings, 4326 for longitude/latitude)",
                    List.of(new UploadRejected.FileError(upload.originalName(), null, mapping.x(), null,
                            "unknown coordinate reference system for the x/y columns")));
        }
        return epsg == null ? 4326 : epsg;
    }

    private static void checkMapping(ColumnMapping mapping, List<String> fields, boolean ownGeometry, String label) {
        List<UploadRejected.FileError> errors = mapping.unknownColumns(fields, label);
        if (!ownGeometry && (mapping.x() == null || mapping.y() == null)) {
            errors.add(new UploadRejected.FileError(label, null, null, null,
                    "the file has no geometry: name its x and y (or longitude and latitude) columns"));
        }
        if (mapping.date() == null) {
            errors.add(new UploadRejected.FileError(label, null, null, null, "name the column with the date or month of each event"));
        }
        if (mapping.category() == null) {
            errors.add(new UploadRejected.FileError(label, null, null, null, "name the column with the category (e.g. crime type)"));
        }
        if (!errors.isEmpty()) {
            throw new UploadRejected("The column mapping does not fit the file; its columns are " + fields, errors);
        }
    }
}
