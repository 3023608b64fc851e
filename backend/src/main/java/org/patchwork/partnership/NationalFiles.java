package org.patchwork.partnership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.patchwork.gdal.StagingTables;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national files an area is resolved and loaded from (see ../shared/data/README.md), each copied by
 * ogr2ogr into its own scratch table in EPSG:27700 when first needed, and dropped on close.
 */
class NationalFiles implements AutoCloseable {

    static final String LSOAS = "boundaries/national/england_lsoa11_bsc_wgs84.gpkg";
    static final String FORCE_AREAS = "boundaries/national/police_force_areas_2020_wgs84.gpkg";
    static final String LOOKUP = "lookups/england_lsoa11_msoa11_ward17_lad21_lookup.csv";

    private final Path dir;
    private final StagingTables staging;
    private final JdbcClient jdbc;
    private final String suffix = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
            (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
    private String lookup;
    private String lsoas;
    private String forceAreas;

    NationalFiles(Path dir, StagingTables staging, JdbcClient jdbc) {
        this.dir = dir;
        this.staging = staging;
        this.jdbc = jdbc;
    }

    Path path(String relative) {
        return dir.resolve(relative);
    }

    boolean present() {
        return Files.isRegularFile(path(LSOAS)) && Files.isRegularFile(path(LOOKUP)) && Files.isRegularFile(path(FORCE_AREAS));
    }

    /** The England LSOA 2011 → MSOA → ward → district lookup, every column text. */
    String lookup() {
        if (lookup == null) {
            lookup = "staging.area_lookup_" + suffix;
            staging.copy(path(LOOKUP).toString(), lookup, null, List.of("-oo", "AUTODETECT_TYPE=NO"), false);
            jdbc.sql("create index on " + lookup + " (lsoa11cd)").update();
            jdbc.sql("analyze " + lookup).update();
        }
        return lookup;
    }

    /** England's 32,844 LSOAs (2011, super-generalised), columns lsoa11cd, lsoa11nm, geom. */
    String lsoas() {
        if (lsoas == null) {
            lsoas = "staging.area_lsoas_" + suffix;
            staging.copy(path(LSOAS).toString(), lsoas, 4326, List.of("-nlt", "PROMOTE_TO_MULTI"), false);
            jdbc.sql("create index on " + lsoas + " (lsoa11cd)").update();
            jdbc.sql("analyze " + lsoas).update();
        }
        return lsoas;
    }

    /** The 43 police force areas (December 2020), columns pfa20cd, pfa20nm, geom. */
    String forceAreas() {
        if (forceAreas == null) {
            forceAreas = "staging.area_pfa_" + suffix;
            staging.copy(path(FORCE_AREAS).toString(), forceAreas, 4326, List.of("-nlt", "PROMOTE_TO_MULTI"), false);
        }
        return forceAreas;
    }

    int rows(String table) {
        return staging.count(table);
    }

    @Override
    public void close() {
        for (String table : new String[] {lookup, lsoas, forceAreas}) {
            if (table != null) {
                staging.drop(table);
            }
        }
    }
}
