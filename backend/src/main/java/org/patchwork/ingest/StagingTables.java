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

    /** Stages the first layer of {@code file}, with geometries as MultiPolygon/MultiPoint in EPSG:27700. */
    public StagedTable stage(Path file) {
        int epsg = crsDetector.detectEpsg(file);
        String table = "load_" + HexFormat.of().formatHex(randomBytes());
        List<String> args = new ArrayList<>(List.of(
                "-f", "PostgreSQL", database.ogrConnection(), file.toString(),
                "-nln", "staging." + table,
                "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=ogr_fid", "-lco", "SPATIAL_INDEX=NONE",
                "-lco", "PRECISION=NO", "-lco", "LAUNDER=YES",
                "-nlt", "PROMOTE_TO_MULTI",
                "-s_srs", "EPSG:" + epsg, "-t_srs", "EPSG:27700",
                "-gt", "65536"));
        gdal.run("ogr2ogr", args, database.environment());
        String qualified = "staging." + table;
        int rows = jdbc.sql("select count(*) from " + qualified).query(Integer.class).single();
        return new StagedTable(qualified, epsg, rows);
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
