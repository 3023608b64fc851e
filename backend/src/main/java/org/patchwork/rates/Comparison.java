package org.patchwork.rates;

/**
 * How an area compares with a benchmark (its district, the partnership, England), the Fingertips way:
 * the benchmark's value is set against the area's confidence interval, not the other way round.
 */
public enum Comparison {
    /** The whole interval lies above the benchmark. */
    HIGHER,
    /** The benchmark lies inside the interval (its ends included). */
    SIMILAR,
    /** The whole interval lies below the benchmark. */
    LOWER,
    /** No interval or no benchmark value to compare. */
    NOT_COMPARED;

    public static Comparison of(Interval interval, double benchmark) {
        if (interval == null || !interval.isDefined() || Double.isNaN(benchmark)) {
            return NOT_COMPARED;
        }
        if (interval.lower() > benchmark) {
            return HIGHER;
        }
        if (interval.upper() < benchmark) {
            return LOWER;
        }
        return SIMILAR;
    }
}
