package org.patchwork.rates;

/** A closed interval [lower, upper]; both are NaN when the interval is undefined (e.g. a mean of one value). */
public record Interval(double lower, double upper) {

    static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    public boolean isDefined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    Interval scaled(double factor) {
        return new Interval(lower * factor, upper * factor);
    }
}
