package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelDensityTest {

    @Test
    void onePointGivesTheQuarticKernelInEventsPerSquareKilometre() {
        // a point on a cell centre, h = 100 m, 10 m cells: peak 3/(π·100²) per m² = 300/π = 95.4929658551 per km²
        DensitySurface surface = KernelDensity.quartic(new double[] {1005}, new double[] {2005}, null, 100, 10);
        RasterGrid grid = surface.grid();
        assertThat(grid.west()).isEqualTo(900.0);
        assertThat(grid.north()).isEqualTo(2110.0);
        int row = 10;
        int column = 10;
        assertThat(grid.centreX(column)).isEqualTo(1005.0);
        assertThat(grid.centreY(row)).isEqualTo(2005.0);
        assertThat(surface.value(row, column)).isCloseTo(95.4929658551, within(1e-9));
        // 50 m east: (1 − 50²/100²)² = 0.5625 of the peak = 53.7147932935
        assertThat(surface.value(row, column + 5)).isCloseTo(53.7147932935, within(1e-9));
        // 30 m north, 40 m west (d = 50 m): the same
        assertThat(surface.value(row - 3, column - 4)).isCloseTo(53.7147932935, within(1e-9));
        // 60 m south, 80 m east (d = 100 m = h): nothing
        assertThat(surface.value(row + 6, column + 8)).isZero();
    }

    @Test
    void theSurfaceIntegratesToTheNumberOfEvents() {
        Random random = new Random(11);
        int n = 500;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 335_000 + 3_000 * random.nextGaussian();
            y[i] = 390_000 + 2_000 * random.nextGaussian();
        }
        assertThat(KernelDensity.quartic(x, y, null, 500, 25).total()).isCloseTo(n, within(n * 1e-4));
        assertThat(KernelDensity.quartic(x, y, null, 500, 50).total()).isCloseTo(n, within(n * 1e-3));
    }

    @Test
    void weightsCountAsThatManyEvents() {
        DensitySurface weighted = KernelDensity.quartic(new double[] {0, 300}, new double[] {0, 0}, new double[] {2.5, 0.5}, 200, 10);
        assertThat(weighted.total()).isCloseTo(3.0, within(3e-4));
        DensitySurface single = KernelDensity.quartic(new double[] {0, 300}, new double[] {0, 0}, null, 200, 10);
        assertThat(weighted.value(25, 25)).isCloseTo(2.5 * single.value(25, 25), within(1e-9));
    }

    @Test
    void agreesWithADirectEvaluationOfTheFormulaAtEveryCell() {
        Random random = new Random(12);
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1_000 * random.nextDouble();
            y[i] = 700 * random.nextDouble();
            w[i] = 1 + random.nextInt(3);
        }
        double h = 150;
        DensitySurface surface = KernelDensity.quartic(x, y, w, h, 20);
        RasterGrid grid = surface.grid();
        double largestDifference = 0;
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                double cx = grid.west() + 20 * c + 10;
                double cy = grid.north() - 20 * r - 10;
                double expected = 0;
                for (int i = 0; i < n; i++) {
                    double d = Math.hypot(cx - x[i], cy - y[i]);
                    if (d < h) {
                        expected += w[i] * 3 / (Math.PI * h * h) * Math.pow(1 - Math.pow(d / h, 2), 2);
                    }
                }
                largestDifference = Math.max(largestDifference, Math.abs(surface.value(r, c) - expected * 1e6));
            }
        }
        assertThat(largestDifference).isLessThan(1e-9);
    }

    @Test
    void defaultsFollowArcGisRules() {
        // four points 100 m from their mean centre: SD = 100, Dm = 100, √(1/ln 2)·100 = 120.1122;
        // h = 0.9 · 100 · 4^−0.2 = 68.2072, cell = 200 / 250 = 0.8
        double[] x = {100, -100, 0, 0};
        double[] y = {0, 0, 100, -100};
        assertThat(KernelDensity.defaultBandwidth(x, y, null)).isCloseTo(90 * Math.pow(4, -0.2), within(1e-9));
        assertThat(KernelDensity.defaultCellSize(x, y)).isCloseTo(0.8, within(1e-12));
        // one far outlier inflates SD, so the median distance term decides
        double[] x2 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1000};
        double[] y2 = {-40, -30, -20, -10, 0, 10, 20, 30, 40, 0};
        // mean centre (100, 0); distances sorted 100, 100.5, 100.5, 102.0, 102.0, 104.4, 104.4, 107.7, 107.7, 900:
        // the median is the mean of the 5th and 6th, (√(100² + 20²) + √(100² + 30²)) / 2
        double median = (Math.sqrt(100 * 100 + 20 * 20) + Math.sqrt(100 * 100 + 30 * 30)) / 2;
        double sd = Math.sqrt((9 * 100 * 100 + 900 * 900 + 2 * (40 * 40 + 30 * 30 + 20 * 20 + 10 * 10)) / 10.0);
        double expected = 0.9 * Math.min(sd, Math.sqrt(1 / Math.log(2)) * median) * Math.pow(10, -0.2);
        assertThat(KernelDensity.defaultBandwidth(x2, y2, null)).isCloseTo(expected, within(1e-9));
        assertThat(Math.sqrt(1 / Math.log(2)) * median).isLessThan(sd);
    }

    @Test
    void pointsInOnePlaceNeedAnExplicitBandwidth() {
        assertThatThrownBy(() -> KernelDensity.quartic(new double[] {5, 5}, new double[] {7, 7}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
