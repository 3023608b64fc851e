package org.patchwork.rates;

/**
 * Crude rates per 1,000 or 100,000 of a population with Fingertips intervals: the count's Poisson interval
 * divided by the denominator and multiplied (PHEindicatormethods::phe_rate).
 */
public final class Rates {

    public static final double PER_THOUSAND = 1_000;
    public static final double PER_HUNDRED_THOUSAND = 100_000;

    private Rates() {
    }

    /** count / denominator × multiplier, with its 95% and 99.8% intervals. */
    public static Estimate rate(double count, double denominator, double multiplier) {
        return rate(count, denominator, multiplier, 0);
    }

    /** As {@link #rate(double, double, double)} for a perturbed count whose noise has variance V. */
    public static Estimate rate(double count, double denominator, double multiplier, double perturbationVariance) {
        PoissonInterval.requireCount(count);
        if (!(denominator > 0) || Double.isInfinite(denominator)) {
            throw new IllegalArgumentException("a rate needs a positive denominator: " + denominator);
        }
        Estimate counts = new Estimate(count,
                PoissonInterval.perturbed(count, perturbationVariance, ConfidenceLevel.NINETY_FIVE),
                PoissonInterval.perturbed(count, perturbationVariance, ConfidenceLevel.NINETY_NINE_POINT_EIGHT));
        return counts.scaled(multiplier / denominator);
    }
}
