package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PredictiveAccuracyTest {

    /**
     * A hand-made case: a 10 km² study area whose hotspots cover 0.5 km² (5%). Built on January: 400 crimes,
     * 120 in the hotspots. February: 380 crimes, 95 in the hotspots.
     */
    @Test
    void paiAndRriByHand() {
        // January: (120/400)/(0.5/10) = 0.30/0.05 = 6
        assertThat(PredictiveAccuracy.pai(120, 400, 0.5, 10)).isCloseTo(6.0, within(1e-12));
        // February: (95/380)/(0.05) = 0.25/0.05 = 5
        assertThat(PredictiveAccuracy.pai(95, 380, 0.5, 10)).isCloseTo(5.0, within(1e-12));
        // RRI = (95/120)/(380/400) = 0.791667/0.95 = 0.833333
        assertThat(PredictiveAccuracy.recaptureRateIndex(120, 400, 95, 380)).isCloseTo(5.0 / 6.0, within(1e-12));
    }

    @Test
    void hotspotsOnAGridOfCells() {
        // 4 × 4 cells of 250 m (1 km²); two hotspot cells (0.125 km²) held 9 of next month's 24 crimes
        double cell = 0.25 * 0.25;
        assertThat(PredictiveAccuracy.pai(9, 24, 2 * cell, 16 * cell)).isCloseTo(3.0, within(1e-12));
    }
}
