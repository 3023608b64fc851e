package org.patchwork.tiles;

import java.util.List;
import java.util.Optional;

/**
 * What one tileset holds: a boundary collection's own tiles (one layer), or the dataset tiles of the
 * landing page (every boundary level, one layer each, so one tile source draws them all), or a collection
 * of figures by area ({@code values}, one layer named by its level; null for boundaries), or a collection with
 * its own features ({@code features}, one layer of them and no boundary layers; null otherwise).
 * {@code path} is where its {@code /tiles} hang below {@code /ogc}.
 */
record Tileset(String path, String title, List<TileLayer> layers, ValueTiles.Values values, FeatureTiles.Features features) {

    static final Tileset ALL_BOUNDARIES = new Tileset("", "All boundary levels (LSOA, MSOA, ward, district)",
            List.of(TileLayer.values()), null, null);

    static Optional<Tileset> ofCollection(String collectionId) {
        return TileLayer.of(collectionId).map(layer -> new Tileset("/collections/" + layer.id(), layer.title(), List.of(layer), null, null));
    }

    /** A collection of figures by area, drawn on the boundaries of its level. */
    static Tileset ofValues(String collectionId, ValueTiles.Values values) {
        TileLayer layer = TileLayer.of(values.level()).orElseThrow(() -> new IllegalArgumentException("not a level: " + values.level()));
        return new Tileset("/collections/" + collectionId, values.title(), List.of(layer), values, null);
    }

    /** A collection with its own features, cut by the feature that owns them. */
    static Tileset ofFeatures(String collectionId, FeatureTiles.Features features) {
        return new Tileset("/collections/" + collectionId, features.title(), List.of(), null, features);
    }
}
