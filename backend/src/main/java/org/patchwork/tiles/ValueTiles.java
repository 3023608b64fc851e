package org.patchwork.tiles;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Collections whose tiles carry figures by area as well as boundaries (indicators): implemented by the feature
 * that owns the figures, which decides what the current viewer may see; this package only joins the figures to
 * the tiled boundaries of their level. Such tiles differ by viewer, so they are cached privately.
 */
public interface ValueTiles {

    /** Whether this source serves the collection (no access check: used for the links of collections already listed). */
    boolean serves(String collectionId);

    /**
     * The collection's tiled figures for the current viewer; throws the access decision's problem (404 for a
     * collection they may not know about, 403 for a level their agreement does not publish).
     */
    Values open(String collectionId);

    /**
     * A title, the boundary level (lsoa, msoa, ward, district), and the figures by area code as flat properties,
     * computed (and their read audited) once per tile served.
     */
    record Values(String title, String level, Supplier<Map<String, Map<String, Object>>> byCode) {
    }
}
