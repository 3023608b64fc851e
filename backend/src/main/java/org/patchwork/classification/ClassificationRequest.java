package org.patchwork.classification;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.web.ApiProblem;

/**
 * What to classify by: a method, 3 to 9 classes, a palette (reversed to run dark to light), fixed breaks
 * for the fixed method, and {@code zeroClass}: zeros get a class of their own and the method classifies
 * the values above zero (for counts of events, where "none" is worth seeing).
 */
public record ClassificationRequest(ClassificationMethod method, int classes, String palette, boolean reversed,
                                    List<Double> fixedBreaks, boolean zeroClass) {

    public static final int MIN_CLASSES = 3;
    public static final int MAX_CLASSES = 9;
    public static final int DEFAULT_CLASSES = 5;

    /**
     * From the API's words, each optional: {@code method} (quantile by default), {@code classes} (5), {@code
     * palette} (YlGnBu, or RdBu for standard deviations; a leading "-" reverses it), {@code breaks} (fixed only:
     * comma-separated, strictly increasing), {@code zeroClass}. Anything else is a 400 naming what to send.
     */
    public static ClassificationRequest parse(String method, String classes, String palette, String breaks, String zeroClass) {
        ClassificationMethod m = method == null || method.isBlank() ? ClassificationMethod.QUANTILE
                : ClassificationMethod.of(method).orElseThrow(() -> ApiProblem.badRequest("invalid-parameter",
                        "method must be one of quantile, equal-interval, natural-breaks (or jenks), standard-deviation, fixed; got '"
                                + method + "'"));
        int k = DEFAULT_CLASSES;
        if (classes != null && !classes.isBlank()) {
            try {
                k = Integer.parseInt(classes.strip());
            } catch (NumberFormatException e) {
                k = -1;
            }
            if (k < MIN_CLASSES || k > MAX_CLASSES) {
                throw ApiProblem.badRequest("invalid-parameter", "classes must be a whole number from " + MIN_CLASSES + " to "
                        + MAX_CLASSES + "; got '" + classes + "'");
            }
        }
        boolean reversed = palette != null && palette.strip().startsWith("-");
        String name = palette == null || palette.isBlank() ? null : palette.strip().replaceFirst("^-", "");
        if (name != null && Palettes.named(name).isEmpty()) {
            throw ApiProblem.badRequest("invalid-parameter", "palette must be a colour-blind-safe ColorBrewer scheme, one of "
                    + Palettes.all().stream().map(Palettes.Palette::name).toList() + "; got '" + palette + "'");
        }
        if (name == null) {
            name = m == ClassificationMethod.STANDARD_DEVIATION ? Palettes.DEFAULT_DIVERGING : Palettes.DEFAULT_SEQUENTIAL;
            // RdBu runs red to blue; below the mean should be blue and above it red
            reversed = reversed ^ (m == ClassificationMethod.STANDARD_DEVIATION);
        }
        List<Double> fixed = parseBreaks(m, breaks);
        if (m == ClassificationMethod.FIXED) {
            k = fixed.size() + 1;
        }
        return new ClassificationRequest(m, k, Palettes.named(name).orElseThrow().name(), reversed, fixed,
                zeroClass != null && (zeroClass.equalsIgnoreCase("true") || zeroClass.equals("1")));
    }

    private static List<Double> parseBreaks(ClassificationMethod method, String breaks) {
        boolean given = breaks != null && !breaks.isBlank();
        if (method != ClassificationMethod.FIXED) {
            if (given) {
                throw ApiProblem.badRequest("invalid-parameter", "breaks are for method=fixed only");
            }
            return List.of();
        }
        if (!given) {
            throw ApiProblem.badRequest("invalid-parameter", "method=fixed needs breaks: 2 to 8 comma-separated numbers, "
                    + "strictly increasing, each the lower bound of a class after the first (e.g. breaks=10,25,50)");
        }
        List<Double> list = new ArrayList<>();
        for (String part : breaks.split(",")) {
            double value;
            try {
                value = Double.parseDouble(part.strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("invalid-parameter", "breaks must be numbers; got '" + part.strip() + "'");
            }
            if (!Double.isFinite(value) || (!list.isEmpty() && value <= list.get(list.size() - 1))) {
                throw ApiProblem.badRequest("invalid-parameter", "breaks must be finite and strictly increasing; got '" + breaks + "'");
            }
            list.add(value);
        }
        if (list.size() < MIN_CLASSES - 1 || list.size() > MAX_CLASSES - 1) {
            throw ApiProblem.badRequest("invalid-parameter", "fixed breaks make 3 to 9 classes, so give 2 to 8 breaks; got "
                    + list.size());
        }
        return List.copyOf(list);
    }

    /** The request's parameters as a query string fragment, for links and image captions. */
    public String describe() {
        return method.key() + ", " + (method == ClassificationMethod.FIXED ? "breaks " + fixedBreaks : classes + " classes")
                + ", " + (reversed ? "reversed " : "") + palette + (zeroClass ? ", zeros apart" : "");
    }
}
