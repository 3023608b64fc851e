package org.patchwork.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchwork.rates.PoissonIntervalTest.assertInterval;

import org.junit.jupiter.api.Test;

/** The count limits are the R / PHE values of {@link PoissonIntervalTest}, divided by hand. */
class RatesTest {

    @Test
    void ratePerThousandDividesTheCountIntervalByTheDenominator() {
        // 100 violent crimes among 10,000 residents: 10 per 1,000; Byar 81.3621054905 .. 121.6279375792 events
        Estimate rate = Rates.rate(100, 10_000, Rates.PER_THOUSAND);
        assertThat(rate.value()).isEqualTo(10.0);
        assertInterval(rate.ci95(), 8.13621054905, 12.16279375792);
        assertInterval(rate.ci998(), 7.19036918726, 13.49436217623);
    }

    @Test
    void ratePerHundredThousandOfASmallCountUsesTheExactInterval() {
        // 9 deaths among 45,000: 20 per 100,000; exact 4.1153730974 .. 17.0848034514 deaths
        Estimate rate = Rates.rate(9, 45_000, Rates.PER_HUNDRED_THOUSAND);
        assertThat(rate.value()).isEqualTo(20.0);
        assertInterval(rate.ci95(), 4.1153730974 / 0.45, 17.0848034514 / 0.45);
    }

    @Test
    void zeroEventsGiveZeroRateWithAPositiveUpperLimit() {
        Estimate rate = Rates.rate(0, 1_500, Rates.PER_THOUSAND);
        assertThat(rate.value()).isZero();
        assertInterval(rate.ci95(), 0, 3.6888794541 / 1.5);
        assertInterval(rate.ci998(), 0, 6.9077552790 / 1.5);
    }

    @Test
    void aPerturbedCountCarriesItsVariance() {
        Estimate rate = Rates.rate(100, 10_000, Rates.PER_THOUSAND, 25);
        double widen = Math.sqrt(1.25);
        assertInterval(rate.ci95(), 10 - 1.86378945095 * widen, 10 + 2.16279375792 * widen);
    }

    @Test
    void refusesAMissingDenominator() {
        assertThatThrownBy(() -> Rates.rate(3, 0, Rates.PER_THOUSAND)).isInstanceOf(IllegalArgumentException.class);
    }
}
