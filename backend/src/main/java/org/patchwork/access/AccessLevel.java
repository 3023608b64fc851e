package org.patchwork.access;

/**
 * How much of a dataset a person may see, least first. METADATA: that it exists, its description and
 * agreement, but no data (administrators). PUBLIC: aggregates with the strictest disclosure control.
 * AGGREGATE: counts and rates by area with disclosure control. RECORD: individual events.
 */
public enum AccessLevel {
    NONE, METADATA, PUBLIC, AGGREGATE, RECORD;

    public boolean atLeast(AccessLevel other) {
        return compareTo(other) >= 0;
    }

    public String key() {
        return name().toLowerCase();
    }
}
