package org.patchwork.rates;

/**
 * Funnel plot control limits around a benchmark (the district or partnership value) for an area of a
 * given denominator, by the exact method with interpolation of Spiegelhalter, "Funnel plots for comparing
 * institutional performance", Statistics in Medicine 24 (2005) 1185, appendix A.1: for the p-quantile,
 * r = the smallest count with F(r) ≥ p, α = (F(r) − p) / (F(r) − F(r − 1)), limit = (r − α) / n.
 * F is Poisson with mean θn for rates and binomial(n, θ) for proportions; p is α/2 and 1 − α/2 of the level.
 * An area outside the 99.8% limits differs from the benchmark by more than chance would explain.
 */
public final class FunnelLimits {

    private FunnelLimits() {
    }

    /** Limits for a rate per multiplier with the given denominator around the benchmark rate (same multiplier). */
    public static Interval forRate(double benchmarkRate, double denominator, double multiplier, ConfidenceLevel level) {
        if (!(benchmarkRate >= 0) || !(denominator > 0) || !(multiplier > 0)) {
            throw new IllegalArgumentException("funnel limits need a benchmark of 0 or more and positive denominator");
        }
        double mean = benchmarkRate / multiplier * denominator;
        double tail = level.tailProbability();
        double scale = multiplier / denominator;
        return new Interval(poissonLimit(mean, tail) * scale, poissonLimit(mean, 1 - tail) * scale);
    }

    /** Limits for a proportion (a fraction) out of the given denominator around the benchmark proportion. */
    public static Interval forProportion(double benchmark, long denominator, ConfidenceLevel level) {
        if (!(benchmark >= 0 && benchmark <= 1) || denominator < 1) {
            throw new IllegalArgumentException("funnel limits need a benchmark in [0, 1] and a denominator of 1 or more");
        }
        double tail = level.tailProbability();
        return new Interval(binomialLimit(benchmark, denominator, tail) / denominator,
                binomialLimit(benchmark, denominator, 1 - tail) / denominator);
    }

    private static double poissonLimit(double mean, double p) {
        long hi = 1;
        while (Distributions.poissonCdf(hi, mean) < p) {
            hi *= 2;
        }
        long r = smallestCountReaching(p, 0, hi, k -> Distributions.poissonCdf(k, mean));
        return interpolate(r, p, Distributions.poissonCdf(r, mean), Distributions.poissonCdf(r - 1, mean));
    }

    private static double binomialLimit(double theta, long n, double p) {
        long r = smallestCountReaching(p, 0, n, k -> Distributions.binomialCdf(k, n, theta));
        return interpolate(r, p, Distributions.binomialCdf(r, n, theta), Distributions.binomialCdf(r - 1, n, theta));
    }

    private static long smallestCountReaching(double p, long lo, long hi, java.util.function.LongToDoubleFunction cdf) {
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (cdf.applyAsDouble(mid) >= p) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double interpolate(long r, double p, double atR, double belowR) {
        double jump = atR - belowR;
        return jump > 0 ? Math.max(0, r - (atR - p) / jump) : r;
    }
}
