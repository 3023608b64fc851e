package org.patchwork.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * A perturbation table (ptable) for the cell-key method: for a true count n and a cell key k from 0 to
 * {@link #KEYS}−1, the count to publish. Generated, not hand-written, by the maximum-entropy procedure of
 * Marley and Leaver (2011) and Giessing (2016) that the sdcTools {@code ptable} package implements:
 *
 * <ol>
 * <li>A true 0 is published as 0.</li>
 * <li>For n ≥ 1 the possible published values are max(0, n−D) … n+D, leaving out 1 … js: no published
 *     positive count is js or less, and nothing is negative.</li>
 * <li>Over those values, the distribution with the largest entropy whose mean is n (zero mean
 *     adjustment) and whose variance is V. Where the support cannot carry variance V with mean n (small
 *     counts, which must jump to 0 or past js), the variance nearest V that it can carry, kept a tenth of
 *     the feasible range inside its ends so that no value is certain. The maximum-entropy distribution
 *     with given mean and variance has the form p(v) ∝ exp(a(v−n) + b(v−n)²); a and b are found by
 *     Newton's method on the convex dual.</li>
 * <li>The probabilities become whole numbers of the {@link #KEYS} cell keys (largest remainders), then
 *     single keys move to a neighbouring value while that brings the mean adjustment closer to 0 (so it
 *     is 0 exactly wherever the values are one apart), and the keys are laid out in order of the published value: key k publishes the value whose share of
 *     keys covers position k. Cell keys are uniform, so a published value's chance is its share.</li>
 * <li>From n = js+D+1 on the support is never cut, so that row's adjustments serve every larger count.</li>
 * </ol>
 * The parameters (D, V, js) are server configuration and are not published: knowing the largest
 * adjustment narrows what a published number can hide.
 */
public final class PerturbationTable {

    /** Record keys and cell keys run from 0 to KEYS−1; a cell key is the sum of its records' keys mod KEYS. */
    public static final int KEYS = 256;

    private final int maxAdjustment;
    private final int threshold;
    /** rows.get(n)[k]: the published value for true count n and cell key k, for n up to the last row. */
    private final List<long[]> rows;

    private PerturbationTable(int maxAdjustment, int threshold, List<long[]> rows) {
        this.maxAdjustment = maxAdjustment;
        this.threshold = threshold;
        this.rows = rows;
    }

    /**
     * The table for maximum adjustment {@code d}, variance {@code v} and threshold {@code js}. Needs
     * d > js, so that every count, the smallest included, can move.
     */
    public static PerturbationTable generate(int d, double v, int js) {
        if (d < 1 || js < 0 || d <= js || !(v > 0)) {
            throw new IllegalArgumentException("a ptable needs D >= 1, js >= 0, D > js and V > 0");
        }
        List<long[]> rows = new ArrayList<>();
        rows.add(new long[KEYS]);   // zeros stay zero
        for (int n = 1; n <= js + d + 1; n++) {
            rows.add(row(n, d, v, js));
        }
        return new PerturbationTable(d, js, rows);
    }

    /** The published value of a true {@code count} in a cell with key {@code cellKey}. */
    public long perturb(long count, int cellKey) {
        if (count < 0 || cellKey < 0 || cellKey >= KEYS) {
            throw new IllegalArgumentException("counts are >= 0 and cell keys 0.." + (KEYS - 1));
        }
        int last = rows.size() - 1;
        if (count <= last) {
            return rows.get((int) count)[cellKey];
        }
        return rows.get(last)[cellKey] + (count - last);
    }

    int maxAdjustment() {
        return maxAdjustment;
    }

    int threshold() {
        return threshold;
    }

    /** The published values for count n over every cell key, in key order. */
    private static long[] row(int n, int d, double v, int js) {
        List<Integer> support = new ArrayList<>();
        for (int value = Math.max(0, n - d); value <= n + d; value++) {
            if (value == 0 || value > js) {
                support.add(value);
            }
        }
        double[] t = support.stream().mapToDouble(value -> value - n).toArray();
        double variance = feasibleVariance(t, v);
        double[] p = maximumEntropy(t, variance);
        int[] keys = centred(shares(p), t);
        long[] published = new long[KEYS];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            for (int j = 0; j < keys[i]; j++) {
                published[k++] = support.get(i);
            }
        }
        return published;
    }

    /**
     * V moved into the range of variances a distribution on the adjustments {@code t} with mean 0 can
     * have, a tenth of that range inside each end (at the low end only 0.05 when 0 itself is allowed).
     * The least is that of the two neighbours of 0 (0 when 0 itself is allowed); the largest that of the
     * two extremes.
     */
    static double feasibleVariance(double[] t, double v) {
        double below = Double.NEGATIVE_INFINITY;
        double above = Double.POSITIVE_INFINITY;
        boolean zero = false;
        for (double x : t) {
            if (x == 0) {
                zero = true;
            } else if (x < 0) {
                below = Math.max(below, x);
            } else {
                above = Math.min(above, x);
            }
        }
        double least = zero ? 0 : -below * above;
        double most = -t[0] * t[t.length - 1];
        double margin = (most - least) / 10;
        return Math.min(Math.max(v, zero ? Math.min(margin, 0.05) : least + margin), most - margin);
    }

    /** The distribution on {@code t} of largest entropy with mean 0 and the given variance (Newton on the dual). */
    static double[] maximumEntropy(double[] t, double variance) {
        double a = 0;
        double b = 0;
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] p = gibbs(t, a, b);
            double m1 = 0;
            double m2 = 0;
            double m3 = 0;
            double m4 = 0;
            for (int i = 0; i < t.length; i++) {
                m1 += p[i] * t[i];
                m2 += p[i] * t[i] * t[i];
                m3 += p[i] * t[i] * t[i] * t[i];
                m4 += p[i] * t[i] * t[i] * t[i] * t[i];
            }
            double g1 = m1;
            double g2 = m2 - variance;
            if (Math.abs(g1) < 1e-9 && Math.abs(g2) < 1e-9) {
                return p;
            }
            // Hessian of log Z: the covariance of (t, t²)
            double h11 = m2 - m1 * m1;
            double h12 = m3 - m1 * m2;
            double h22 = m4 - m2 * m2;
            double det = h11 * h22 - h12 * h12;
            double da = -(h22 * g1 - h12 * g2) / det;
            double db = -(-h12 * g1 + h11 * g2) / det;
            double step = 1;
            // backtracking while far from the optimum; near it the dual's changes drown in rounding, and Newton's full step is right
            if (Math.abs(g1) > 1e-6 || Math.abs(g2) > 1e-6) {
                double before = dual(t, a, b, variance);
                while (step > 1e-10 && !(dual(t, a + step * da, b + step * db, variance) <= before)) {
                    step /= 2;
                }
            }
            a += step * da;
            b += step * db;
        }
        throw new IllegalStateException("ptable: maximum entropy did not converge");
    }

    private static double dual(double[] t, double a, double b, double variance) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : t) {
            max = Math.max(max, a * x + b * x * x);
        }
        double sum = 0;
        for (double x : t) {
            sum += Math.exp(a * x + b * x * x - max);
        }
        return max + Math.log(sum) - b * variance;
    }

    private static double[] gibbs(double[] t, double a, double b) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : t) {
            max = Math.max(max, a * x + b * x * x);
        }
        double[] p = new double[t.length];
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            p[i] = Math.exp(a * t[i] + b * t[i] * t[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < t.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * Moves single keys to the neighbouring value, each move the one that brings the total adjustment
     * (sum of keys × adjustment, a whole number) nearest 0, while a move makes it smaller.
     */
    private static int[] centred(int[] keys, double[] t) {
        long total = 0;
        for (int i = 0; i < t.length; i++) {
            total += keys[i] * Math.round(t[i]);
        }
        while (total != 0) {
            int from = -1;
            int to = -1;
            long best = Math.abs(total);
            for (int i = 0; i < t.length; i++) {
                int j = total > 0 ? i - 1 : i + 1;
                if (keys[i] > 1 && j >= 0 && j < t.length) {
                    long after = total - Math.round(t[i]) + Math.round(t[j]);
                    // the nearest to 0; among equals, from the value with most keys (the shape changes least)
                    if (Math.abs(after) < best || from >= 0 && Math.abs(after) == best && keys[i] > keys[from]) {
                        best = Math.abs(after);
                        from = i;
                        to = j;
                    }
                }
            }
            if (from < 0) {
                break;
            }
            keys[from]--;
            keys[to]++;
            total = total - Math.round(t[from]) + Math.round(t[to]);
        }
        return keys;
    }

    /** Probabilities as whole numbers of keys adding up to KEYS (largest remainder). */
    private static int[] shares(double[] p) {
        int[] keys = new int[p.length];
        double[] remainder = new double[p.length];
        int given = 0;
        for (int i = 0; i < p.length; i++) {
            keys[i] = (int) Math.floor(p[i] * KEYS);
            remainder[i] = p[i] * KEYS - keys[i];
            given += keys[i];
        }
        while (given < KEYS) {
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            keys[best]++;
            remainder[best] = -1;
            given++;
        }
        return keys;
    }
}
