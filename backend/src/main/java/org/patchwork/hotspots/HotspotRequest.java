package org.patchwork.hotspots;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.web.ApiProblem;

/**
 * The body of {@code POST /api/hotspots}, read field by field so that every mistake gets its own problem
 * before anything is looked up or saved. Parameters a method does not take are refused, not ignored.
 *
 * @param bandwidth KDE bandwidth in metres; null = the normal-reference rule on the points
 * @param cellSize  KDE raster cell or Gi* grid cell side in metres (hexagons of the same area); null = from the extent
 * @param classes   KDE hotspot classes: {@code mean} (≥ 2×, 3×, 4× the mean cell) or {@code top} (the top share of cells)
 * @param share     the share of cells (KDE top) or of the study area (top areas) that is hotspot
 * @param grid      Gi* units: {@code hex}, {@code square} or {@code areas}
 * @param level     boundary level for Gi* on areas and top areas
 */
record HotspotRequest(long datasetId, List<String> categories, YearMonth from, YearMonth to, String method,
                      Double bandwidth, Double cellSize, String classes, double share, String grid, String level,
                      Double distanceBand) {

    static final List<String> METHODS = List.of("kde", "gistar", "top-areas");
    static final List<String> LEVELS = List.of("lsoa", "msoa", "ward", "district");
    static final double DEFAULT_SHARE = 0.05;
    private static final Set<String> FIELDS = Set.of("datasetId", "categories", "from", "to", "method", "parameters");
    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            "kde", Set.of("bandwidth", "cellSize", "classes", "share"),
            "gistar", Set.of("grid", "cellSize", "level", "distanceBand"),
            "top-areas", Set.of("level", "share"));
    private static final int MAX_MONTHS = 36;

    /** The months after {@code to}, as many as the run analyses: what its hotspots are tested against. */
    YearMonth nextFrom() {
        return to.plusMonths(1);
    }

    YearMonth nextTo() {
        return to.plusMonths(months());
    }

    int months() {
        return (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
    }

    /** The request as stored and shown: what was asked, defaults left null (the result has them filled in). */
    Map<String, Object> parametersJson() {
        Map<String, Object> p = new LinkedHashMap<>();
        switch (method) {
            case "kde" -> {
                p.put("bandwidth", bandwidth);
                p.put("cellSize", cellSize);
                p.put("classes", classes);
                p.put("share", share);
            }
            case "gistar" -> {
                p.put("grid", grid);
                if (distanceBand != null) {
                    p.put("distanceBand", distanceBand);
                }
                if (grid.equals("areas")) {
                    p.put("level", level);
                } else {
                    p.put("cellSize", cellSize);
                }
            }
            default -> {
                p.put("level", level);
                p.put("share", share);
            }
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    static HotspotRequest parse(Map<String, Object> body) {
        if (body == null) {
            throw invalid("the body must be a JSON object with datasetId, from, to and method");
        }
        List<String> unknown = body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw invalid("unknown fields " + unknown + "; a hotspot run has " + FIELDS.stream().sorted().toList());
        }
        Object id = body.get("datasetId");
        if (!(id instanceof Number number) || number.doubleValue() != number.longValue() || number.longValue() < 1) {
            throw invalid("datasetId is required: the id of an event dataset (a positive whole number)");
        }
        String method = body.get("method") instanceof String m ? m : null;
        if (method == null || !METHODS.contains(method)) {
            throw invalid("method must be one of " + METHODS + (method == null ? "" : "; got '" + method + "'"));
        }
        YearMonth from = month(body, "from");
        YearMonth to = month(body, "to");
        if (from == null || to == null) {
            throw invalid("from and to are required: the first and last month analysed, as YYYY-MM");
        }
        if (to.isBefore(from)) {
            throw invalid("to (" + to + ") is before from (" + from + ")");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw invalid("a run covers at most " + MAX_MONTHS + " months");
        }
        Object raw = body.getOrDefault("parameters", Map.of());
        if (!(raw instanceof Map<?, ?>)) {
            throw invalid("parameters must be a JSON object");
        }
        Map<String, Object> parameters = new LinkedHashMap<>((Map<String, Object>) raw);
        parameters.values().removeIf(java.util.Objects::isNull);
        List<String> foreign = parameters.keySet().stream().filter(k -> !PARAMETERS.get(method).contains(k)).sorted().toList();
        if (!foreign.isEmpty()) {
            throw invalid("method " + method + " takes the parameters " + PARAMETERS.get(method).stream().sorted().toList()
                    + "; not " + foreign);
        }
        Double bandwidth = metres(parameters, "bandwidth", 10, 20_000);
        Double cellSize = metres(parameters, "cellSize", 5, 5_000);
        Double distanceBand = metres(parameters, "distanceBand", 10, 20_000);
        String classes = choice(parameters, "classes", List.of("mean", "top"), "mean");
        double share = parameters.containsKey("share") ? number(parameters, "share") : DEFAULT_SHARE;
        if (!(share > 0 && share <= 0.5)) {
            throw invalid("share must be a fraction above 0 and at most 0.5 (e.g. 0.05 for 5%); got " + share);
        }
        String grid = choice(parameters, "grid", List.of("hex", "square", "areas"), "hex");
        String level = choice(parameters, "level", LEVELS, "lsoa");
        if (method.equals("gistar") && !grid.equals("areas") && parameters.containsKey("level")) {
            throw invalid("level is for Gi* on areas (grid: areas); a " + grid + " grid takes cellSize");
        }
        if (method.equals("gistar") && grid.equals("areas") && cellSize != null) {
            throw invalid("cellSize is for Gi* on a grid; on areas the areas are the units");
        }
        return new HotspotRequest(number.longValue(), categories(body.get("categories")), from, to, method, bandwidth, cellSize,
                classes, share, grid, level, distanceBand);
    }

    private static List<String> categories(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list) || list.stream().anyMatch(c -> !(c instanceof String s) || s.isBlank())) {
            throw invalid("categories must be a list of category names (empty or absent = every category)");
        }
        List<String> categories = new ArrayList<>();
        list.forEach(c -> {
            if (!categories.contains(((String) c).strip())) {
                categories.add(((String) c).strip());
            }
        });
        return List.copyOf(categories);
    }

    private static YearMonth month(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a month as YYYY-MM; got '" + value + "'");
        }
    }

    private static Double metres(Map<String, Object> parameters, String name, double min, double max) {
        if (!parameters.containsKey(name)) {
            return null;
        }
        double value = number(parameters, name);
        if (!(value >= min && value <= max)) {
            throw invalid(name + " must be between " + (int) min + " and " + (int) max + " metres; got " + value);
        }
        return value;
    }

    private static double number(Map<String, Object> parameters, String name) {
        if (!(parameters.get(name) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw invalid(name + " must be a number; got " + parameters.get(name));
        }
        return n.doubleValue();
    }

    private static String choice(Map<String, Object> parameters, String name, List<String> allowed, String fallback) {
        Object value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s) || !allowed.contains(s)) {
            throw invalid(name + " must be one of " + allowed + "; got '" + value + "'");
        }
        return s;
    }

    static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-request", detail);
    }
}
