package org.patchwork.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one tile matrix set served: OGC's registered WebMercatorQuad (OGC 17-083r4, Annex D.1; the
 * "Google Maps compatible" grid every web map uses): EPSG:3857, 256-pixel tiles, origin top left,
 * tile matrix z has 2^z by 2^z tiles.
 */
final class WebMercatorQuad {

    static final String ID = "WebMercatorQuad";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    /** Half the width of the world in EPSG:3857 metres (pi times the WGS 84 semi-major axis). */
    static final double HALF_WORLD = 20037508.3427892;
    /** The registered definition has tile matrices 0 to 24. */
    static final int MAX_DEFINED_ZOOM = 24;
    /** Largest latitude of the square Web Mercator world. */
    private static final double MAX_LATITUDE = 85.0511287798066;

    private WebMercatorQuad() {
    }

    /** Metres per pixel at tile matrix z (the standard's cellSize). */
    static double cellSize(int z) {
        return 2 * HALF_WORLD / 256 / Math.pow(2, z);
    }

    /** The tile matrix set definition as OGC 17-083r4 (2DTMS 2.0) JSON encodes it. */
    static Map<String, Object> definition() {
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (int z = 0; z <= MAX_DEFINED_ZOOM; z++) {
            Map<String, Object> matrix = new LinkedHashMap<>();
            matrix.put("id", String.valueOf(z));
            matrix.put("scaleDenominator", cellSize(z) / 0.00028);   // the standard's 0.28 mm pixel
            matrix.put("cellSize", cellSize(z));
            matrix.put("cornerOfOrigin", "topLeft");
            matrix.put("pointOfOrigin", List.of(-HALF_WORLD, HALF_WORLD));
            matrix.put("tileWidth", 256);
            matrix.put("tileHeight", 256);
            matrix.put("matrixWidth", 1L << z);
            matrix.put("matrixHeight", 1L << z);
            matrices.add(matrix);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", ID);
        definition.put("title", "Google Maps Compatible for the World");
        definition.put("uri", URI);
        definition.put("crs", CRS);
        definition.put("orderedAxes", List.of("X", "Y"));
        definition.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        definition.put("tileMatrices", matrices);
        return definition;
    }

    /** Tile column holding a longitude at zoom z. */
    static long column(double longitude, int z) {
        long n = 1L << z;
        return clamp((long) Math.floor((longitude + 180) / 360 * n), n);
    }

    /** Tile row holding a latitude at zoom z (row 0 is the north). */
    static long row(double latitude, int z) {
        long n = 1L << z;
        double lat = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)));
        double y = (1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2;
        return clamp((long) Math.floor(y * n), n);
    }

    private static long clamp(long index, long n) {
        return Math.max(0, Math.min(n - 1, index));
    }
}
