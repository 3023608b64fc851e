package org.patchwork.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrendTestTest {

    @Test
    void proportionsMatchTheExampleOfRsPropTrendTest() {
        // R ?prop.trend.test: smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82)
        // prop.trend.test(smokers, patients): X-squared = 8.2249, df = 1, p-value = 0.004132
        TrendTest.Result result = TrendTest.proportions(new double[] {83, 90, 129, 70}, new double[] {86, 93, 136, 82});
        assertThat(result.chiSquare()).isCloseTo(8.2249, within(5e-5));
        assertThat(result.pValue()).isCloseTo(0.004132, within(5e-7));
        assertThat(result.direction(ConfidenceLevel.NINETY_FIVE)).isEqualTo(TrendTest.Direction.DECREASING);
        assertThat(result.direction(ConfidenceLevel.NINETY_NINE_POINT_EIGHT)).isEqualTo(TrendTest.Direction.NO_SIGNIFICANT_CHANGE);
    }

    @Test
    void ratesMatchTheScoreTestOfAPoissonRegression() {
        // expected: U'I⁻¹U with X = [1, t], μ = n·ΣO/Σn, computed as matrices in NumPy; p from SciPy chi2.sf
        double[] population = {50_000, 50_500, 51_000, 51_200, 51_500};
        TrendTest.Result rising = TrendTest.rates(new double[] {120, 131, 150, 162, 171}, population);
        assertThat(rising.chiSquare()).isCloseTo(10.206738030327305, within(1e-9));
        assertThat(rising.pValue()).isCloseTo(0.0013992845554841769, within(1e-12));
        assertThat(rising.direction(ConfidenceLevel.NINETY_FIVE)).isEqualTo(TrendTest.Direction.INCREASING);

        TrendTest.Result falling = TrendTest.rates(new double[] {30, 28, 25, 20, 18}, population);
        assertThat(falling.chiSquare()).isCloseTo(4.716991921943459, within(1e-9));
        assertThat(falling.pValue()).isCloseTo(0.029865945370873392, within(1e-12));
        assertThat(falling.direction(ConfidenceLevel.NINETY_FIVE)).isEqualTo(TrendTest.Direction.DECREASING);
    }

    @Test
    void aFlatSeriesHasNoTrend() {
        TrendTest.Result flat = TrendTest.rates(new double[] {10, 10, 10}, new double[] {1000, 1000, 1000});
        assertThat(flat.chiSquare()).isZero();
        assertThat(flat.pValue()).isEqualTo(1.0);
        assertThat(flat.direction(ConfidenceLevel.NINETY_FIVE)).isEqualTo(TrendTest.Direction.NO_SIGNIFICANT_CHANGE);
    }

    @Test
    void noEventsAtAllCannotBeTested() {
        TrendTest.Result none = TrendTest.rates(new double[] {0, 0, 0}, new double[] {1000, 1000, 1000});
        assertThat(none.pValue()).isNaN();
        assertThat(none.direction(ConfidenceLevel.NINETY_FIVE)).isEqualTo(TrendTest.Direction.NO_SIGNIFICANT_CHANGE);
    }
}
