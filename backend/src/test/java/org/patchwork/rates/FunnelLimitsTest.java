package org.patchwork.rates;

import static org.patchwork.rates.ConfidenceLevel.NINETY_FIVE;
import static org.patchwork.rates.ConfidenceLevel.NINETY_NINE_POINT_EIGHT;
import static org.patchwork.rates.PoissonIntervalTest.assertInterval;

import org.junit.jupiter.api.Test;

/**
 * Expected: Spiegelhalter (2005) appendix A.1 computed in Python with SciPy's poisson/binom ppf and cdf:
 * r = ppf(p), limit = (r − (cdf(r) − p)/(cdf(r) − cdf(r − 1))) / n, floored at 0.
 */
class FunnelLimitsTest {

    @Test
    void rateLimitsNarrowAsTheDenominatorGrows() {
        assertInterval(FunnelLimits.forRate(10, 5_000, 1_000, NINETY_FIVE), 7.2243447002, 12.7660983375);
        assertInterval(FunnelLimits.forRate(10, 5_000, 1_000, NINETY_NINE_POINT_EIGHT), 5.8245632983, 14.5502817031);
        assertInterval(FunnelLimits.forRate(10, 250, 1_000, NINETY_FIVE), 0, 22.4461026986);
        assertInterval(FunnelLimits.forRate(10, 250, 1_000, NINETY_NINE_POINT_EIGHT), 0, 32.6501458461);
        assertInterval(FunnelLimits.forRate(55, 20_000, 100_000, NINETY_FIVE), 22.2072953644, 87.4788053566);
        assertInterval(FunnelLimits.forRate(55, 20_000, 100_000, NINETY_NINE_POINT_EIGHT), 8.9565406376, 110.3660245172);
    }

    @Test
    void proportionLimitsFollowTheBinomial() {
        assertInterval(FunnelLimits.forProportion(0.3, 40, NINETY_FIVE), 0.1509826914, 0.4351187496);
        assertInterval(FunnelLimits.forProportion(0.3, 40, NINETY_NINE_POINT_EIGHT), 0.0801207105, 0.5226681926);
        assertInterval(FunnelLimits.forProportion(0.3, 1_000, NINETY_FIVE), 0.2712814170, 0.3280889283);
        assertInterval(FunnelLimits.forProportion(0.3, 1_000, NINETY_NINE_POINT_EIGHT), 0.2553028197, 0.3448303746);
        assertInterval(FunnelLimits.forProportion(0.05, 200, NINETY_FIVE), 0.0195842152, 0.0797079854);
        assertInterval(FunnelLimits.forProportion(0.05, 200, NINETY_NINE_POINT_EIGHT), 0.0065421579, 0.1011778762);
    }
}
