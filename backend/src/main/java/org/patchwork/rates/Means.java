package org.patchwork.rates;

/**
 * Means with intervals from Student's t, as Fingertips (PHEindicatormethods::phe_mean):
 * mean ± t(1 − α/2; n − 1) × s / √n, with s the sample standard deviation (divisor n − 1).
 */
public final class Means {

    private Means() {
    }

    /** The mean of the values with its intervals; the intervals are undefined for fewer than two values. */
    public static Estimate mean(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a mean needs at least one value");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : Double.NaN;
        return mean(values.length, mean, sd);
    }

    /** From summary figures: n values with this mean and sample standard deviation. */
    public static Estimate mean(long n, double mean, double standardDeviation) {
        if (n < 1) {
            throw new IllegalArgumentException("a mean needs at least one value");
        }
        if (n == 1) {
            return new Estimate(mean, Interval.UNDEFINED, Interval.UNDEFINED);
        }
        return new Estimate(mean,
                interval(n, mean, standardDeviation, ConfidenceLevel.NINETY_FIVE),
                interval(n, mean, standardDeviation, ConfidenceLevel.NINETY_NINE_POINT_EIGHT));
    }

    private static Interval interval(long n, double mean, double sd, ConfidenceLevel level) {
        double t = Distributions.studentTQuantile(1 - level.tailProbability(), n - 1);
        double halfWidth = t * sd / Math.sqrt(n);
        return new Interval(mean - halfWidth, mean + halfWidth);
    }
}
