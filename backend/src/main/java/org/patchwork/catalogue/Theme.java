package org.patchwork.catalogue;

/** The partnership theme a dataset belongs to; stored lower-case. */
public enum Theme {
    CRIME, HEALTH, EDUCATION, DEPRIVATION, POPULATION, BOUNDARIES, OTHER;

    public String key() {
        return name().toLowerCase();
    }
}
