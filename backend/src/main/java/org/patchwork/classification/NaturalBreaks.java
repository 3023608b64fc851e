package org.patchwork.classification;

/**
 * Jenks natural breaks by Fisher's exact method: the division of the sorted values into k contiguous
 * groups with the least total within-group sum of squared deviations (Fisher 1958; Jenks 1977). The
 * dynamic programme is the classic one; each row is filled by divide and conquer, which is exact because
 * the best start of the last group never moves left as the prefix grows (the monotonicity Ckmeans.1d.dp
 * relies on: Wang and Song 2011, Grønlund et al. 2017), so k classes of n values cost O(k n log n), and all
 * 32,844 English LSOAs classify in milliseconds rather than the O(k n²) minutes of the textbook version.
 */
final class NaturalBreaks {

    private final double[] prefix;
    private final double[] prefixSquares;

    private NaturalBreaks(double[] sorted) {
        int n = sorted.length;
        // centred on the mean so that the sums of squares do not lose precision on large values
        double mean = 0;
        for (double v : sorted) {
            mean += v / n;
        }
        prefix = new double[n + 1];
        prefixSquares = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double c = sorted[i] - mean;
            prefix[i + 1] = prefix[i] + c;
            prefixSquares[i + 1] = prefixSquares[i] + c * c;
        }
    }

    /**
     * The index in {@code sorted} where each group after the first starts (k − 1 ascending indexes) for the
     * optimal division into {@code k} groups; {@code sorted} ascending, k between 1 and its length.
     */
    static int[] groupStarts(double[] sorted, int k) {
        int n = sorted.length;
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must lie between 1 and the number of values");
        }
        NaturalBreaks cost = new NaturalBreaks(sorted);
        double[] previous = new double[n];
        for (int i = 0; i < n; i++) {
            previous[i] = cost.ssq(0, i);
        }
        int[][] start = new int[k][n];
        for (int m = 1; m < k; m++) {
            double[] current = new double[n];
            java.util.Arrays.fill(current, Double.POSITIVE_INFINITY);
            cost.fill(m, previous, current, start[m], m, n - 1, m, n - 1);
            previous = current;
        }
        int[] starts = new int[k - 1];
        int end = n - 1;
        for (int m = k - 1; m >= 1; m--) {
            starts[m - 1] = start[m][end];
            end = starts[m - 1] - 1;
        }
        return starts;
    }

    /** Fills current[i] for i in [from, to], knowing the best start lies in [low, high]. */
    private void fill(int m, double[] previous, double[] current, int[] start, int from, int to, int low, int high) {
        if (from > to) {
            return;
        }
        int i = (from + to) >>> 1;
        double best = Double.POSITIVE_INFINITY;
        int bestStart = low;
        for (int j = low; j <= Math.min(i, high); j++) {
            double c = previous[j - 1] + ssq(j, i);
            if (c < best) {
                best = c;
                bestStart = j;
            }
        }
        current[i] = best;
        start[i] = bestStart;
        fill(m, previous, current, start, from, i - 1, low, bestStart);
        fill(m, previous, current, start, i + 1, to, bestStart, high);
    }

    /** Sum of squared deviations from their mean of the values at indexes from..to inclusive. */
    private double ssq(int from, int to) {
        double sum = prefix[to + 1] - prefix[from];
        double squares = prefixSquares[to + 1] - prefixSquares[from];
        return Math.max(0, squares - sum * sum / (to - from + 1));
    }
}
