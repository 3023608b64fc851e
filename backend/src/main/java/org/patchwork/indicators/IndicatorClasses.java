package org.patchwork.indicators;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.access.AccessLevel;
import org.patchwork.classification.Classification;
import org.patchwork.classification.ClassificationRequest;
import org.patchwork.classification.Classifier;
import org.patchwork.rates.ConfidenceLevel;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Classifies an indicator's values exactly as {@link IndicatorValues} publishes them to the viewer (protected
 * counts for aggregate and public viewers), by value or by significance against the district or the partnership
 * (Fingertips' 95% comparison for rates; the side of the mean for area statistics).
 */
@Component
class IndicatorClasses {

    private final Indicators indicators;
    private final Classifier classifier;

    IndicatorClasses(Indicators indicators, Classifier classifier) {
        this.indicators = indicators;
        this.classifier = classifier;
    }

    /**
     * @param by         "value" (default) or "significance"
     * @param comparator "district" (default) or "partnership", for significance
     * @param output     what the figures are for, as the audit records it (indicator-classes, map-image, ...)
     */
    IndicatorMap map(long id, String level, String within, ClassificationRequest request, String by, String comparator, String output) {
        boolean significance = by != null && by.strip().equals("significance");
        if (by != null && !by.isBlank() && !significance && !by.strip().equals("value")) {
            throw ApiProblem.badRequest("invalid-parameter", "by must be value or significance; got '" + by + "'");
        }
        String against = comparator == null || comparator.isBlank() ? "district" : comparator.strip();
        if (!against.equals("district") && !against.equals("partnership")) {
            throw ApiProblem.badRequest("invalid-parameter", "comparator must be district or partnership; got '" + comparator + "'");
        }
        // as /values gives them: by boundary level, or by custom area
        IndicatorValues.Table table = indicators.values(id, level, within, output);
        Indicator indicator = table.indicator();
        List<String> words = new ArrayList<>();
        for (IndicatorValues.Value v : table.areas()) {
            IndicatorValues.Value benchmark = against.equals("partnership") ? table.partnership()
                    : v.district() == null ? null : table.districts().get(v.district());
            words.add(indicator.measure().fromEvents()
                    ? ValueJson.word(IndicatorValues.compare(indicator, v, benchmark, ConfidenceLevel.NINETY_FIVE))
                    : IndicatorValues.side(v, benchmark));
        }
        Classification classification = significance
                ? classifier.significance(words, against.equals("district") ? "the district" : "the partnership")
                : classifier.classify(table.areas().stream().map(v -> ValueJson.finite(v.value())).toList(), request);
        List<IndicatorMap.Area> areas = new ArrayList<>();
        for (int i = 0; i < table.areas().size(); i++) {
            IndicatorValues.Value v = table.areas().get(i);
            Double value = ValueJson.finite(v.value());
            int classIndex = significance ? classification.classOf(words.get(i)) : classification.classOf(value);
            areas.add(new IndicatorMap.Area(v.code(), v.name(), value, v.numerator(), v.denominator(), words.get(i), v.suppressed(),
                    classIndex));
        }
        String access = table.access() == null ? "statistics" : table.access().level().key();
        boolean exact = table.access() == null || table.access().level() == AccessLevel.RECORD;
        return new IndicatorMap(indicator.id(), indicator.name(), indicator.datasetId(), indicator.measure().key(), unit(indicator),
                table.level(), table.within(), period(indicator), access, exact, significance ? against : null, classification, areas);
    }

    static String unit(Indicator indicator) {
        return switch (indicator.measure()) {
            case COUNT -> "events";
            case RATE_PER_1000 -> "per 1,000 residents";
            case RATE_PER_100000 -> "per 100,000 residents";
            case AREA_STATISTIC -> indicator.statistic();
        };
    }

    static String period(Indicator indicator) {
        if (indicator.from() == null && indicator.to() == null) {
            return indicator.measure().fromEvents() ? "all months" : null;
        }
        if (indicator.from() != null && indicator.from().equals(indicator.to())) {
            return indicator.from().toString();
        }
        return (indicator.from() == null ? "start" : indicator.from().toString()) + " to "
                + (indicator.to() == null ? "latest" : indicator.to().toString());
    }
}
