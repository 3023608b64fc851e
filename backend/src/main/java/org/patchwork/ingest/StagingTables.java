package org.patchwork.ingest;

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
 * the table; nothing in {@code staging} is ever read by an output path.
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
     * A CSV file inside something GDAL reads: its GDAL path (e.g. {@code /vsizip//data/crime.zip/2022-01/a.csv}),
     * its layer name (the file name without .csv) and the name to report it by.
     */
    public record CsvSource(String gdalPath, String layer, String label) {
        public CsvSource {
            if ((layer + label).matches(".*[\"'\\\\].*")) {
                throw new IngestException("File names with quotes or backslashes are not accepted: " + label);
            }
        }
    }

    /**
     * Stages CSV files of points given by longitude/latitude columns (WGS84), all into one table, every
     * field as text, plus {@code source_file} and {@code source_row} (1 = first data row) for reporting.
     * A row without coordinates is staged with no geometry, so the caller can count and report it.
     */
    public StagedTable stageCsvPoints(List<CsvSource> sources, String xColumn, String yColumn) {
        String table = newTableName();
        boolean append = false;
        for (CsvSource source : sources) {
            copy(source.gdalPath(), table, 4326, List.of("-oo", "X_POSSIBLE_NAMES=" + xColumn, "-oo", "Y_POSSIBLE_NAMES=" + yColumn,
                    "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=NO",
                    "-sql", "SELECT *, FID AS source_row, '" + source.label() + "' AS source_file FROM \"" + source.layer() + "\"",
                    "-nlt", "POINT"), append);
            append = true;
        }
        return new StagedTable(table, 4326, count(table));
    }

    private void copy(String source, String table, int sourceEpsg, List<String> extra, boolean append) {
        List<String> args = new ArrayList<>(List.of(
                "-f", "PostgreSQL", database.ogrConnection(), source,
                "-nln", table,
                "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=ogr_fid", "-lco", "SPATIAL_INDEX=NONE",
                "-lco", "PRECISION=NO", "-lco", "LAUNDER=YES",
                "-s_srs", "EPSG:" + sourceEpsg, "-t_srs", "EPSG:27700",
                "-gt", "65536"));
        args.addAll(extra);
        if (append) {
            args.add("-append");
        }
        gdal.run("ogr2ogr", args, database.environment());
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static String newTableName() {
        return "staging.load_" + HexFormat.of().formatHex(randomBytes());
    }

    public void drop(StagedTable table) {
        jdbc.sql("drop table if exists " + table.name()).update();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
