package org.patchwork.hotspots;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg adjusted p-values (as R's {@code p.adjust(p, "BH")}): sort the m p-values, take
 * p₍ₖ₎ · m / k, then the running minimum from the largest down, capped at 1. A cell with adjusted p below q
 * is significant with the false discovery rate controlled at q over the whole map.
 */
final class FalseDiscoveryRate {

    private FalseDiscoveryRate() {
    }

    static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 1;
        for (int k = m; k >= 1; k--) {
            int i = order[k - 1];
            running = Math.min(running, p[i] * m / k);
            adjusted[i] = running;
        }
        return adjusted;
    }
}
