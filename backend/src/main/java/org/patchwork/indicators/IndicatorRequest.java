package org.patchwork.indicators;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.web.ApiProblem;

/**
 * The body of {@code POST /api/indicators}, read field by field from the JSON object so that every mistake
 * gets its own problem (a wrong type included), before anything is looked up or saved.
 */
record IndicatorRequest(String name, long datasetId, MeasureType measure, String statistic, List<String> categories,
                        YearMonth from, YearMonth to, String level) {

    private static final Set<String> FIELDS = Set.of("name", "datasetId", "measure", "statistic", "categories", "from", "to", "level");
    static final int MAX_NAME = 200;
    static final int MAX_CATEGORIES = 50;

    static IndicatorRequest parse(Map<String, Object> body) {
        if (body == null) {
            throw invalid("the body must be a JSON object with name, datasetId, measure and level");
        }
        List<String> unknown = body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw invalid("unknown fields " + unknown + "; an indicator has " + FIELDS.stream().sorted().toList());
        }
        String name = text(body, "name");
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw invalid("name is required: 1 to " + MAX_NAME + " characters");
        }
        Object id = body.get("datasetId");
        if (!(id instanceof Number number) || number.doubleValue() != number.longValue() || number.longValue() < 1) {
            throw invalid("datasetId is required: the id of a dataset (a positive whole number)");
        }
        String measureKey = text(body, "measure");
        MeasureType measure = MeasureType.of(measureKey).orElseThrow(() -> invalid("measure must be one of " + MeasureType.keys()
                + (measureKey == null ? "" : "; got '" + measureKey + "'")));
        String level = text(body, "level");
        if (level == null || !(IndicatorStore.isLevel(level) || level.equals(CustomAreaValues.LEVEL))) {
            throw invalid("level must be one of " + org.patchwork.geography.BoundaryLevel.keys() + " or custom (the custom areas)"
                    + (level == null ? "" : "; got '" + level + "'"));
        }
        String statistic = text(body, "statistic");
        List<String> categories = categories(body.get("categories"));
        YearMonth from = month(body, "from");
        YearMonth to = month(body, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw invalid("to (" + to + ") is before from (" + from + ")");
        }
        if (measure == MeasureType.AREA_STATISTIC) {
            if (statistic == null || statistic.isBlank()) {
                throw invalid("an area-statistic indicator needs statistic: the name of one of the dataset's measures");
            }
            if (!categories.isEmpty() || from != null || to != null) {
                throw invalid("categories, from and to filter events; an area-statistic indicator shows the statistic as loaded");
            }
        } else if (statistic != null) {
            throw invalid("statistic is only for area-statistic indicators; a " + measure.key() + " counts events");
        }
        return new IndicatorRequest(name.strip(), number(id), measure, statistic == null ? null : statistic.strip(), categories,
                from, to, level);
    }

    private static long number(Object id) {
        return ((Number) id).longValue();
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw invalid(field + " must be a string");
        }
        return (String) value;
    }

    private static List<String> categories(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("categories must be a list of category names (empty for all)");
        }
        if (list.size() > MAX_CATEGORIES) {
            throw invalid("at most " + MAX_CATEGORIES + " categories");
        }
        List<String> categories = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String category) || category.isBlank()) {
                throw invalid("categories must be non-empty strings");
            }
            if (categories.contains(category.strip())) {
                throw invalid("category '" + category.strip() + "' is listed twice");
            }
            categories.add(category.strip());
        }
        return List.copyOf(categories);
    }

    private static YearMonth month(Map<String, Object> body, String field) {
        String text = text(body, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field + " must be a month as YYYY-MM; got '" + text + "'");
        }
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-request", detail);
    }
}
