package org.patchwork.rates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 100 events among 10,000: 10 per 1,000, 95% 8.136 .. 12.163, 99.8% 7.190 .. 13.494 (Byar, see RatesTest). */
class ComparisonTest {

    private final Estimate area = Rates.rate(100, 10_000, Rates.PER_THOUSAND);

    @Test
    void aBenchmarkBelowTheIntervalMakesTheAreaHigher() {
        assertThat(Comparison.of(area.ci95(), 8.0)).isEqualTo(Comparison.HIGHER);
    }

    @Test
    void aBenchmarkAboveTheIntervalMakesTheAreaLower() {
        assertThat(Comparison.of(area.ci95(), 12.2)).isEqualTo(Comparison.LOWER);
    }

    @Test
    void aBenchmarkInsideTheIntervalIsSimilar() {
        assertThat(Comparison.of(area.ci95(), 12.0)).isEqualTo(Comparison.SIMILAR);
        assertThat(Comparison.of(area.ci95(), area.ci95().upper())).isEqualTo(Comparison.SIMILAR);
    }

    @Test
    void theWiderIntervalCanTurnHigherIntoSimilar() {
        assertThat(Comparison.of(area.ci95(), 7.5)).isEqualTo(Comparison.HIGHER);
        assertThat(Comparison.of(area.ci998(), 7.5)).isEqualTo(Comparison.SIMILAR);
    }

    @Test
    void aPerturbedCountIsNotCalledDifferentOnNoise() {
        // 8.0 is outside the plain 95% interval but inside it once V = 25 is carried (lower 7.916)
        Estimate perturbed = Rates.rate(100, 10_000, Rates.PER_THOUSAND, 25);
        assertThat(Comparison.of(perturbed.ci95(), 8.0)).isEqualTo(Comparison.SIMILAR);
    }

    @Test
    void aMissingBenchmarkIsNotCompared() {
        assertThat(Comparison.of(area.ci95(), Double.NaN)).isEqualTo(Comparison.NOT_COMPARED);
    }
}
