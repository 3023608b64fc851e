package org.patchwork.tiles;

import java.util.List;
import java.util.Optional;

/**
 * What one tileset holds: a boundary collection's own tiles (one layer), or the dataset tiles of the
 * landing page (every boundary level, one layer each, so one tile source draws them all).
 * {@code path} is where its {@code /tiles} hang below {@code /ogc}.
 */
record Tileset(String path, String title, List<TileLayer> layers) {

    static final Tileset ALL_BOUNDARIES = new Tileset("", "All boundary levels (LSOA, MSOA, ward, district)",
            List.of(TileLayer.values()));

    static Optional<Tileset> ofCollection(String collectionId) {
        return TileLayer.of(collectionId).map(layer -> new Tileset("/collections/" + layer.id(), layer.title(), List.of(layer)));
    }
}
