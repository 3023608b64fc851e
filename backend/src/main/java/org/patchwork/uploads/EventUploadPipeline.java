package org.patchwork.uploads;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
class EventUploadPipeline implements KindPipeline {

    private static final Logger log = LoggerFactory.getLogger(EventUploadPipeline.class);

    private final UploadStaging staging;
    private final DatasetVersions versions;
    private final JdbcClient jdbc;
    private final AreaCheck areaCheck;

    /** Without the partnership's area check (tests of the pipeline's failure handling). */
    EventUploadPipeline(UploadStaging staging, DatasetVersions versions, JdbcClient jdbc) {
        this(staging, versions, jdbc, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    EventUploadPipeline(UploadStaging staging, DatasetVersions versions, JdbcClient jdbc, AreaCheck areaCheck) {
        this.areaCheck = areaCheck;
        this.staging = staging;
        this.versions = versions;
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return ColumnMapping.EVENTS;
    }

    @Override
    public Checked check(UUID job, UploadFiles.Prepared prepared, Inspector.Layer layer, UploadRequest request, ColumnMapping mapping,
                         Progress progress) {
        SourceFormat format = prepared.detected().format();
        Path main = prepared.detected().mainFile();
        boolean ownGeometry = format.hasOwnGeometry() && layer.hasGeometry();
        Integer epsg = ownGeometry ? staging.ownEpsg(request, prepared, layer) : xyEpsg(request, mapping, prepared);
        checkMapping(mapping, layer.fields(), ownGeometry, prepared.label(main));

        progress.report("reading", 0, 10);
        UploadStaging.Staged staged = staging.stage(job, prepared, layer, ownGeometry ? epsg : null);
        int rowsIn = staged.rowsIn();
        progress.report("checking", rowsIn, 40);
        String checked = UploadStaging.checkedTable(job);
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("raw", staged.table());
        placeholders.put("checked", checked);
        placeholders.put("xy", String.valueOf(!ownGeometry));
        placeholders.put("epsg", String.valueOf(epsg));
        placeholders.put("own_geometry", ownGeometry ? "r.geom" : "null::geometry");
        staged.put(placeholders, "x", mapping.x());
        staged.put(placeholders, "y", mapping.y());
        staged.put(placeholders, "date", mapping.date());
        staged.put(placeholders, "category", mapping.category());
        staged.put(placeholders, "id", mapping.id());
        staged.put(placeholders, "lsoa", mapping.lsoaCode());
        staged.put(placeholders, "location", mapping.location());
        staged.put(placeholders, "outcome", mapping.outcome());
        long started = System.nanoTime();
        staging.withoutJit(SqlScripts.load("uploads/check_events", placeholders));
        int rejected = jdbc.sql("select count(*) from " + checked + " where reason is not null").query(Integer.class).single();
        log.info("Upload job {}: checked {} rows ({} rejected) in {} ms", job, rowsIn, rejected, UploadStaging.millisSince(started));

        progress.report("assigning areas", rowsIn, 60);
        started = System.nanoTime();
        String assigned = UploadStaging.assignedTable(job);
        staging.withoutJit(SqlScripts.load("uploads/assign_areas", Map.of("checked", checked, "assigned", assigned)));
        Map<String, Object> summary = jdbc.sql(SqlScripts.load("uploads/assignment_summary", Map.of("assigned", assigned))).query().singleRow();
        Map<String, Long> assignment = summary.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
        log.info("Upload job {}: assigned areas in {} ms: {}", job, UploadStaging.millisSince(started), assignment);
        // police.uk names the force in "Falls within": the most common one names whose file this is
        String force = mapping.lsoaCode() == null ? null : jdbc.sql("select coalesce(attributes ->> 'Falls within', attributes ->> 'falls_within') from "
                + checked + " where reason is null group by 1 order by count(*) desc limit 1").query(String.class).optional().orElse(null);
        if (areaCheck == null) {
            return new Checked(checked, assigned, rowsIn, rejected, mapping, Map.of("assignment", assignment), epsg);
        }
        Map<String, Object> check = areaCheck.ofJob(assigned, assignment.get("points"), assignment.get("outside_area"), epsg, mapping, force);
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

    private static Integer xyEpsg(UploadRequest request, ColumnMapping mapping, UploadFiles.Prepared prepared) {
        Integer epsg = mapping.xyEpsg() != null ? mapping.xyEpsg() : request.epsg();
        if (epsg == null && mapping.x() != null) {
            throw new UploadRejected("Say which coordinate reference system the columns " + mapping.x() + " and " + mapping.y()
                    + " use (xyEpsg: 27700 for eastings/northings, 4326 for longitude/latitude)",
                    List.of(new UploadRejected.FileError(prepared.stored().originalName(), null, mapping.x(), null,
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
