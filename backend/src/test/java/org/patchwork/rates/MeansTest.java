package org.patchwork.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.patchwork.rates.PoissonIntervalTest.assertInterval;

import org.junit.jupiter.api.Test;

/** Expected: SciPy stats.t.interval(conf, n − 1, loc = mean, scale = sd/√n), as PHEindicatormethods::phe_mean. */
class MeansTest {

    @Test
    void tenValuesGetAStudentTInterval() {
        double[] values = {12.1, 14.3, 9.8, 11.0, 13.6, 10.4, 12.9, 15.2, 11.7, 10.9};
        Estimate mean = Means.mean(values);
        assertThat(mean.value()).isCloseTo(12.19, within(1e-12));
        assertInterval(mean.ci95(), 10.922631062135029, 13.457368937864974);
        assertInterval(mean.ci998(), 9.782723388745389, 14.597276611254614);
    }

    @Test
    void summaryFiguresGiveTheSameInterval() {
        Estimate mean = Means.mean(10, 12.19, 1.7716596111493248);
        assertInterval(mean.ci95(), 10.922631062135029, 13.457368937864974);
    }

    @Test
    void oneValueHasNoInterval() {
        Estimate mean = Means.mean(new double[] {4.2});
        assertThat(mean.value()).isEqualTo(4.2);
        assertThat(mean.ci95().isDefined()).isFalse();
        assertThat(Comparison.of(mean.ci95(), 3)).isEqualTo(Comparison.NOT_COMPARED);
    }
}
