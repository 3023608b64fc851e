package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Pearson and Spearman correlations on cases worked independently of the code under test.
 */
class CorrelationTest {

    static final double[] X = {1, 2, 3, 4, 5};
    static final double[] Y = {2, 4, 5, 4, 5};

    /**
     * By hand: deviations of x (−2, −1, 0, 1, 2) and y (−2, 0, 1, 0, 1) give Sxy = 6, Sxx = 10, Syy = 6, so
     * r = 6/√60 = 0.7745966692; t = r √(3/(1 − r²)) = 3/√2 on 3 df, whose distribution function has the closed
     * form F(t) = ½ + (1/π)[(t/√3)/(1 + t²/3) + atan(t/√3)], giving p = 2(1 − F) = 0.1240270627 (SciPy
     * 1.17 pearsonr: 0.1240270626575546). Fisher's interval tanh(atanh r ± 1.959964/√2).
     */
    @Test
    void pearsonOfAHandWorkedCase() {
        Correlation.Result pearson = Correlation.pearson(X, Y);
        assertThat(pearson.n()).isEqualTo(5);
        assertThat(pearson.r()).isCloseTo(6 / Math.sqrt(60), within(1e-12));
        assertThat(pearson.pValue()).isCloseTo(0.12402706265755459, within(1e-10));
        assertThat(pearson.lower95()).isCloseTo(-0.34008203518751035, within(1e-10));
        assertThat(pearson.upper95()).isCloseTo(0.9842357551507267, within(1e-10));
    }

    /**
     * By hand: y's ranks with ties averaged are 1, 2.5, 4.5, 2.5, 4.5; against x's ranks 1..5, Sxy = 7,
     * Sxx = 10, Syy = 9, so ρ = 7/√90 = 0.7378647874 and p = 0.1546185231 by the same t on 3 df (SciPy
     * spearmanr: 0.15461852312844926); interval tanh(atanh ρ ± 1.959964 √(1.06/2)).
     */
    @Test
    void spearmanOfAHandWorkedCaseWithTies() {
        assertThat(Correlation.ranks(Y)).containsExactly(1, 2.5, 4.5, 2.5, 4.5);
        Correlation.Result spearman = Correlation.spearman(X, Y);
        assertThat(spearman.r()).isCloseTo(7 / Math.sqrt(90), within(1e-12));
        assertThat(spearman.pValue()).isCloseTo(0.15461852312844915, within(1e-10));
        assertThat(spearman.lower95()).isCloseTo(-0.4471235635999793, within(1e-10));
        assertThat(spearman.upper95()).isCloseTo(0.9827649535021883, within(1e-10));
    }

    /** 30 pairs drawn with NumPy (seed 11); the expected values are SciPy 1.17's pearsonr and spearmanr. */
    @Test
    void thirtyPairsAgreeWithSciPy() {
        double[] x = {0.034, 1.36, 1.225, -0.51, -0.298, -0.527, 0.57, -0.056, 0.747, -1.847, 1.567, -0.096, 0.68, -0.137, -0.379,
            0.463, 0.825, -0.203, -0.153, 0.686, -0.87, -1.514, 0.395, -0.671, -1.92, -0.814, -0.468, -1.193, -1.492, 0.037};
        double[] y = {0.914, 0.447, -0.131, 0.13, 0.568, -0.564, 0.83, 1.015, 0.167, -1.737, 1.131, 0.2, 1.439, -1.353, -0.851,
            -0.607, -1.322, 0.025, 0.451, -0.396, 0.951, 0.065, 0.825, 0.066, -0.004, -1.739, 0.38, 0.006, -2.514, 0.366};
        Correlation.Result pearson = Correlation.pearson(x, y);
        assertThat(pearson.r()).isCloseTo(0.3992986235204556, within(1e-12));
        assertThat(pearson.pValue()).isCloseTo(0.028818628670421745, within(1e-10));
        Correlation.Result spearman = Correlation.spearman(x, y);
        assertThat(spearman.r()).isCloseTo(0.35973303670745277, within(1e-12));
        assertThat(spearman.pValue()).isCloseTo(0.05087374850723391, within(1e-10));
    }

    @Test
    void tooFewPairsOrNoVariationGiveNoCorrelation() {
        assertThat(Correlation.pearson(new double[] {1, 2}, new double[] {3, 4}).r()).isNaN();
        assertThat(Correlation.pearson(new double[] {1, 2, 3}, new double[] {3, 4, 6}).lower95()).isNaN();
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {5, 5, 5, 5}).r()).isNaN();
        Correlation.Result perfect = Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40});
        assertThat(perfect.r()).isEqualTo(1);
        assertThat(perfect.pValue()).isZero();
    }
}
