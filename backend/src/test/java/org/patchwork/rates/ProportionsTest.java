package org.patchwork.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchwork.rates.PoissonIntervalTest.assertInterval;

import org.junit.jupiter.api.Test;

/**
 * Wilson score limits (PHE "Technical Guide: Confidence intervals", PHEindicatormethods::wilson_lower/upper)
 * computed separately in Python from the formula with z = qnorm(0.975), qnorm(0.999). R's
 * {@code prop.test(37, 120, correct = FALSE)$conf.int} gives the same 0.2327274 .. 0.3958300.
 */
class ProportionsTest {

    @Test
    void noneOfFifty() {
        Estimate p = Proportions.proportion(0, 50);
        assertThat(p.value()).isZero();
        assertInterval(p.ci95(), 0, 0.0713475991);
        assertInterval(p.ci998(), 0, 0.1603628910);
    }

    @Test
    void oneOfFifty() {
        Estimate p = Proportions.proportion(1, 50);
        assertThat(p.value()).isEqualTo(0.02);
        assertInterval(p.ci95(), 0.0035392593, 0.1049544359);
        assertInterval(p.ci998(), 0.0017474150, 0.1922009604);
    }

    @Test
    void allOfFiftyReachesOneExactly() {
        Estimate p = Proportions.proportion(50, 50);
        assertThat(p.value()).isEqualTo(1.0);
        assertInterval(p.ci95(), 0.9286524009, 1);
        assertThat(p.ci95().upper()).isEqualTo(1.0);
        assertInterval(p.ci998(), 0.8396371090, 1);
    }

    @Test
    void thirtySevenOfOneHundredAndTwenty() {
        Estimate p = Proportions.proportion(37, 120);
        assertInterval(p.ci95(), 0.2327273699, 0.3958299772);
        assertInterval(p.ci998(), 0.1962871864, 0.4486362805);
    }

    @Test
    void refusesACountAboveItsDenominator() {
        assertThatThrownBy(() -> Proportions.proportion(51, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.proportion(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
