package org.patchwork.indicators;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.patchwork.rates.Distributions;

/**
 * Pearson's and Spearman's correlation of paired area values, with the significance and interval analysts
 * quote with them:
 * <ul>
 * <li>Pearson's r, its two-sided p-value from t = r √((n − 2)/(1 − r²)) on n − 2 degrees of freedom (exact
 *     for bivariate normal data), and its 95% interval by Fisher's z: tanh(atanh r ± 1.959964/√(n − 3));</li>
 * <li>Spearman's ρ: Pearson's r of the ranks, ties given their average rank; its p-value by the same t
 *     approximation (as R's cor.test with exact = FALSE and SciPy's spearmanr), and its 95% interval by
 *     Fisher's z with the Fieller, Hartley and Pearson (1957) standard error √(1.06/(n − 3)).</li>
 * </ul>
 * Fewer than 3 pairs, or a variable that does not vary, give no correlation (NaN); fewer than 4 pairs give no
 * interval.
 */
final class Correlation {

    static final double Z95 = 1.959963984540054;

    /** One correlation coefficient with its significance. */
    record Result(int n, double r, double pValue, double lower95, double upper95) {
    }

    private Correlation() {
    }

    static Result pearson(double[] x, double[] y) {
        int n = check(x, y);
        double r = r(x, y);
        double se = 1 / Math.sqrt(n - 3.0);
        return new Result(n, r, pValue(r, n), bound(r, n, -Z95 * se), bound(r, n, Z95 * se));
    }

    static Result spearman(double[] x, double[] y) {
        int n = check(x, y);
        double rho = r(ranks(x), ranks(y));
        double se = Math.sqrt(1.06 / (n - 3.0));
        return new Result(n, rho, pValue(rho, n), bound(rho, n, -Z95 * se), bound(rho, n, Z95 * se));
    }

    /** Ranks 1..n in ascending order, tied values sharing the average of their ranks. */
    static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().sorted(Comparator.comparingDouble(i -> values[i])).toArray(Integer[]::new);
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static int check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must be pairs");
        }
        return x.length;
    }

    private static double r(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return Double.NaN;
        }
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        // rounding can carry |r| a hair past 1 for perfectly related values
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    private static double pValue(double r, int n) {
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        if (Math.abs(r) == 1) {
            return 0;
        }
        double t = r * Math.sqrt((n - 2) / (1 - r * r));
        return 2 * Distributions.studentTCdf(-Math.abs(t), n - 2);
    }

    /** tanh(atanh r + shift) on Fisher's z scale; none below 4 pairs, and ±1 stay ±1. */
    private static double bound(double r, int n, double shift) {
        if (Double.isNaN(r) || n < 4) {
            return Double.NaN;
        }
        if (Math.abs(r) == 1) {
            return r;
        }
        return Math.tanh(atanh(r) + shift);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
