package org.patchwork.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Other representations of a collection than GeoJSON and HTML, offered by another feature (exports) in the manner
 * of pygeoapi's formatters: listed as links on each collection, and answering {@code f=<name>} on its items.
 */
public interface CollectionFormats {

    /** A link to the collection in another format. */
    record Download(String href, String rel, String type, String title) {
    }

    /** Links to the whole collection in each format, from the service root (e.g. {@code http://host}). */
    List<Download> links(String root, FeatureCollection collection);

    /** Whether {@code f} names a format this serves for a page of items. */
    boolean servesItems(String f);

    /** Writes the items the request selects (its filters and paging) in format {@code f}. */
    void writeItems(String f, FeatureCollection collection, HttpServletRequest request, HttpServletResponse response) throws IOException;
}
