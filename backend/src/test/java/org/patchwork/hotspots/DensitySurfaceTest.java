package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DensitySurfaceTest {

    // 2 × 5 cells of 1 km; values sum to 20, so the mean is 2 and the total 20 events
    private final DensitySurface surface = new DensitySurface(new RasterGrid(0, 2000, 1000, 5, 2),
            new double[] {0, 1, 2, 3.9, 4, 0.5, 0.5, 6, 2.1, 0}, 500);

    @Test
    void totalAndMean() {
        assertThat(surface.total()).isEqualTo(20.0);
        assertThat(surface.mean()).isEqualTo(2.0);
    }

    @Test
    void classesByMultipleOfTheMean() {
        // 3.9 is 1.95× (none), 4 is 2×, 6 is 3×; capped at 2 the 6 becomes 2
        assertThat(surface.classesByMultipleOfMean(4)).containsExactly(0, 0, 0, 0, 2, 0, 0, 3, 0, 0);
        assertThat(surface.classesByMultipleOfMean(2)).containsExactly(0, 0, 0, 0, 2, 0, 0, 2, 0, 0);
    }

    @Test
    void topTwentyPercentOfTenCellsIsTheTwoHighest() {
        assertThat(surface.topShareThreshold(0.2)).isEqualTo(4.0);
        assertThat(surface.topShareThreshold(0.1)).isEqualTo(6.0);
        assertThat(surface.topShareThreshold(1.0)).isEqualTo(0.0);
    }
}
