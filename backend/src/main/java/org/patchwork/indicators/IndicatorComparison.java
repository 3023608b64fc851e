package org.patchwork.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.AccessPolicy;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Two indicators side by side: each area's pair of values at one level (within one district or all), and
 * Pearson's and Spearman's correlation of the pairs ({@link Correlation}). Both indicators pass the one
 * access decision ({@link Indicators#require}), and their values are the ones {@link IndicatorValues} publishes
 * to this viewer: protected counts for an aggregate or public viewer, so the correlation is computed from the
 * same numbers the viewer sees, never from the true counts. An area with no value on either side (withheld,
 * no population) is left out of the correlation and counted in {@code unpaired}.
 */
@Component
class IndicatorComparison {

    static final String OUTPUT = "indicator-compare";

    private final Indicators indicators;
    private final IndicatorValues values;
    private final AccessPolicy policy;

    IndicatorComparison(Indicators indicators, IndicatorValues values, AccessPolicy policy) {
        this.indicators = indicators;
        this.values = values;
        this.policy = policy;
    }

    Map<String, Object> compare(String xId, String yId, String level, String within) {
        Indicators.Seen x = indicators.require(id("x", xId), OUTPUT);
        Indicators.Seen y = indicators.require(id("y", yId), OUTPUT);
        String chosen = level != null && !level.isBlank() ? level.strip()
                : !x.indicator().measure().fromEvents() ? x.indicator().level()
                : !y.indicator().measure().fromEvents() ? y.indicator().level() : x.indicator().level();
        IndicatorValues.Table xs = values.table(x.indicator(), x.access(), chosen, within, OUTPUT);
        IndicatorValues.Table ys = values.table(y.indicator(), y.access(), chosen, within, OUTPUT);
        Map<String, IndicatorValues.Value> yByCode = new LinkedHashMap<>();
        ys.areas().forEach(v -> yByCode.put(v.code(), v));

        List<Map<String, Object>> pairs = new ArrayList<>();
        List<Map<String, Object>> unpaired = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (IndicatorValues.Value a : xs.areas()) {
            IndicatorValues.Value b = yByCode.get(a.code());
            Double bv = b == null ? null : ValueJson.finite(b.value());
            Double av = ValueJson.finite(a.value());
            if (av == null || bv == null) {
                Map<String, Object> left = new LinkedHashMap<>();
                left.put("code", a.code());
                left.put("name", a.name());
                left.put("reason", av == null ? reason(a) + " (x)" : b == null ? "no value (y)" : reason(b) + " (y)");
                unpaired.add(left);
                continue;
            }
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("code", a.code());
            pair.put("name", a.name());
            pair.put("district", a.district());
            pair.put("x", side(a));
            pair.put("y", side(b));
            pairs.add(pair);
            points.add(new double[] {av, bv});
        }
        double[] px = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] py = points.stream().mapToDouble(p -> p[1]).toArray();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("x", described(xs));
        body.put("y", described(ys));
        body.put("level", chosen);
        body.put("within", xs.within());
        body.put("pearson", json(Correlation.pearson(px, py)));
        body.put("spearman", json(Correlation.spearman(px, py)));
        body.put("method", "Pearson's r with a two-sided t-test (n - 2 df) and Fisher's z 95% interval; Spearman's rho (average "
                + "ranks for ties) with the same t approximation and the Fieller-Hartley-Pearson interval; computed on the "
                + "values published to you, over the areas that have both");
        body.put("areas", pairs);
        body.put("unpaired", unpaired);
        policy.audit("aggregate-access", x.indicator().datasetId(), OUTPUT, pairs.size(),
                "x=" + x.indicator().id() + " y=" + y.indicator().id() + " level=" + chosen);
        return body;
    }

    private static long id(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.badRequest("invalid-parameter", name + " is required: the id of a saved indicator");
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-parameter", name + " must be the id of a saved indicator (a whole number); got '"
                    + raw + "'");
        }
    }

    private static String reason(IndicatorValues.Value v) {
        return v.suppressed() ? "withheld" : "no value";
    }

    private static Map<String, Object> side(IndicatorValues.Value v) {
        Map<String, Object> json = ValueJson.figures(v);
        json.remove("code");
        json.remove("name");
        return json;
    }

    private static Map<String, Object> described(IndicatorValues.Table table) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("indicator", table.indicator().json());
        json.put("disclosure", ValueJson.disclosure(table.access()));
        json.put("partnership", ValueJson.finite(table.partnership().value()));
        return json;
    }

    private static Map<String, Object> json(Correlation.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", result.n());
        json.put("r", ValueJson.finite(result.r()));
        json.put("pValue", ValueJson.finite(result.pValue()));
        json.put("lower95", ValueJson.finite(result.lower95()));
        json.put("upper95", ValueJson.finite(result.upper95()));
        return json;
    }
}
