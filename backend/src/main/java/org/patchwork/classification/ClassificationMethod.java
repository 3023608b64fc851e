package org.patchwork.classification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How class breaks are chosen; {@code key} is the word the API uses. */
public enum ClassificationMethod {
    QUANTILE("quantile"),
    EQUAL_INTERVAL("equal-interval"),
    NATURAL_BREAKS("natural-breaks"),
    STANDARD_DEVIATION("standard-deviation"),
    FIXED("fixed");

    private final String key;

    ClassificationMethod(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The method named by the API word ("jenks" is accepted for natural breaks). */
    static Optional<ClassificationMethod> of(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        if (w.equals("jenks")) {
            return Optional.of(NATURAL_BREAKS);
        }
        return Arrays.stream(values()).filter(m -> m.key.equals(w)).findFirst();
    }
}
