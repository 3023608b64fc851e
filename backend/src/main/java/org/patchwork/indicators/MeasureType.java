package org.patchwork.indicators;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an indicator shows; {@link #key()} is the stored and JSON value. */
enum MeasureType {
    COUNT("count", 0),
    RATE_PER_1000("rate-per-1000", 1_000),
    RATE_PER_100000("rate-per-100000", 100_000),
    AREA_STATISTIC("area-statistic", 0);

    private final String key;
    private final double multiplier;

    MeasureType(String key, double multiplier) {
        this.key = key;
        this.multiplier = multiplier;
    }

    String key() {
        return key;
    }

    /** Per how many residents a rate is given; 0 for counts and area statistics. */
    double multiplier() {
        return multiplier;
    }

    boolean isRate() {
        return multiplier > 0;
    }

    /** Counted from events (count or rate), as opposed to an area statistic as loaded. */
    boolean fromEvents() {
        return this != AREA_STATISTIC;
    }

    static Optional<MeasureType> of(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(MeasureType::key).toList();
    }
}
