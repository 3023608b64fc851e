package org.patchwork.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.geotools.api.filter.FilterFactory;
import org.geotools.api.filter.expression.Function;
import org.geotools.data.DataUtilities;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.factory.CommonFactoryFinder;
import org.geotools.feature.DefaultFeatureCollection;
import org.geotools.feature.simple.SimpleFeatureBuilder;
import org.geotools.api.feature.simple.SimpleFeatureType;
import org.geotools.filter.function.RangedClassifier;
import org.junit.jupiter.api.Test;

/**
 * Natural breaks against two independent implementations: the textbook O(k n²) dynamic programme written out
 * here, and GeoTools' JenksNaturalBreaksFunction (the jar's own Jenks); plus the published example in ClassifierTest.
 */
class NaturalBreaksTest {

    @Test
    void agreesWithTheTextbookProgrammeOnRandomData() {
        Random random = new Random(20261203);
        for (int trial = 0; trial < 40; trial++) {
            int n = 5 + random.nextInt(400);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // skewed like rates: a lognormal, rounded to 2 decimals so that ties happen
                values[i] = Math.round(Math.exp(random.nextGaussian() * 1.2 + 2) * 100) / 100.0;
            }
            Arrays.sort(values);
            int k = Math.min(3 + random.nextInt(7), ClassBreaks.distinct(values));
            double fast = cost(values, NaturalBreaks.groupStarts(values, k));
            double textbook = cost(values, textbook(values, k));
            assertThat(fast).as("trial " + trial + " n=" + n + " k=" + k).isCloseTo(textbook, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, textbook)));
        }
    }

    @Test
    void agreesWithGeoToolsJenks() throws Exception {
        Random random = new Random(7);
        SimpleFeatureType type = DataUtilities.createType("v", "value:Double");
        FilterFactory ff = CommonFactoryFinder.getFilterFactory();
        int same = 0;
        for (int trial = 0; trial < 10; trial++) {
            int n = 30 + random.nextInt(200);
            int k = 3 + random.nextInt(7);
            DefaultFeatureCollection features = new DefaultFeatureCollection();
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = Math.round(random.nextDouble() * random.nextDouble() * 1000) / 10.0;
                features.add(SimpleFeatureBuilder.build(type, new Object[] {values[i]}, "f" + i));
            }
            Function jenks = ff.function("Jenks", ff.property("value"), ff.literal(k));
            RangedClassifier geotools = (RangedClassifier) jenks.evaluate((SimpleFeatureCollection) features);
            Arrays.sort(values);
            // GeoTools' class i holds the values up to its max (getMax(i)); its groups give its division
            List<Integer> theirStarts = new ArrayList<>();
            for (int i = 0; i < geotools.getSize() - 1; i++) {
                double max = ((Number) geotools.getMax(i)).doubleValue();
                int start = 0;
                while (start < n && values[start] <= max) {
                    start++;
                }
                theirStarts.add(start);
            }
            double theirs = cost(values, theirStarts.stream().mapToInt(Integer::intValue).toArray());
            double mine = cost(values, NaturalBreaks.groupStarts(values, k));
            // GeoTools' Jenks is not always the optimum (its groups can be a value or two off); ours never does worse
            assertThat(mine).as("trial " + trial + " n=" + n + " k=" + k).isLessThanOrEqualTo(theirs * (1 + 1e-12));
            if (Math.abs(mine - theirs) <= 1e-9 * theirs) {
                assertThat(Arrays.stream(NaturalBreaks.groupStarts(values, k)).boxed().toList()).isEqualTo(theirStarts);
                same++;
            }
        }
        assertThat(same).as("trials where GeoTools finds the optimum too").isGreaterThanOrEqualTo(2);
    }

    @Test
    void allEnglishLsoasInMilliseconds() {
        Random random = new Random(1);
        double[] values = new double[32_844];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextGaussian());
        }
        Arrays.sort(values);
        long start = System.nanoTime();
        int[] starts = NaturalBreaks.groupStarts(values, 9);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(starts).hasSize(8).isSorted();
        System.out.println("natural breaks of 32,844 values in 9 classes: " + millis + " ms");
    }

    /** Within-group sum of squared deviations of a division given by its group starts. */
    private static double cost(double[] sorted, int[] starts) {
        double total = 0;
        int from = 0;
        for (int g = 0; g <= starts.length; g++) {
            int to = g < starts.length ? starts[g] : sorted.length;
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += sorted[i];
            }
            mean /= (to - from);
            for (int i = from; i < to; i++) {
                total += (sorted[i] - mean) * (sorted[i] - mean);
            }
            from = to;
        }
        return total;
    }

    /** Fisher's programme as Jenks (1977) wrote it: every split of every prefix, O(k n²). */
    private static int[] textbook(double[] x, int k) {
        int n = x.length;
        double[][] best = new double[k + 1][n + 1];
        int[][] split = new int[k + 1][n + 1];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int m = 1; m <= k; m++) {
            for (int i = m; i <= n; i++) {
                double sum = 0;
                double squares = 0;
                for (int j = i; j >= m; j--) {
                    // the last group is x[j-1 .. i-1]
                    sum += x[j - 1];
                    squares += x[j - 1] * x[j - 1];
                    int size = i - j + 1;
                    double c = best[m - 1][j - 1] + squares - sum * sum / size;
                    if (c < best[m][i]) {
                        best[m][i] = c;
                        split[m][i] = j - 1;
                    }
                }
            }
        }
        int[] starts = new int[k - 1];
        int end = n;
        for (int m = k; m >= 2; m--) {
            starts[m - 2] = split[m][end];
            end = starts[m - 2];
        }
        return starts;
    }
}
