package org.patchwork.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Expected values from SciPy 1.17.1 (scipy.special / scipy.stats), an independent implementation. */
class DistributionsTest {

    @Test
    void logGammaMatchesFactorialsAndRootPi() {
        assertThat(Distributions.logGamma(10)).isCloseTo(Math.log(362_880), within(1e-13));
        assertThat(Distributions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(Distributions.logGamma(1)).isCloseTo(0, within(1e-14));
        assertThat(Distributions.logGamma(171)).isCloseTo(706.5730622457874, within(1e-10)); // ln(170!), Python math.lgamma(171)
    }

    @Test
    void regularizedGammaMatchesScipyGammainc() {
        assertThat(Distributions.regularizedGammaP(2, 1.5)).isCloseTo(4.421745996289252e-01, within(1e-14));
        assertThat(Distributions.regularizedGammaQ(2, 1.5)).isCloseTo(5.578254003710748e-01, within(1e-14));
        assertThat(Distributions.regularizedGammaP(10, 3.3)).isCloseTo(2.194543312737772e-03, Percentage.withPercentage(1e-10));
        assertThat(Distributions.regularizedGammaQ(0.5, 2.0)).isCloseTo(4.550026389635857e-02, Percentage.withPercentage(1e-10));
        assertThat(Distributions.regularizedGammaQ(7.5, 20)).isCloseTo(4.534981351022339e-04, Percentage.withPercentage(1e-10));
    }

    @Test
    void regularizedBetaMatchesScipyBetainc() {
        assertThat(Distributions.regularizedBeta(0.4, 2, 3)).isCloseTo(0.5248, within(1e-14)); // 1 − 0.6⁴ − 4·0.4·0.6³
        assertThat(Distributions.regularizedBeta(0.1, 0.5, 4.5)).isCloseTo(6.565636038620863e-01, within(1e-13));
        assertThat(Distributions.regularizedBeta(0.6, 10, 10)).isCloseTo(8.139079785845882e-01, within(1e-13));
    }

    @Test
    void normalTailStaysPreciseFarOut() {
        assertThat(Distributions.normalUpperTail(0.5)).isCloseTo(3.085375387259869e-01, within(1e-15));
        assertThat(Distributions.normalUpperTail(1.96)).isCloseTo(2.499789514822044e-02, Percentage.withPercentage(1e-10));
        assertThat(Distributions.normalUpperTail(3)).isCloseTo(1.349898031630093e-03, Percentage.withPercentage(1e-10));
        assertThat(Distributions.normalUpperTail(10)).isCloseTo(7.619853024160470e-24, Percentage.withPercentage(1e-9));
        assertThat(Distributions.normalUpperTail(20)).isCloseTo(2.753624118606156e-89, Percentage.withPercentage(1e-9));
        assertThat(Distributions.normalUpperTail(37)).isCloseTo(5.725571222523927e-300, Percentage.withPercentage(1e-8));
        assertThat(Distributions.normalUpperTail(-3)).isCloseTo(1 - 1.349898031630093e-03, within(1e-15));
    }

    @Test
    void normalQuantileMatchesScipyPpf() {
        assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Distributions.normalQuantile(0.999)).isCloseTo(3.090232306167813, within(1e-14));
        assertThat(Distributions.normalQuantile(0.3)).isCloseTo(-0.5244005127080409, within(1e-14));
        assertThat(Distributions.normalQuantile(0.5)).isCloseTo(0, within(1e-15));
        assertThat(Distributions.normalQuantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
        assertThat(Distributions.normalQuantile(1e-300)).isCloseTo(-37.0470962993612, within(1e-10));
    }

    @Test
    void studentTQuantileMatchesScipyPpf() {
        assertThat(Distributions.studentTQuantile(0.975, 1)).isCloseTo(12.706204736175, within(1e-9));
        assertThat(Distributions.studentTQuantile(0.999, 1)).isCloseTo(318.308838985550, within(1e-7));
        assertThat(Distributions.studentTQuantile(0.975, 4)).isCloseTo(2.776445105198, within(1e-11));
        assertThat(Distributions.studentTQuantile(0.975, 9)).isCloseTo(2.262157162798, within(1e-11));
        assertThat(Distributions.studentTQuantile(0.999, 29)).isCloseTo(3.396240288357, within(1e-11));
        assertThat(Distributions.studentTQuantile(0.999, 1000)).isCloseTo(3.098402163913, within(1e-10));
        assertThat(Distributions.studentTQuantile(0.025, 2)).isCloseTo(-4.302652729749, within(1e-11));
    }

    @Test
    void chiSquareQuantileMatchesRQchisq() {
        // R: qchisq(0.025, 2) = 0.05063562, qchisq(0.975, 20) = 34.16961
        assertThat(Distributions.chiSquareQuantile(0.025, 2)).isCloseTo(-2 * Math.log(0.975), within(1e-13));
        assertThat(Distributions.chiSquareQuantile(0.975, 20)).isCloseTo(2 * 17.0848034514, within(1e-9));
        assertThat(Distributions.chiSquareUpperTail(3.841458820694124, 1)).isCloseTo(0.05, within(1e-14));
    }
}
