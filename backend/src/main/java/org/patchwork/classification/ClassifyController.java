package org.patchwork.classification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patchwork.web.ApiProblem;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Classifies a list of values the caller already holds (the counts or statistics the API gave them), so the
 * browser's map takes its breaks, colours and legend from the server. It reads no data, so it needs no access
 * decision beyond being signed in: it can only classify numbers the caller sent.
 */
@RestController
@Tag(name = "Classification", description = "Class breaks, colour-blind-safe colours and legends for choropleths")
class ClassifyController {

    static final int MAX_VALUES = 100_000;

    private final Classifier classifier;

    ClassifyController(Classifier classifier) {
        this.classifier = classifier;
    }

    @PostMapping("/api/classify")
    @Operation(summary = "Classify a list of values",
            description = "Body: {values: [number | null, ...], method: quantile | equal-interval | natural-breaks | "
                    + "standard-deviation | fixed, classes: 3..9, palette: a colour-blind-safe ColorBrewer scheme (\"-\" before "
                    + "it reverses it), breaks: [numbers] (fixed only), zeroClass: true|false}. Answers the breaks, the legend "
                    + "(each class's bounds, label, colour and count, and the no-data count) and `assignments`: the class index "
                    + "of each value in order (−1 for null).")
    Map<String, Object> classify(@RequestBody(required = false) Map<String, Object> body) {
        if (body == null || !(body.get("values") instanceof List<?> raw)) {
            throw ApiProblem.badRequest("invalid-request", "send {\"values\": [numbers or null], ...}");
        }
        if (raw.size() > MAX_VALUES) {
            throw ApiProblem.badRequest("invalid-request", "at most " + MAX_VALUES + " values; got " + raw.size());
        }
        List<Double> values = new ArrayList<>(raw.size());
        for (Object v : raw) {
            if (v != null && !(v instanceof Number)) {
                throw ApiProblem.badRequest("invalid-request", "values must be numbers or null; got '" + v + "'");
            }
            values.add(v == null ? null : ((Number) v).doubleValue());
        }
        Object breaks = body.get("breaks");
        String breakText = breaks instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : breaks == null ? null : String.valueOf(breaks);
        ClassificationRequest request = ClassificationRequest.parse(text(body.get("method")), text(body.get("classes")),
                text(body.get("palette")), breakText, text(body.get("zeroClass")));
        Classification classification = classifier.classify(values, request);
        Map<String, Object> json = classification.json();
        json.put("assignments", values.stream().map(classification::classOf).toList());
        return json;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
