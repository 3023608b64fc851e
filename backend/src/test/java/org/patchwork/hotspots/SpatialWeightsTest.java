package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpatialWeightsTest {

    @Test
    void queenNeighboursOnAThreeByThreeGrid() {
        int[][] queen = SpatialWeights.queenContiguity(3, 3);
        assertThat(queen[4]).containsExactly(0, 1, 2, 3, 5, 6, 7, 8);
        assertThat(queen[0]).containsExactly(1, 3, 4);
        assertThat(queen[5]).containsExactly(1, 2, 4, 7, 8);
    }

    @Test
    void distanceBandIncludesTheBandEdgeAndNotThePointItself() {
        double[] x = {0, 100, 0, 100, 250, -1000};
        double[] y = {0, 0, 100, 100, 0, -1000};
        int[][] band = SpatialWeights.distanceBand(x, y, 150);
        assertThat(band[0]).containsExactly(1, 2, 3); // the diagonal at 141.4 m is in, the point at 250 m is not
        assertThat(band[1]).containsExactly(0, 2, 3, 4); // 150 m exactly is in
        assertThat(band[5]).isEmpty();
    }
}
