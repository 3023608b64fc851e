package org.patchwork.uploads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.patchwork.ingest.IngestException;
import org.patchwork.ingest.StagingTables;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an upload of point events into scratch tables and checks it: staged by ogr2ogr (every file of a
 * police.uk archive into one table, each row keeping its file and line), each row checked and its point
 * put in British National Grid, then assigned to every boundary set. Publishing is the caller's, in one
 * transaction. Scratch tables are named after the job, so a crashed load's leftovers can be found.
 */
@Component
class EventUploadPipeline {

    private static final List<String[]> LEVELS = List.of(new String[] {"lsoa", "pip_lsoa_code"},
            new String[] {"msoa", "msoa_code"}, new String[] {"ward", "ward_code"}, new String[] {"district", "lad_code"});

    private final StagingTables staging;
    private final Inspector inspector;
    private final JdbcClient jdbc;

    EventUploadPipeline(StagingTables staging, Inspector inspector, JdbcClient jdbc) {
        this.staging = staging;
        this.inspector = inspector;
        this.jdbc = jdbc;
    }

    interface Progress {
        void report(String stage, int rows, int percent);
    }

    /** The checked scratch table and its counts (rows in = usable + rejected), and the EPSG code the rows were read in. */
    record Checked(String table, String rawTable, int rowsIn, int rejected, ColumnMapping mapping, Map<String, Long> assignment,
                   int sourceEpsg) {
    }

    static String rawTable(UUID job) {
        return "staging.job_" + job.toString().replace("-", "") + "_raw";
    }

    static String checkedTable(UUID job) {
        return "staging.job_" + job.toString().replace("-", "") + "_checked";
    }

    Checked run(UUID job, UploadFiles.Prepared prepared, UploadRequest request, ColumnMapping remembered, Progress progress) {
        SourceFormat format = prepared.detected().format();
        Path main = prepared.detected().mainFile();
        Inspector.Layer layer = inspector.layer(main, format, prepared.label(main));
        boolean ownGeometry = format.hasOwnGeometry() && layer.hasGeometry();
        ColumnMapping mapping = request.mapping() != null ? request.mapping()
                : remembered != null ? remembered : ColumnMapping.suggest(layer.fields(), ownGeometry, layer.extent());
        Integer epsg = ownGeometry ? ownEpsg(request, main, format, layer, prepared) : xyEpsg(request, mapping, layer, prepared);
        checkMapping(mapping, layer.fields(), ownGeometry, prepared.label(main));

        progress.report("reading", 0, 10);
        String raw = rawTable(job);
        boolean append = false;
        for (Path file : prepared.detected().mainFiles()) {
            String layerName = format == SourceFormat.POLICE_UK ? stem(file) : layer.name();
            String label = prepared.label(file).replace("'", "_");
            List<String> args = new ArrayList<>(Inspector.openOptions(format));
            args.addAll(List.of("-sql", "SELECT *, FID AS source_row, '" + label + "' AS source_file FROM \"" + layerName.replace("\"", "") + "\"",
                    "-nlt", "GEOMETRY"));
            if (ownGeometry) {
                args.addAll(List.of("-a_srs", "EPSG:" + epsg));
            }
            try {
                staging.copy(file.toString(), raw, null, args, append);
            } catch (IngestException e) {
                throw readFailure(prepared.label(file), e);
            }
            append = true;
        }
        int rowsIn = staging.count(raw);
        if (rowsIn == 0) {
            throw UploadRejected.of(prepared.stored().originalName(), "holds no rows");
        }
        progress.report("checking", rowsIn, 40);
        Map<String, String> columns = stagedColumns(raw);
        String checked = checkedTable(job);
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("raw", raw);
        placeholders.put("checked", checked);
        placeholders.put("xy", String.valueOf(!ownGeometry));
        placeholders.put("epsg", String.valueOf(epsg));
        placeholders.put("own_geometry", ownGeometry ? "r.geom" : "null::geometry");
        put(placeholders, "x", mapping.x(), columns);
        put(placeholders, "y", mapping.y(), columns);
        put(placeholders, "date", mapping.date(), columns);
        put(placeholders, "category", mapping.category(), columns);
        put(placeholders, "id", mapping.id(), columns);
        put(placeholders, "lsoa", mapping.lsoaCode(), columns);
        put(placeholders, "location", mapping.location(), columns);
        put(placeholders, "outcome", mapping.outcome(), columns);
        jdbc.sql(SqlScripts.load("uploads/check_events", placeholders)).update();
        jdbc.sql("alter table " + checked + " add primary key (row_id)").update();
        jdbc.sql("create index on " + checked + " using gist (geom)").update();
        jdbc.sql("analyze " + checked).update();
        int rejected = jdbc.sql("select count(*) from " + checked + " where reason is not null").query(Integer.class).single();

        progress.report("assigning areas", rowsIn, 60);
        for (String[] level : LEVELS) {
            jdbc.sql(SqlScripts.load("uploads/assign_level", Map.of("checked", checked, "column", level[1])))
                    .param("level", level[0]).update();
        }
        jdbc.sql(SqlScripts.load("uploads/assign_counting_lsoa", Map.of("checked", checked))).update();
        jdbc.sql(SqlScripts.load("uploads/assign_fallback", Map.of("checked", checked))).update();
        Map<String, Object> summary = jdbc.sql(SqlScripts.load("uploads/assignment_summary", Map.of("checked", checked))).query().singleRow();
        Map<String, Long> assignment = summary.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
        return new Checked(checked, raw, rowsIn, rejected, mapping, assignment, epsg);
    }

    List<UploadRejected.FileError> rejectedRows(String checked, int limit) {
        return jdbc.sql("select source_file as file, source_line as \"row\", reason_column as \"column\", reason_value as value, reason "
                        + "from " + checked + " where reason is not null order by row_id limit :limit")
                .param("limit", limit).query(UploadRejected.FileError.class).list();
    }

    void dropTables(UUID job) {
        staging.drop(checkedTable(job));
        staging.drop(rawTable(job));
    }

    private Integer ownEpsg(UploadRequest request, Path main, SourceFormat format, Inspector.Layer layer, UploadFiles.Prepared prepared) {
        if (request.epsg() != null) {
            return request.epsg();
        }
        try {
            return inspector.detectEpsg(main, format, layer);
        } catch (IngestException e) {
            throw new UploadRejected(e.getMessage() + ". " + CoordinateHint.describe(layer.extent()),
                    List.of(new UploadRejected.FileError(prepared.label(main), null, "crs", null,
                            "unknown coordinate reference system: give its EPSG code (epsg)")));
        }
    }

    private static Integer xyEpsg(UploadRequest request, ColumnMapping mapping, Inspector.Layer layer, UploadFiles.Prepared prepared) {
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
        List<UploadRejected.FileError> errors = new ArrayList<>();
        Set<String> known = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String column : mapping.columns()) {
            if (!known.contains(column.toLowerCase(Locale.ROOT))) {
                errors.add(new UploadRejected.FileError(label, null, column, null, "the file has no column '" + column + "'"));
            }
        }
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

    /** Staged column names by lower-case source name (ogr2ogr lower-cases them). */
    private Map<String, String> stagedColumns(String raw) {
        String[] parts = raw.split("\\.");
        Map<String, String> columns = new HashMap<>();
        jdbc.sql("select column_name from information_schema.columns where table_schema = :schema and table_name = :table")
                .param("schema", parts[0]).param("table", parts[1])
                .query(String.class).list().forEach(c -> columns.put(c.toLowerCase(Locale.ROOT), c));
        return columns;
    }

    private static void put(Map<String, String> placeholders, String key, String column, Map<String, String> staged) {
        String name = column == null ? null : staged.get(column.toLowerCase(Locale.ROOT));
        if (column != null && name == null) {
            name = staged.get(column.toLowerCase(Locale.ROOT).replaceAll("[-#]", "_"));
        }
        placeholders.put(key, name == null ? "null" : "r." + quote(name));
        placeholders.put(key + "_name", column == null ? "null" : "'" + column.replace("'", "''") + "'");
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static UploadRejected readFailure(String label, IngestException e) {
        String message = e.getMessage();
        if (message.contains("invalid byte sequence") || message.contains("encoding") || message.contains("Non UTF-8")) {
            return UploadRejected.of(label, "could not be read: it is not valid UTF-8 text; save it as UTF-8 (or add a .cpg file naming its encoding)");
        }
        return UploadRejected.of(label, "could not be read: " + message.replaceFirst("^ogr2ogr could not read the file: ", ""));
    }
}
