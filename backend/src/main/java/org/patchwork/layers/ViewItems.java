package org.patchwork.layers;

/**
 * Items read from an allow-listed view with {@code id} and {@code geom} columns (and {@code dataset_id}
 * when the collection belongs to a dataset): paged, filtered by bbox and by equality on the queryables,
 * one at a time by id. {@code properties} is the SQL expression over the view row {@code v} that writes a
 * feature's properties; {@code recordLevel} says each read is audited as record access.
 */
public record ViewItems(String view, String properties, boolean recordLevel) implements FeatureCollection.Items {

    /** The view's columns, less the geometry and id. */
    public static final String COLUMNS = "to_jsonb(v) - 'geom' - 'id'";
}
