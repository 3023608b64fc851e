package org.patchwork.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Items of a collection with one feature per area of {@code level} (and category), computed per request and
 * protected for the viewer by the kind that serves them; written with {@link AreaFeaturePages}.
 */
public non-sealed interface AreaItems extends FeatureCollection.Items {

    String level();

    void write(FeatureCollection collection, HttpServletRequest request, HttpServletResponse response, boolean html) throws IOException;
}
