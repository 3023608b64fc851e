package org.patchwork.uploads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.patchwork.gdal.IngestException;
import org.patchwork.gdal.StagingTables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first step of every kind of upload: ogr2ogr copies the file (every file of a police.uk archive
 * into one table) into a scratch table named after the job, each row keeping its file and line, so a
 * crashed load's leftovers can be found. Also the helpers the kinds share for reading that table.
 */
@Component
public class UploadStaging {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UploadStaging.class);

    private final StagingTables staging;
    private final Inspector inspector;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    UploadStaging(StagingTables staging, Inspector inspector, JdbcClient jdbc, TransactionTemplate transaction) {
        this.staging = staging;
        this.inspector = inspector;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * A staged upload: the scratch table, its row count, its columns by lower-case source name, and the
     * short names given to file columns whose names PostgreSQL would cut short (by lower-case file name).
     */
    public record Staged(String table, int rowsIn, Map<String, String> columns, Map<String, String> aliases) {

        /** The quoted staged column for a file column, as {@code r."name"}, or the SQL literal null. */
        public String column(String fileColumn) {
            String name = fileColumn == null ? null : aliases.getOrDefault(fileColumn.toLowerCase(Locale.ROOT),
                    columns.get(fileColumn.toLowerCase(Locale.ROOT)));
            if (fileColumn != null && name == null) {
                name = columns.get(fileColumn.toLowerCase(Locale.ROOT).replaceAll("[-#]", "_"));
            }
            return name == null ? "null" : "r." + quote(name);
        }

        /** Fills {@code key} with the staged column and {@code key_name} with the file column as an SQL literal. */
        public void put(Map<String, String> placeholders, String key, String fileColumn) {
            placeholders.put(key, column(fileColumn));
            placeholders.put(key + "_name", literal(fileColumn));
        }
    }

    static String rawTable(UUID job) {
        return "staging.job_" + job.toString().replace("-", "") + "_raw";
    }

    static String checkedTable(UUID job) {
        return "staging.job_" + job.toString().replace("-", "") + "_checked";
    }

    static String assignedTable(UUID job) {
        return "staging.job_" + job.toString().replace("-", "") + "_assigned";
    }

    /** Copies every main file of the upload into the job's raw table; the file's own geometry in {@code epsg} (null: none). */
    Staged stage(UUID job, UploadFiles.Prepared prepared, Inspector.Layer layer, Integer epsg) {
        SourceFormat format = prepared.detected().format();
        String raw = rawTable(job);
        Map<String, String> aliases = format.hasOwnGeometry() ? Map.of() : aliases(layer.fields());
        String fields = aliases.isEmpty() ? "*" : layer.fields().stream()
                .map(f -> quote(f) + (aliases.containsKey(f.toLowerCase(Locale.ROOT)) ? " AS " + quote(aliases.get(f.toLowerCase(Locale.ROOT))) : ""))
                .collect(java.util.stream.Collectors.joining(", "));
        boolean append = false;
        long started = System.nanoTime();
        for (Path file : prepared.detected().mainFiles()) {
            String layerName = format == SourceFormat.POLICE_UK ? stem(file) : layer.name();
            String label = prepared.label(file).replace("'", "_");
            List<String> args = new ArrayList<>(Inspector.openOptions(format));
            args.addAll(List.of("-sql", "SELECT " + fields + ", FID AS source_row, '" + label + "' AS source_file FROM \"" + layerName.replace("\"", "") + "\"",
                    "-nlt", "GEOMETRY"));
            if (epsg != null) {
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
        log.info("Upload job {}: read {} rows from {} files in {} ms", job, rowsIn, prepared.detected().mainFiles().size(),
                millisSince(started));
        return new Staged(raw, rowsIn, stagedColumns(raw), aliases);
    }

    /**
     * Short names for columns longer than PostgreSQL's 63-byte identifiers (Census headers often are):
     * cut short, two such columns would collide. Only for files without geometry, where the staging
     * query can list every column.
     */
    static Map<String, String> aliases(List<String> fields) {
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String lower = fields.get(i).toLowerCase(Locale.ROOT);
            if (lower.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
                // letters, digits and spaces only: ogr2ogr launders other characters, and the name must be found again
                String alias = "column " + (i + 1) + " " + lower.substring(0, 40).replaceAll("[^a-z0-9 ]", " ").strip();
                aliases.put(lower, alias.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63 ? "column " + (i + 1) : alias);
            }
        }
        return aliases;
    }

    /** The EPSG code of the file's own geometry: the uploader's, or read from the file; unknown stops the upload. */
    Integer ownEpsg(UploadRequest request, UploadFiles.Prepared prepared, Inspector.Layer layer) {
        if (request.epsg() != null) {
            return request.epsg();
        }
        Path main = prepared.detected().mainFile();
        try {
            return inspector.detectEpsg(main, prepared.detected().format(), layer);
        } catch (IngestException e) {
            throw new UploadRejected(e.getMessage() + ". " + CoordinateHint.describe(layer.extent()),
                    List.of(new UploadRejected.FileError(prepared.label(main), null, "crs", null,
                            "unknown coordinate reference system: give its EPSG code (epsg)")));
        }
    }

    List<UploadRejected.FileError> rejectedRows(String checked, int limit) {
        return jdbc.sql("select source_file as file, source_line as \"row\", reason_column as \"column\", reason_value as value, reason "
                        + "from " + checked + " where reason is not null order by row_id limit :limit")
                .param("limit", limit).query(UploadRejected.FileError.class).list();
    }

    /**
     * Runs one statement over every row of the upload with PostgreSQL's JIT compiler off: their cost estimates
     * always pass its threshold, compiling took 0.3 to 2.5 s a statement, and we could measure no gain from it.
     */
    void withoutJit(String statement) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("set local jit = off").update();
            jdbc.sql(statement).update();
        });
    }

    public static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    void drop(UUID job) {
        staging.drop(assignedTable(job));
        staging.drop(checkedTable(job));
        staging.drop(rawTable(job));
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

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    public static String literal(String text) {
        return text == null ? "null" : "'" + text.replace("'", "''") + "'";
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
