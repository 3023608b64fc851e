package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

class HexagonalGridTest {

    private final HexagonalGrid grid = HexagonalGrid.covering(330_000, 385_000, 332_000, 386_500, 100);

    @Test
    void hexagonsHaveTheAreaOfARegularHexagon() {
        // (3√3/2) · 100² = 25,980.762 m², checked by JTS on the polygon itself
        Polygon hexagon = grid.polygon(7);
        assertThat(hexagon.getArea()).isCloseTo(25_980.762113533, within(1e-6));
        assertThat(grid.cellArea()).isCloseTo(hexagon.getArea(), within(1e-6));
        assertThat(hexagon.getSRID()).isEqualTo(27700);
    }

    @Test
    void neighboursAreExactlyTheCentresOneRowHeightAway() {
        // independent of the row/column arithmetic: adjacent hexagon centres are √3·s apart, others ≥ 3s
        int cells = grid.cellCount();
        double[] x = new double[cells];
        double[] y = new double[cells];
        for (int i = 0; i < cells; i++) {
            x[i] = grid.centreX(i);
            y[i] = grid.centreY(i);
        }
        int[][] byDistance = SpatialWeights.distanceBand(x, y, Math.sqrt(3) * 100 + 1e-6);
        int[][] neighbours = grid.neighbours();
        for (int i = 0; i < cells; i++) {
            assertThat(neighbours[i]).as("cell %d", i).containsExactly(byDistance[i]);
        }
        assertThat(neighbours[grid.columns() * 3 + 4]).hasSize(6);
    }

    @Test
    void neighboursShareAnEdge() {
        int cell = grid.columns() * 4 + 5;
        for (int other : grid.neighbours()[cell]) {
            // the part of the other's outline within a micrometre of this one's: one whole 100 m side
            double shared = grid.polygon(cell).getBoundary().buffer(1e-6).intersection(grid.polygon(other).getBoundary()).getLength();
            assertThat(shared).isCloseTo(100, within(1e-3));
        }
    }

    @Test
    void eachPointFallsInTheHexagonThatContainsIt() {
        GeometryFactory factory = new GeometryFactory();
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            double x = 330_000 + 2_000 * random.nextDouble();
            double y = 385_000 + 1_500 * random.nextDouble();
            int cell = grid.cellOf(x, y);
            assertThat(cell).isNotNegative();
            Point point = factory.createPoint(new Coordinate(x, y));
            assertThat(grid.polygon(cell).getEnvelopeInternal().contains(point.getCoordinate())).isTrue();
            assertThat(grid.polygon(cell).distance(point)).as("point %s", point).isLessThan(1e-6);
        }
    }

    @Test
    void countsPerCellAddUpAndOutsidePointsAreLeftOut() {
        double[] counts = grid.counts(new double[] {330_000, 330_001, 331_000, 200_000}, new double[] {385_000, 385_000, 386_000, 100_000});
        assertThat(counts[0]).isEqualTo(2.0);
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(3.0);
    }
}
