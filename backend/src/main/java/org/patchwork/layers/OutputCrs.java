package org.patchwork.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The coordinate reference systems features can be served in (OGC API Features Part 2). EPSG:4326 has
 * latitude first, so its coordinates are flipped; CRS84 and British National Grid are x first.
 */
enum OutputCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false, 7),
    WGS84("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, true, 7),
    BRITISH_NATIONAL_GRID("http://www.opengis.net/def/crs/EPSG/0/27700", 27700, false, 3);

    static final OutputCrs STORAGE = BRITISH_NATIONAL_GRID;

    private final String uri;
    private final int srid;
    private final boolean latitudeFirst;
    private final int decimals;

    OutputCrs(String uri, int srid, boolean latitudeFirst, int decimals) {
        this.uri = uri;
        this.srid = srid;
        this.latitudeFirst = latitudeFirst;
        this.decimals = decimals;
    }

    static Optional<OutputCrs> fromUri(String uri) {
        return Arrays.stream(values()).filter(c -> c.uri.equals(uri)).findFirst();
    }

    static List<String> uris() {
        return Arrays.stream(values()).map(OutputCrs::uri).toList();
    }

    String uri() {
        return uri;
    }

    int srid() {
        return srid;
    }

    boolean latitudeFirst() {
        return latitudeFirst;
    }

    /** SQL for the stored geometry column {@code v.geom} in this CRS, in the axis order the CRS defines. */
    String geometrySql() {
        if (srid == 27700) {
            return "v.geom";
        }
        return latitudeFirst ? "ST_FlipCoordinates(ST_Transform(v.geom, 4326))" : "ST_Transform(v.geom, 4326)";
    }

    /** Decimal places kept: 7 in degrees (about 1 cm), 3 in metres (1 mm). */
    int decimals() {
        return decimals;
    }
}
