package org.patchwork.layers;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.patchwork.access.Viewer;

/**
 * Where collections come from, in the manner of pg_tileserv's layer sources: each kind of data (boundary
 * sets, events, polygons, area statistics) implements this once, and the OGC API and the catalogue iterate
 * the sources without knowing the kinds.
 */
public interface CollectionSource {

    /** The collections of this source the viewer may see, in a stable order. */
    List<FeatureCollection> visible(Viewer viewer);

    /** The claim on a collection id this source serves, if it serves it. */
    Optional<Claim> claim(String id);

    /**
     * A collection id this source serves: the dataset it belongs to (null for open data, which everyone
     * may see), and how to open it for an output, checking the viewer's access for what it serves (403).
     * The catalogue has already made sure the viewer may know that the dataset exists.
     */
    record Claim(Long datasetId, Function<String, FeatureCollection> open) {
    }
}
