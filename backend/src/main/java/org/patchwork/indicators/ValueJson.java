package org.patchwork.indicators;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patchwork.access.Access;
import org.patchwork.access.AccessPolicy;
import org.patchwork.rates.Comparison;
import org.patchwork.rates.ConfidenceLevel;
import org.patchwork.rates.Estimate;
import org.patchwork.rates.Interval;

/** Values as the API writes them: intervals as four numbers (absent when there is none), comparisons in words. */
final class ValueJson {

    private ValueJson() {
    }

    static Map<String, Object> figures(IndicatorValues.Value value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", value.code());
        json.put("name", value.name());
        json.put("numerator", value.numerator());
        json.put("denominator", value.denominator());
        json.put("value", finite(value.value()));
        Estimate estimate = value.estimate();
        json.put("lower95", estimate == null ? null : lower(estimate.ci95()));
        json.put("upper95", estimate == null ? null : upper(estimate.ci95()));
        json.put("lower998", estimate == null ? null : lower(estimate.ci998()));
        json.put("upper998", estimate == null ? null : upper(estimate.ci998()));
        return json;
    }

    /** An area's figures with its comparisons with its district and the partnership, and its disclosure. */
    static Map<String, Object> area(IndicatorValues.Table table, IndicatorValues.Value value) {
        Map<String, Object> json = figures(value);
        json.put("district", value.district());
        IndicatorValues.Value district = value.district() == null ? null : table.districts().get(value.district());
        Indicator indicator = table.indicator();
        Map<String, Object> comparison = new LinkedHashMap<>();
        Map<String, Object> comparison998 = new LinkedHashMap<>();
        if (indicator.measure().fromEvents()) {
            comparison.put("district", word(IndicatorValues.compare(indicator, value, district, ConfidenceLevel.NINETY_FIVE)));
            comparison.put("partnership", word(IndicatorValues.compare(indicator, value, table.partnership(), ConfidenceLevel.NINETY_FIVE)));
            comparison998.put("district", word(IndicatorValues.compare(indicator, value, district, ConfidenceLevel.NINETY_NINE_POINT_EIGHT)));
            comparison998.put("partnership", word(IndicatorValues.compare(indicator, value, table.partnership(),
                    ConfidenceLevel.NINETY_NINE_POINT_EIGHT)));
        } else {
            comparison.put("district", IndicatorValues.side(value, district));
            comparison.put("partnership", IndicatorValues.side(value, table.partnership()));
        }
        json.put("comparison", comparison);
        if (!comparison998.isEmpty()) {
            json.put("comparison998", comparison998);
        }
        Map<String, Object> disclosure = new LinkedHashMap<>();
        disclosure.put("suppressed", value.suppressed());
        disclosure.put("reason", value.reason());
        if (value.variance() > 0) {
            // the interval carries the perturbation's noise as well as the Poisson variation
            disclosure.put("perturbationVariance", value.variance());
        }
        json.put("disclosure", disclosure);
        return json;
    }

    /** What the viewer's access does to the numbers. */
    static Map<String, Object> disclosure(Access access) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (access != null) {
            json.put("access", access.level().key());
            json.put("levels", AccessPolicy.allowedLevels(access));
            json.put("exact", access.level() == org.patchwork.access.AccessLevel.RECORD);
        }
        return json;
    }

    static String word(Comparison comparison) {
        return comparison.name().toLowerCase().replace('_', '-');
    }

    private static Double lower(Interval interval) {
        return interval.isDefined() ? interval.lower() : null;
    }

    private static Double upper(Interval interval) {
        return interval.isDefined() ? interval.upper() : null;
    }

    static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }
}
