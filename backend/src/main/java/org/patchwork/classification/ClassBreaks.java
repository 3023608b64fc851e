package org.patchwork.classification;

import java.util.ArrayList;
import java.util.List;

/**
 * The breaks of each method: the lower bounds of the classes after the first, strictly increasing and
 * strictly above the smallest value (so no class is empty by construction, except with fixed breaks or
 * standard deviations, where the scale is set before the data). A value belongs to the last class whose
 * lower bound it reaches: classes are [lower, next lower), the last one closed at the largest value.
 * Every method takes the values sorted ascending, finite and at least one.
 */
final class ClassBreaks {

    private ClassBreaks() {
    }

    /**
     * Quantiles: break i (1..k−1) is the value at 0-based position floor(i·n/k) of the sorted values, so each
     * class holds n/k values when there are no ties; a tie that would make a break repeat drops it (fewer classes).
     */
    static double[] quantile(double[] sorted, int k) {
        List<Double> breaks = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            breaks.add(sorted[(int) Math.floor((double) i * sorted.length / k)]);
        }
        return increasingAbove(sorted[0], breaks);
    }

    /** Equal intervals: k classes of width (max − min)/k from the smallest value. */
    static double[] equalInterval(double[] sorted, int k) {
        double min = sorted[0];
        double width = (sorted[sorted.length - 1] - min) / k;
        List<Double> breaks = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            breaks.add(min + i * width);
        }
        return increasingAbove(min, breaks);
    }

    /** Natural breaks (Fisher-Jenks): each break is the smallest value of its optimal group. */
    static double[] naturalBreaks(double[] sorted, int k) {
        int groups = Math.min(k, distinct(sorted));
        List<Double> breaks = new ArrayList<>();
        for (int start : NaturalBreaks.groupStarts(sorted, groups)) {
            breaks.add(sorted[start]);
        }
        return increasingAbove(sorted[0], breaks);
    }

    /**
     * Standard deviations: classes one (population) standard deviation wide centred on the mean, breaks at
     * mean + (i − k/2)·sd for i = 1..k−1: an odd k has a middle class from −½ to +½ sd, an even k a break at
     * the mean. Breaks beyond the data are dropped.
     */
    static double[] standardDeviation(double[] sorted, int k) {
        double mean = 0;
        for (double v : sorted) {
            mean += v / sorted.length;
        }
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / sorted.length);
        List<Double> breaks = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            double b = mean + (i - k / 2.0) * sd;
            if (b <= sorted[sorted.length - 1]) {
                breaks.add(b);
            }
        }
        return increasingAbove(sorted[0], breaks);
    }

    /** The number of different values. */
    static int distinct(double[] sorted) {
        int count = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                count++;
            }
        }
        return count;
    }

    private static double[] increasingAbove(double min, List<Double> breaks) {
        List<Double> kept = new ArrayList<>();
        double last = min;
        for (double b : breaks) {
            if (b > last) {
                kept.add(b);
                last = b;
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
