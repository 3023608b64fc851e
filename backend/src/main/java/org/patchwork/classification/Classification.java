package org.patchwork.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classes and their legend: each class with its bounds, label, colour and the number of values in it, and
 * the values with nothing to show (withheld or missing). Value classes are [lower, next lower), the last
 * closed; a zero class, when asked for, holds exactly the zeros. Significance classes are keyed by the
 * comparison word (higher, similar, lower).
 *
 * @param kind      "value" or "significance"
 * @param method    the method's key, or "significance"
 * @param breaks    the lower bounds of the value classes after the first (after the zero class, if any)
 */
public record Classification(String kind, String method, String palette, boolean zeroClass, double[] breaks,
                             List<ClassBand> classes, ClassBand noData, int total) {

    public static final String NO_DATA_COLOUR = "#bdbdbd";

    /** One class of the legend; lower and upper null for significance classes, upper exclusive except the last. */
    public record ClassBand(String key, Double lower, Double upper, String label, String colour, int count) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("key", key);
            json.put("lower", lower);
            json.put("upper", upper);
            json.put("label", label);
            json.put("colour", colour);
            json.put("count", count);
            return json;
        }
    }

    /** The index in {@link #classes} of a value, or −1 when there is no number to show. */
    public int classOf(Double value) {
        if (value == null || !Double.isFinite(value) || !kind.equals("value") || classes.isEmpty()) {
            return -1;
        }
        if (zeroClass && value == 0) {
            return 0;
        }
        int index = zeroClass ? 1 : 0;
        for (double b : breaks) {
            if (value >= b) {
                index++;
            }
        }
        return Math.min(index, classes.size() - 1);
    }

    /** The index of a significance word (higher, similar, lower), −1 for anything else. */
    public int classOf(String comparison) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).key().equals(comparison)) {
                return i;
            }
        }
        return -1;
    }

    /** The colour of a class index, the no-data colour for −1. */
    public String colour(int index) {
        return index < 0 ? noData.colour() : classes.get(index).colour();
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put("method", method);
        json.put("palette", palette);
        json.put("zeroClass", zeroClass);
        List<Double> list = new ArrayList<>();
        for (double b : breaks) {
            list.add(b);
        }
        json.put("breaks", list);
        json.put("total", total);
        json.put("classes", classes.stream().map(ClassBand::json).toList());
        json.put("noData", noData.json());
        return json;
    }
}
