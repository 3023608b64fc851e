package org.patchwork.customareas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchwork.web.ApiProblem;

/**
 * The body of {@code POST /api/custom-areas}: a name and either {@code lsoas} (a list of LSOA codes, or one
 * text with codes separated by commas, spaces or new lines, as pasted) or {@code geometry} (a GeoJSON
 * Polygon or MultiPolygon in longitude/latitude, as drawn), checked field by field before anything is read.
 */
record CustomAreaRequest(String name, List<String> lsoas, Map<?, ?> geometry) {

    static final int MAX_NAME = 200;
    static final int MAX_LSOAS = 35_000;
    private static final Set<String> FIELDS = Set.of("name", "lsoas", "geometry");

    static CustomAreaRequest parse(Map<String, Object> body) {
        if (body == null) {
            throw invalid("the body must be a JSON object with name and either lsoas or geometry");
        }
        List<String> unknown = body.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw invalid("unknown fields " + unknown + "; a custom area has name and either lsoas or geometry");
        }
        if (!(body.get("name") instanceof String name) || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw invalid("name is required: 1 to " + MAX_NAME + " characters");
        }
        Object lsoas = body.get("lsoas");
        Object geometry = body.get("geometry");
        if ((lsoas == null) == (geometry == null)) {
            throw invalid("give either lsoas (LSOA codes) or geometry (a GeoJSON polygon drawn on the map), not both or neither");
        }
        if (geometry != null) {
            return new CustomAreaRequest(name.strip(), null, polygon(geometry));
        }
        return new CustomAreaRequest(name.strip(), codes(lsoas), null);
    }

    /** The codes, upper case, each once, in order; a text is split on commas, semicolons, spaces and new lines. */
    private static List<String> codes(Object value) {
        List<Object> items = new ArrayList<>();
        if (value instanceof String text) {
            items.addAll(List.of((Object[]) text.split("[\\s,;]+")));
        } else if (value instanceof List<?> list) {
            items.addAll(list);
        } else {
            throw invalid("lsoas must be a list of LSOA codes, e.g. [\"E01006512\", \"E01006513\"], or a text of codes");
        }
        TreeSet<String> codes = new TreeSet<>();
        for (Object item : items) {
            if (!(item instanceof String code)) {
                throw invalid("lsoas must contain LSOA codes as strings");
            }
            if (!code.isBlank()) {
                codes.add(code.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (codes.isEmpty()) {
            throw invalid("lsoas lists no LSOA code");
        }
        if (codes.size() > MAX_LSOAS) {
            throw invalid("a custom area has at most " + MAX_LSOAS + " LSOAs; got " + codes.size());
        }
        return new ArrayList<>(codes);
    }

    private static Map<?, ?> polygon(Object value) {
        Object geometry = value instanceof Map<?, ?> map && "Feature".equals(map.get("type")) ? map.get("geometry") : value;
        if (!(geometry instanceof Map<?, ?> map) || !("Polygon".equals(map.get("type")) || "MultiPolygon".equals(map.get("type")))
                || !(map.get("coordinates") instanceof List<?>)) {
            throw invalid("geometry must be a GeoJSON Polygon or MultiPolygon (longitude, latitude), as drawn on the map");
        }
        return map;
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-request", detail);
    }
}
