package org.patchwork.gdal;


import org.patchwork.database.DatabaseUnavailable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies a spatial file into a fresh scratch table {@code staging.load_<random>} with ogr2ogr,
 * reprojected to British National Grid. The caller moves what it wants in one transaction and drops
 * the table; nothing in {@code staging} is ever read by an output path, so the tables are unlogged (a crash
 * empties them, and their rows are not written twice).
 */
@Component
public class StagingTables {

    private final Gdal gdal;
    private final CrsDetector crsDetector;
    private final DatabaseConnection database;
    private final JdbcClient jdbc;

    StagingTables(Gdal gdal, CrsDetector crsDetector, DatabaseConnection database, JdbcClient jdbc) {
        this.gdal = gdal;
        this.crsDetector = crsDetector;
        this.database = database;
        this.jdbc = jdbc;
    }

    /** A staged copy of a file: its qualified table name, its geometry column {@code geom}, the CRS it came in. */
    public record StagedTable(String name, int sourceEpsg, int rows) {
    }

    /** Stages the first layer of {@code file}, with polygons as MultiPolygon, in EPSG:27700. */
    public StagedTable stage(Path file) {
        int epsg = crsDetector.detectEpsg(file);
        String table = newTableName();
        copy(file.toString(), table, epsg, List.of("-nlt", "PROMOTE_TO_MULTI"), false);
        return new StagedTable(table, epsg, count(table));
    }

    /**
     * Copies {@code source} into the scratch table {@code table} (schema-qualified, named by the caller from
     * trusted parts), reprojecting from {@code sourceEpsg} to British National Grid when it is given. Throws
     * {@link DatabaseUnavailable} when ogr2ogr cannot reach the database, {@link IngestException} when it cannot read the file.
     */
    public void copy(String source, String table, Integer sourceEpsg, List<String> extra, boolean append) {
        if (!table.matches("staging\\.[a-z0-9_]+")) {
            throw new IllegalArgumentException("Not a staging table name: " + table);
        }
        List<String> args = new ArrayList<>(List.of(
                "-f", "PostgreSQL", database.ogrConnection(), source,
                "-nln", table,
                "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=ogr_fid", "-lco", "SPATIAL_INDEX=NONE",
                "-lco", "PRECISION=NO", "-lco", "LAUNDER=YES", "-lco", "UNLOGGED=ON",
                "-gt", "65536"));
        if (sourceEpsg != null) {
            args.addAll(List.of("-s_srs", "EPSG:" + sourceEpsg, "-t_srs", "EPSG:27700"));
        }
        args.addAll(extra);
        if (append) {
            args.add("-append");
        }
        try {
            gdal.run("ogr2ogr", args, database.environment());
        } catch (IngestException e) {
            if (DatabaseUnavailable.isConnectionFailure(e.getMessage())) {
                throw new DatabaseUnavailable("ogr2ogr could not write to the database: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    public int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static String newTableName() {
        return "staging.load_" + HexFormat.of().formatHex(randomBytes());
    }

    public void drop(StagedTable table) {
        drop(table.name());
    }

    public void drop(String table) {
        if (!table.matches("staging\\.[a-z0-9_]+")) {
            throw new IllegalArgumentException("Not a staging table name: " + table);
        }
        jdbc.sql("drop table if exists " + table).update();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
