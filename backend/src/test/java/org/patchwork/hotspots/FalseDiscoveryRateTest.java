package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FalseDiscoveryRateTest {

    @Test
    void adjustsByRankAndKeepsTheOrder() {
        // by hand, m = 8: p·m/k = .008 .032 .104 .082 .0672 .08 .084571 .205, running minimum from the top
        double[] p = {0.039, 0.001, 0.205, 0.008, 0.041, 0.06, 0.042, 0.074};
        double[] adjusted = FalseDiscoveryRate.benjaminiHochberg(p);
        double[] expected = {0.0672, 0.008, 0.205, 0.032, 0.0672, 0.08, 0.0672, 0.074 * 8 / 7};
        for (int i = 0; i < p.length; i++) {
            assertThat(adjusted[i]).as("p[%d]", i).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void capsAtOne() {
        assertThat(FalseDiscoveryRate.benjaminiHochberg(new double[] {0.9, 1.0})).containsExactly(1.0, 1.0);
    }
}
