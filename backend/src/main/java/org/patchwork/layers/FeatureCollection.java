package org.patchwork.layers;

import java.util.List;

/**
 * One collection the API serves: its id, words for people, the properties a client may filter on by
 * equality (or the parameters it takes), the dataset it belongs to (null: open data), and where its items
 * come from.
 */
public record FeatureCollection(String id, String title, String description, List<String> queryables, Long datasetId,
                                Items items) {

    /** Where a collection's items come from. */
    public sealed interface Items permits ViewItems, AreaItems {
    }

    /** Items of a collection computed per request for every area of one level (counts, statistics): no single items, no bbox. */
    public boolean isByArea() {
        return items instanceof AreaItems;
    }

    /** A partner's own features, served only at record-level access and audited. */
    public boolean isRecordLevel() {
        return items instanceof ViewItems view && view.recordLevel();
    }
}
