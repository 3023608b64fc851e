package org.patchwork.rates;

/**
 * Confidence intervals for a count of events treated as Poisson, as Fingertips computes them: exact
 * (from the chi-square, equivalently gamma, distribution) below 10 events and Byar's approximation from
 * 10 up (PHE, "Technical Guide: Confidence intervals", 2018; PHEindicatormethods::phe_rate).
 */
public final class PoissonInterval {

    /** Below this count the exact interval is used, from it up Byar's method. */
    public static final int BYAR_FROM = 10;

    private PoissonInterval() {
    }

    /** The Fingertips interval for an observed count: exact below 10, Byar's from 10. */
    public static Interval of(double count, ConfidenceLevel level) {
        requireCount(count);
        return count < BYAR_FROM ? exact(count, level) : byar(count, level);
    }

    /**
     * The exact interval: lower = χ²(α/2; 2O)/2 (0 when O = 0), upper = χ²(1−α/2; 2O+2)/2, which is what
     * R's {@code poisson.test(O)$conf.int} returns.
     */
    public static Interval exact(double count, ConfidenceLevel level) {
        requireCount(count);
        double tail = level.tailProbability();
        double lower = count == 0 ? 0 : Distributions.gammaQuantile(count, tail);
        double upper = Distributions.gammaQuantile(count + 1, 1 - tail);
        return new Interval(lower, upper);
    }

    /**
     * Byar's approximation: lower = O (1 − 1/(9O) − z/(3√O))³, upper = (O+1) (1 − 1/(9(O+1)) + z/(3√(O+1)))³.
     * Only meant for O of 10 and over; use {@link #of} to choose.
     */
    public static Interval byar(double count, ConfidenceLevel level) {
        requireCount(count);
        if (count == 0) {
            throw new IllegalArgumentException("Byar's method is undefined for a count of 0");
        }
        double z = level.z();
        double o = count;
        double o1 = count + 1;
        double lower = o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
        double upper = o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
        return new Interval(lower, upper);
    }

    /**
     * The interval of a count published after cell-key perturbation, whose noise has the known variance V.
     * Each arm of the {@linkplain #of Fingertips interval} is widened by √((O + V) / O) (with O taken as at
     * least 1), so that its half-width, about z√O for a Poisson count, becomes about z√(O + V): the normal
     * approximation with the perturbation's variance added to the Poisson variance, keeping the skew of the
     * exact or Byar interval. With V = 0 it is exactly the Fingertips interval; the lower limit never goes
     * below 0.
     */
    public static Interval perturbed(double count, double perturbationVariance, ConfidenceLevel level) {
        if (!(perturbationVariance >= 0)) {
            throw new IllegalArgumentException("perturbation variance must be 0 or more: " + perturbationVariance);
        }
        Interval plain = of(count, level);
        if (perturbationVariance == 0) {
            return plain;
        }
        double widen = Math.sqrt((Math.max(count, 1) + perturbationVariance) / Math.max(count, 1));
        double lower = Math.max(0, count - (count - plain.lower()) * widen);
        double upper = count + (plain.upper() - count) * widen;
        return new Interval(lower, upper);
    }

    static void requireCount(double count) {
        if (!(count >= 0) || Double.isInfinite(count)) {
            throw new IllegalArgumentException("a count must be 0 or more: " + count);
        }
    }
}
