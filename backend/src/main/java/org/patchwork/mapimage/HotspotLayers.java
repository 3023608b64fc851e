package org.patchwork.mapimage;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * Where a briefing finds a hotspot layer by its collection id: implemented by the feature that makes hotspot
 * runs (as a bean); without one, or for an id it does not know, a briefing shows no hotspots. The
 * implementation decides, through the access decision, whether the current viewer may see the layer.
 */
public interface HotspotLayers {

    Optional<HotspotLayer> find(String collectionId);

    /**
     * A hotspot layer: its polygons in EPSG:27700, what made it, and its Predictive Accuracy Index and Recapture
     * Rate Index against the next period (null when not measured).
     */
    record HotspotLayer(String title, String method, String period, Double pai, Double rri, List<Geometry> polygons) {
    }
}
