package org.patchwork.export;

import java.util.Optional;

/**
 * Where an export finds the raster behind a collection (a density surface), implemented by the feature that makes
 * rasters. The implementation reads it through the access decision, as the collection's own endpoints do.
 */
public interface RasterLayers {

    /** The collection's raster as a GeoTIFF in EPSG:27700, or empty when the collection has none. */
    Optional<byte[]> geoTiff(String collectionId);
}
