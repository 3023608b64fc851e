package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

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

    @Test
    void queenNeighboursOfPolygonsShareAnEdgeOrACorner() throws Exception {
        WKTReader wkt = new WKTReader();
        // a 2 x 2 block of unit squares (0 1 / 2 3 from the north-west), a separate square east of square 1
        // touching it only at its corner (2, 2), and a square far away
        List<Geometry> areas = List.of(
                wkt.read("POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))"),
                wkt.read("POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"),
                wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                wkt.read("MULTIPOLYGON (((1 0, 2 0, 2 1, 1 1, 1 0)))"),
                wkt.read("POLYGON ((2 2, 3 2, 3 3, 2 3, 2 2))"),
                wkt.read("POLYGON ((10 10, 11 10, 11 11, 10 11, 10 10))"));
        int[][] queen = SpatialWeights.queenContiguity(areas);
        assertThat(queen[0]).containsExactly(1, 2, 3);
        assertThat(queen[1]).containsExactly(0, 2, 3, 4);
        assertThat(queen[3]).containsExactly(0, 1, 2);
        assertThat(queen[4]).containsExactly(1);
        assertThat(queen[5]).isEmpty();
    }
}
