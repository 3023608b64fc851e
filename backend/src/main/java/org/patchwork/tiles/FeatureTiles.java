package org.patchwork.tiles;

import java.util.List;
import java.util.Map;

/**
 * Collections whose tiles carry their own features (not areas of a boundary level), such as hotspot runs:
 * implemented by the feature that owns them, which decides what the current viewer may see and cuts each tile
 * from its own table; this package checks the request against the tile matrix set and the collection's limits
 * and adds the headers. Such tiles differ by viewer, so they are cached privately.
 */
public interface FeatureTiles {

    /** Whether this source serves the collection (no access check: used for the links of collections already listed). */
    boolean serves(String collectionId);

    /**
     * The collection's tiled features for the current viewer; throws the access decision's problem exactly as its
     * items would (404 for a collection they may not know about, 403 for one they may not read).
     */
    Features open(String collectionId);

    /**
     * A title, the layer name inside each tile, its attributes (name to TileJSON type: String, Number, Boolean) with a
     * description of each, the longitude/latitude bounds (west, south, east, north; null when it has no features), and how
     * to cut one tile.
     */
    record Features(String title, String layer, Map<String, String> fields, Map<String, String> descriptions, List<Double> bounds,
                    Cutter cutter) {
    }

    /** Cuts one Mapbox Vector Tile (empty bytes when no feature reaches it). */
    @FunctionalInterface
    interface Cutter {
        byte[] tile(Cut cut);
    }

    /**
     * Where and how finely to cut: tile (z, x, y); {@code margin} the buffer as a share of the tile's width and
     * {@code buffer} in tile units (ST_TileEnvelope's margin, ST_AsMVTGeom's buffer); {@code segment} the length in
     * Web Mercator metres to segmentize the search envelope by before it is transformed; {@code tolerance} the
     * simplification in British National Grid metres, under one tile unit.
     */
    record Cut(int z, int x, int y, double margin, int buffer, double segment, double tolerance) {
    }
}
