package org.patchwork.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a dataset holds; {@link #key()} is the stored value (checked by the database). Partners upload the
 * first three; reference data (boundaries, deprivation, population) is loaded by Patchwork itself.
 */
public enum DatasetKind {
    EVENTS("events"), AREA_STATISTICS("area-statistics"), POLYGONS("polygons"), REFERENCE("reference");

    private final String key;

    DatasetKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<DatasetKind> of(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }

    /** The kinds a partner can upload, by key. */
    public static List<String> uploadable() {
        return List.of(EVENTS.key, AREA_STATISTICS.key, POLYGONS.key);
    }
}
