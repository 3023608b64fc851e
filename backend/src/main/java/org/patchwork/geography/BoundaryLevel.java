package org.patchwork.geography;

/** The boundary sets Patchwork aggregates to, smallest first; {@link #id()} is the stored key. */
public enum BoundaryLevel {
    LSOA, MSOA, WARD, DISTRICT;

    public String id() {
        return name().toLowerCase();
    }

    /** Every level's key, smallest first. */
    public static java.util.List<String> keys() {
        return java.util.Arrays.stream(values()).map(BoundaryLevel::id).toList();
    }
}
