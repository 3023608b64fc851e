package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiStarTest {

    /**
     * The reference of issue 12: 10 × 10 cells of 100 m, rows r and columns c 1..10 from the south-west,
     * count (7r + 3c) mod 4 except rows 3–5 × columns 6–8 = 12; queen contiguity with self. R spdep localG
     * gives z = 9.3831 at row 4, column 7, and exactly the 9 planted cells have BH-adjusted p < 0.05.
     */
    @Test
    void plantedClusterMatchesSpdepLocalG() {
        double[] counts = new double[100];
        for (int r = 1; r <= 10; r++) {
            for (int c = 1; c <= 10; c++) {
                boolean planted = r >= 3 && r <= 5 && c >= 6 && c <= 8;
                counts[index(r, c)] = planted ? 12 : (7 * r + 3 * c) % 4;
            }
        }
        GiStar.Result result = GiStar.compute(counts, SpatialWeights.queenContiguity(10, 10));

        assertThat(result.z()[index(4, 7)]).isCloseTo(9.3831, within(5e-5));
        List<String> significant = new ArrayList<>();
        for (int r = 1; r <= 10; r++) {
            for (int c = 1; c <= 10; c++) {
                if (result.adjustedP()[index(r, c)] < 0.05) {
                    significant.add(r + "," + c);
                }
            }
        }
        assertThat(significant).containsExactlyInAnyOrder("3,6", "3,7", "3,8", "4,6", "4,7", "4,8", "5,6", "5,7", "5,8");
        assertThat(result.classes()[index(4, 7)]).isEqualTo(3);
        // two-sided normal p of 9.3831 is about 6.4e-21 (R: 2 * pnorm(-9.3831) = 6.406e-21)
        assertThat(result.p()[index(4, 7)]).isBetween(6.3e-21, 6.5e-21);
    }

    private static int index(int rowFromSouth, int columnFromWest) {
        return (rowFromSouth - 1) * 10 + (columnFromWest - 1);
    }

    @Test
    void distanceBandOnALineByHand() {
        // five points 100 m apart, values 1 2 3 4 10, band 150 m: neighbours are the adjacent points.
        // n = 5, x̄ = 4, S² = 130/5 − 16 = 10. Point 1 {1,2}: W = 2, Σwx = 3, (3 − 8)/√(10·(5·2 − 4)/4) = −5/√15.
        // Point 3 {2,3,4}: W = 3, Σwx = 9, (9 − 12)/√(10·(15 − 9)/4) = −3/√15. Point 5 {4,5}: (14 − 8)/√15.
        double[] x = {0, 100, 200, 300, 400};
        double[] y = {0, 0, 0, 0, 0};
        GiStar.Result result = GiStar.compute(new double[] {1, 2, 3, 4, 10}, SpatialWeights.distanceBand(x, y, 150));
        assertThat(result.z()[0]).isCloseTo(-5 / Math.sqrt(15), within(1e-12));
        assertThat(result.z()[2]).isCloseTo(-3 / Math.sqrt(15), within(1e-12));
        assertThat(result.z()[4]).isCloseTo(6 / Math.sqrt(15), within(1e-12));
        // 6/√15 = 1.5492: two-sided p = 0.12133525 (SciPy: 2 * norm.sf(6 / sqrt(15))), not significant
        assertThat(result.p()[4]).isCloseTo(0.12133525, within(1e-8));
        assertThat(result.classes()[4]).isZero();
    }

    @Test
    void widerBandTakesInMoreNeighbours() {
        // the same line with band 250 m: point 3 sees all five, W = 5 = n, so its z is undefined → 0, p = 1.
        // Point 1 {1,2,3}: W = 3, Σwx = 6, (6 − 12)/√(10·(15 − 9)/4) = −6/√15.
        double[] x = {0, 100, 200, 300, 400};
        double[] y = {0, 0, 0, 0, 0};
        GiStar.Result result = GiStar.compute(new double[] {1, 2, 3, 4, 10}, SpatialWeights.distanceBand(x, y, 250));
        assertThat(result.z()[0]).isCloseTo(-6 / Math.sqrt(15), within(1e-12));
        assertThat(result.z()[2]).isZero();
        assertThat(result.p()[2]).isEqualTo(1.0);
    }

    @Test
    void squareOfFourByHand() {
        // a 2 × 2 block 100 m apart plus a far point; band 100 m gives rook neighbours, 142 m adds diagonals.
        // values 5 5 5 5 0 (the far point 0): n = 5, x̄ = 4, S² = 100/5 − 16 = 4.
        // band 100: each block point has itself + 2: W = 3, Σwx = 15, (15 − 12)/(2·√((15 − 9)/4)) = 3/(2√1.5).
        // band 142: W = 4, Σwx = 20, (20 − 16)/(2·√((20 − 16)/4)) = 2.
        double[] x = {0, 100, 0, 100, 5000};
        double[] y = {0, 0, 100, 100, 5000};
        double[] values = {5, 5, 5, 5, 0};
        assertThat(GiStar.compute(values, SpatialWeights.distanceBand(x, y, 100)).z()[0])
                .isCloseTo(3 / (2 * Math.sqrt(1.5)), within(1e-12));
        GiStar.Result diagonal = GiStar.compute(values, SpatialWeights.distanceBand(x, y, 142));
        assertThat(diagonal.z()[3]).isCloseTo(2, within(1e-12));
        // the far point alone: W = 1, (0 − 4)/(2·√((5 − 1)/4)) = −2
        assertThat(diagonal.z()[4]).isCloseTo(-2, within(1e-12));
    }

    @Test
    void equalValuesHaveNoHotspots() {
        GiStar.Result result = GiStar.compute(new double[] {3, 3, 3, 3}, SpatialWeights.queenContiguity(2, 2));
        assertThat(result.z()).containsOnly(0.0);
        assertThat(result.classes()).containsOnly(0);
    }

    @Test
    void classesFollowArcGisConfidenceBins() {
        assertThat(GiStar.confidenceClass(4, 0.009)).isEqualTo(3);
        assertThat(GiStar.confidenceClass(-4, 0.04)).isEqualTo(-2);
        assertThat(GiStar.confidenceClass(2, 0.06)).isEqualTo(1);
        assertThat(GiStar.confidenceClass(2, 0.10)).isZero();
    }
}
