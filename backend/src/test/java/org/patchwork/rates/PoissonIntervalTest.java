package org.patchwork.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.patchwork.rates.ConfidenceLevel.NINETY_FIVE;
import static org.patchwork.rates.ConfidenceLevel.NINETY_NINE_POINT_EIGHT;

import org.junit.jupiter.api.Test;

/**
 * Exact limits: R {@code poisson.test(O, conf.level = ...)$conf.int}, i.e. qchisq(α/2, 2O)/2 and
 * qchisq(1 − α/2, 2O + 2)/2 (the 95% ones are the R outputs, the 99.8% ones computed with SciPy's chi2.ppf).
 * Byar limits: PHE "Technical Guide: Confidence intervals" formula with z = qnorm(0.975) and qnorm(0.999),
 * as PHEindicatormethods::byars_lower/upper, computed separately in Python with NumPy.
 */
class PoissonIntervalTest {

    private static final double TOLERANCE = 1e-8;

    @Test
    void zeroEventsHaveLowerLimitZeroAndUpperMinusLogTail() {
        assertInterval(PoissonInterval.of(0, NINETY_FIVE), 0, 3.6888794541); // −ln 0.025
        assertInterval(PoissonInterval.of(0, NINETY_NINE_POINT_EIGHT), 0, 6.9077552790); // −ln 0.001
    }

    @Test
    void belowTenTheIntervalIsExact() {
        assertInterval(PoissonInterval.of(1, NINETY_FIVE), 0.0253178080, 5.5716433909);
        assertInterval(PoissonInterval.of(1, NINETY_NINE_POINT_EIGHT), 0.0010005003, 9.2334134765);
        assertInterval(PoissonInterval.of(9, NINETY_FIVE), 4.1153730974, 17.0848034514);
        assertInterval(PoissonInterval.of(9, NINETY_NINE_POINT_EIGHT), 2.4524244044, 22.6573733091);
    }

    @Test
    void fromTenTheIntervalIsByars() {
        assertInterval(PoissonInterval.of(10, NINETY_FIVE), 4.7874499140, 18.3914586058);
        assertInterval(PoissonInterval.of(10, NINETY_NINE_POINT_EIGHT), 2.9163183747, 24.1937249279);
        assertInterval(PoissonInterval.of(100, NINETY_FIVE), 81.3621054905, 121.6279375792);
        assertInterval(PoissonInterval.of(100, NINETY_NINE_POINT_EIGHT), 71.9036918726, 134.9436217623);
        assertInterval(PoissonInterval.of(1000, NINETY_FIVE), 938.9724987155, 1063.9525812715);
        assertInterval(PoissonInterval.of(1000, NINETY_NINE_POINT_EIGHT), 905.1149545960, 1101.6329451228);
    }

    @Test
    void exactLimitsAtTenAndOverMatchPoissonTest() {
        assertInterval(PoissonInterval.exact(10, NINETY_FIVE), 4.7953886961, 18.3903560420);
        assertInterval(PoissonInterval.exact(100, NINETY_FIVE), 81.3639912509, 121.6267937924);
        assertInterval(PoissonInterval.exact(1000, NINETY_NINE_POINT_EIGHT), 905.1207909350, 1101.6269438790);
    }

    @Test
    void withoutPerturbationTheIntervalIsUnchanged() {
        assertThat(PoissonInterval.perturbed(100, 0, NINETY_FIVE)).isEqualTo(PoissonInterval.of(100, NINETY_FIVE));
        assertThat(PoissonInterval.perturbed(3, 0, NINETY_FIVE)).isEqualTo(PoissonInterval.of(3, NINETY_FIVE));
    }

    @Test
    void perturbationVarianceWidensEachArmByRootOfTotalOverPoissonVariance() {
        // O = 100, V = 25: each arm of Byar's (81.3621054905, 121.6279375792) grows by √(125/100)
        double widen = Math.sqrt(1.25);
        assertInterval(PoissonInterval.perturbed(100, 25, NINETY_FIVE),
                100 - 18.6378945095 * widen, 100 + 21.6279375792 * widen);
        // O = 0 takes the Poisson variance as 1: upper 3.6888794541 × √(1 + 4), lower stays 0
        assertInterval(PoissonInterval.perturbed(0, 4, NINETY_FIVE), 0, 3.6888794541 * Math.sqrt(5));
        // O = 2, V = 50: the widened lower arm would pass 0, so it stops at 0
        assertThat(PoissonInterval.perturbed(2, 50, NINETY_FIVE).lower()).isZero();
    }

    @Test
    void largePerturbedCountsApproachTheNormalIntervalWithAddedVariance() {
        Interval interval = PoissonInterval.perturbed(1_000_000, 250_000, NINETY_FIVE);
        double halfWidth = 1.959963984540054 * Math.sqrt(1_250_000);
        // all that remains of Byar's skew is about (z² ± 2)/3 events per arm, times the widening √1.25
        assertThat(interval.lower()).isCloseTo(1_000_000 - halfWidth, within(3.0));
        assertThat(interval.upper()).isCloseTo(1_000_000 + halfWidth, within(3.0));
    }

    @Test
    void refusesNegativeCountsAndVariances() {
        assertThatThrownBy(() -> PoissonInterval.of(-1, NINETY_FIVE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoissonInterval.perturbed(5, -1, NINETY_FIVE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoissonInterval.byar(0, NINETY_FIVE)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertInterval(Interval actual, double lower, double upper) {
        assertThat(actual.lower()).as("lower").isCloseTo(lower, within(TOLERANCE));
        assertThat(actual.upper()).as("upper").isCloseTo(upper, within(TOLERANCE));
    }
}
