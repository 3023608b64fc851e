package org.patchwork.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Classifies the values a viewer sees: the one place class breaks, colours and legend counts are made, for
 * the map in the browser, the map images and the exports. Values that are null, NaN or infinite (withheld
 * or missing) are counted as no data and never move a break.
 */
@Service
public class Classifier {

    /** Significance colours: ColorBrewer RdBu (3 classes, colour-blind safe), higher red, lower blue. */
    static final List<String> SIGNIFICANCE_COLOURS = List.of("#ef8a62", "#f7f7f7", "#67a9cf");
    static final String ZERO_COLOUR = "#f7f7f7";

    /** Value classes of {@code values} by the request's method. */
    public Classification classify(List<Double> values, ClassificationRequest request) {
        double[] finite = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).sorted().toArray();
        int noData = values.size() - finite.length;
        boolean zeroClass = request.zeroClass();
        int zeros = zeroClass ? (int) Arrays.stream(finite).filter(v -> v == 0).count() : 0;
        double[] rest = zeroClass ? Arrays.stream(finite).filter(v -> v != 0).toArray() : finite;
        boolean whole = Arrays.stream(finite).allMatch(v -> v == Math.rint(v))
                && request.fixedBreaks().stream().allMatch(v -> v == Math.rint(v));
        double spread = finite.length == 0 ? 0 : finite[finite.length - 1] - finite[0];
        ClassLabels labels = new ClassLabels(whole, spread);

        double[] breaks = breaks(rest, request);
        int classes = rest.length == 0 && request.method() != ClassificationMethod.FIXED ? 0 : breaks.length + 1;
        List<String> colours = Palettes.colours(Palettes.named(request.palette()).orElseThrow(), classes, request.reversed());
        int[] counts = new int[classes];
        for (double v : rest) {
            counts[position(breaks, v)]++;
        }
        List<Classification.ClassBand> bands = new ArrayList<>();
        if (zeroClass && (zeros > 0 || rest.length == 0) && finite.length > 0) {
            bands.add(new Classification.ClassBand("0", 0.0, 0.0, labels.number(0), ZERO_COLOUR, zeros));
        }
        boolean fixed = request.method() == ClassificationMethod.FIXED;
        for (int i = 0; i < classes; i++) {
            Double lower = i > 0 ? Double.valueOf(breaks[i - 1]) : fixed ? null : Double.valueOf(rest[0]);
            Double upper = i < breaks.length ? Double.valueOf(breaks[i]) : fixed ? null : Double.valueOf(rest[rest.length - 1]);
            String label = fixed ? (i == 0 ? labels.under(upper) : upper == null ? labels.orMore(lower) : labels.between(lower, upper))
                    : i < breaks.length ? labels.between(lower, upper) : labels.upTo(lower, upper);
            bands.add(new Classification.ClassBand(String.valueOf(i + 1), lower, upper, label, colours.get(i), counts[i]));
        }
        // a zero class that is only there because nothing else is; keep the layout of the zero class first
        boolean zeroFirst = !bands.isEmpty() && bands.get(0).key().equals("0");
        return new Classification("value", request.method().key(), request.palette() + (request.reversed() ? " (reversed)" : ""),
                zeroFirst, breaks, bands, noDataBand(noData), values.size());
    }

    /** Significance classes of comparison words (higher, similar, lower; anything else is not compared). */
    public Classification significance(List<String> comparisons, String comparator) {
        String[] keys = {"higher", "similar", "lower"};
        String[] words = {"Higher than ", "Similar to ", "Lower than "};
        List<Classification.ClassBand> bands = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            int count = (int) comparisons.stream().filter(key::equals).count();
            compared += count;
            bands.add(new Classification.ClassBand(key, null, null, words[i] + comparator, SIGNIFICANCE_COLOURS.get(i), count));
        }
        Classification.ClassBand none = new Classification.ClassBand("not-compared", null, null, "Not compared",
                Classification.NO_DATA_COLOUR, comparisons.size() - compared);
        return new Classification("significance", "significance", "RdBu", false, new double[0], bands, none, comparisons.size());
    }

    private static Classification.ClassBand noDataBand(int count) {
        return new Classification.ClassBand("none", null, null, "No data", Classification.NO_DATA_COLOUR, count);
    }

    private static double[] breaks(double[] sorted, ClassificationRequest request) {
        if (request.method() == ClassificationMethod.FIXED) {
            return request.fixedBreaks().stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (sorted.length == 0) {
            return new double[0];
        }
        int k = request.classes();
        return switch (request.method()) {
            case QUANTILE -> ClassBreaks.quantile(sorted, k);
            case EQUAL_INTERVAL -> ClassBreaks.equalInterval(sorted, k);
            case NATURAL_BREAKS -> ClassBreaks.naturalBreaks(sorted, k);
            case STANDARD_DEVIATION -> ClassBreaks.standardDeviation(sorted, k);
            case FIXED -> throw new IllegalStateException();
        };
    }

    private static int position(double[] breaks, double value) {
        int index = 0;
        for (double b : breaks) {
            if (value >= b) {
                index++;
            }
        }
        return index;
    }
}
