package org.patchwork.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Items of a collection with one feature per area of {@code level} (and category), computed per request and
 * protected for the viewer by the kind that serves them, which writes them (with {@link AreaFeaturePages}).
 */
public record AreaItems(String level, Writer writer) implements FeatureCollection.Items {

    /** Writes one request's page of a by-area collection, as GeoJSON or HTML. */
    @FunctionalInterface
    public interface Writer {
        void write(FeatureCollection collection, HttpServletRequest request, HttpServletResponse response, boolean html) throws IOException;
    }
}
