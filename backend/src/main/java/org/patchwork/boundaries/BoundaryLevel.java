package org.patchwork.boundaries;

/** The boundary sets Patchwork aggregates to, smallest first; {@link #id()} is the stored key. */
public enum BoundaryLevel {
    LSOA, MSOA, WARD, DISTRICT;

    public String id() {
        return name().toLowerCase();
    }
}
