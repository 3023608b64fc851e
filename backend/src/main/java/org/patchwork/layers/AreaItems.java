package org.patchwork.layers;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Items of a collection with one feature per area of {@code level} (and category), computed per request and
 * protected for the viewer by the kind that serves them; paged, filtered by bbox, served one at a time and
 * written by {@link AreaFeaturePages}, so every by-area collection answers the OGC API the same way.
 */
public record AreaItems(String level, Source source) implements FeatureCollection.Items {

    /** Every feature of one request, its own parameters (the collection's queryables) read from the request. */
    @FunctionalInterface
    public interface Source {
        Features features(FeatureCollection collection, HttpServletRequest request);
    }

    /**
     * All the features, in order; {@code intro} opens the HTML page; {@code served} hears how many went out in a
     * response, for the audit trail.
     */
    public record Features(List<AreaFeature> all, String intro, IntConsumer served) {
    }

    /** One feature: its id, the code of the area it is drawn as, and its properties. */
    public record AreaFeature(String id, String code, Map<String, Object> properties) {
    }
}
