package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RasterGridTest {

    @Test
    void coveringSnapsEdgesToMultiplesOfTheCellSize() {
        // extent 330,020..331,960 × 385,010..386,490 widened by 100 m, 50 m cells: 329,900..332,100 × 384,900..386,600
        RasterGrid grid = RasterGrid.covering(330_020, 385_010, 331_960, 386_490, 50, 100);
        assertThat(grid.west()).isEqualTo(329_900.0);
        assertThat(grid.north()).isEqualTo(386_600.0);
        assertThat(grid.columns()).isEqualTo(44);
        assertThat(grid.rows()).isEqualTo(34);
        assertThat(grid.south()).isEqualTo(384_900.0);
    }

    @Test
    void pointsFallInTheirCellsAndQueenNeighboursMatchTheIndex() {
        RasterGrid grid = new RasterGrid(0, 300, 100, 3, 3);
        // (150, 150) is the middle cell: row 1, column 1 → 4; (0, 300) the north-west corner → 0
        double[] counts = grid.counts(new double[] {150, 0, 299.9, 400}, new double[] {150, 300, 0.1, 50});
        assertThat(counts).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(grid.polygon(4).getEnvelopeInternal().getMinX()).isEqualTo(100.0);
        assertThat(grid.polygon(4).getEnvelopeInternal().getMaxY()).isEqualTo(200.0);
        assertThat(grid.polygon(4).getArea()).isEqualTo(10_000.0);
    }
}
