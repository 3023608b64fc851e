package org.patchwork.access;

import org.patchwork.disclosure.DisclosureRule;

/**
 * The answer to "may this person see this dataset": the level, the smallest geography aggregates may
 * use (lsoa, msoa, ward, district), the disclosure rule for counts, and the basis in words.
 */
public record Access(AccessLevel level, String minGeography, DisclosureRule rule, String basis) {

    static Access none() {
        return new Access(AccessLevel.NONE, null, null, "no agreement covers you");
    }

    public boolean allows(AccessLevel needed) {
        return level.atLeast(needed);
    }
}
