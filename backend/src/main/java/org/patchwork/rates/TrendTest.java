package org.patchwork.rates;

/**
 * Chi-square tests for a linear trend over consecutive periods (scores 1, 2, 3, ...), one degree of freedom.
 *
 * <p>Proportions: the chi-square test for trend (Armitage; Cochran–Armitage) that Fingertips uses for its
 * recent trends and that R's {@code prop.trend.test} computes: with p̄ = ΣO/Σn,
 * X² = [Σ tᵢ(Oᵢ − nᵢp̄)]² / (p̄(1 − p̄)[Σ nᵢtᵢ² − (Σ nᵢtᵢ)²/Σ nᵢ]).
 *
 * <p>Rates: the score test of the slope β = 0 in the Poisson regression log E[Oᵢ] = log nᵢ + α + β tᵢ (the
 * chi-square test for trend in rates, Breslow and Day 1987, vol. II, 3.3): with Eᵢ = nᵢ ΣO/Σn,
 * X² = [Σ tᵢ(Oᵢ − Eᵢ)]² / (Σ tᵢ²Eᵢ − (Σ tᵢEᵢ)²/ΣEᵢ), which needs no iterative fit.
 */
public final class TrendTest {

    /** The direction of a trend that is significant at the given level, else {@link #NO_SIGNIFICANT_CHANGE}. */
    public enum Direction { INCREASING, DECREASING, NO_SIGNIFICANT_CHANGE }

    /** X², its p-value on 1 df and the sign of the slope (+1, 0 or −1). */
    public record Result(double chiSquare, double pValue, int slopeSign) {

        public Direction direction(ConfidenceLevel level) {
            if (Double.isNaN(pValue) || pValue >= 1 - level.confidence() || slopeSign == 0) {
                return Direction.NO_SIGNIFICANT_CHANGE;
            }
            return slopeSign > 0 ? Direction.INCREASING : Direction.DECREASING;
        }
    }

    private TrendTest() {
    }

    /** Counts out of denominators for periods 1..k, oldest first. */
    public static Result proportions(double[] counts, double[] denominators) {
        check(counts, denominators);
        double sumO = 0;
        double sumN = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > denominators[i]) {
                throw new IllegalArgumentException("a count exceeds its denominator in period " + (i + 1));
            }
            sumO += counts[i];
            sumN += denominators[i];
        }
        double p = sumO / sumN;
        double score = 0;
        double nt = 0;
        double ntt = 0;
        for (int i = 0; i < counts.length; i++) {
            double t = i + 1;
            score += t * (counts[i] - denominators[i] * p);
            nt += denominators[i] * t;
            ntt += denominators[i] * t * t;
        }
        return result(score, p * (1 - p) * (ntt - nt * nt / sumN));
    }

    /** Counts over person-time or population denominators for periods 1..k, oldest first. */
    public static Result rates(double[] counts, double[] denominators) {
        check(counts, denominators);
        double sumO = 0;
        double sumN = 0;
        for (int i = 0; i < counts.length; i++) {
            sumO += counts[i];
            sumN += denominators[i];
        }
        double score = 0;
        double te = 0;
        double tte = 0;
        for (int i = 0; i < counts.length; i++) {
            double t = i + 1;
            double expected = denominators[i] * sumO / sumN;
            score += t * (counts[i] - expected);
            te += t * expected;
            tte += t * t * expected;
        }
        return result(score, tte - te * te / sumO);
    }

    private static Result result(double score, double variance) {
        if (!(variance > 0)) {
            return new Result(Double.NaN, Double.NaN, 0);
        }
        double chiSquare = score * score / variance;
        return new Result(chiSquare, Distributions.chiSquareUpperTail(chiSquare, 1), (int) Math.signum(score));
    }

    private static void check(double[] counts, double[] denominators) {
        if (counts.length != denominators.length || counts.length < 2) {
            throw new IllegalArgumentException("a trend needs counts and denominators for at least two periods");
        }
        for (int i = 0; i < counts.length; i++) {
            if (!(counts[i] >= 0) || !(denominators[i] > 0)) {
                throw new IllegalArgumentException("counts must be 0 or more and denominators positive, period " + (i + 1));
            }
        }
    }
}
