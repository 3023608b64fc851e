package org.patchwork.rates;

/** A value with its 95% and 99.8% confidence intervals, on the same scale as the value. */
public record Estimate(double value, Interval ci95, Interval ci998) {

    public Interval interval(ConfidenceLevel level) {
        return level == ConfidenceLevel.NINETY_FIVE ? ci95 : ci998;
    }

    Estimate scaled(double factor) {
        return new Estimate(value * factor, ci95.scaled(factor), ci998.scaled(factor));
    }
}
