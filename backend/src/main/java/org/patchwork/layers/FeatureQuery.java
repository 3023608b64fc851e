package org.patchwork.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.patchwork.web.ApiProblem;

/**
 * A checked request for a page of features: every parameter is validated here, so the SQL built from
 * it only ever holds catalogue names and bound values.
 */
record FeatureQuery(FeatureCollection collection, double[] bbox, OutputCrs bboxCrs, OutputCrs crs,
                    int limit, long offset, Map<String, String> filters) {

    private static final Set<String> STANDARD = Set.of("bbox", "bbox-crs", "crs", "limit", "offset", "f");

    static FeatureQuery parse(FeatureCollection collection, Map<String, String[]> params, OgcProperties properties) {
        for (var entry : params.entrySet()) {
            if (entry.getValue().length > 1) {
                throw ApiProblem.badRequest("invalid-parameter", "Parameter '" + entry.getKey() + "' is given more than once");
            }
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : params.keySet()) {
            if (STANDARD.contains(name)) {
                continue;
            }
            if (name.equals("datetime") && collection.datasetId() == null) {
                checkDatetime(params.get(name)[0]);   // open collections (boundary sets) have no time: a valid datetime keeps them all
                continue;
            }
            if (!collection.queryables().contains(name)) {
                throw ApiProblem.badRequest("invalid-parameter", "Unknown parameter '" + name + "'. Collection '"
                        + collection.id() + "' can be filtered by " + collection.queryables()
                        + " and accepts bbox, bbox-crs, crs, limit, offset and f");
            }
            filters.put(name, params.get(name)[0]);
        }
        OutputCrs crs = crsParameter(params, "crs");
        Bbox bbox = bboxParameters(params);
        int limit = params.containsKey("limit") ? positive("limit", params.get("limit")[0], 1) : properties.defaultLimit();
        long offset = params.containsKey("offset") ? offset(params.get("offset")[0]) : 0;
        return new FeatureQuery(collection, bbox == null ? null : bbox.xy(), bbox == null ? OutputCrs.CRS84 : bbox.crs(), crs,
                Math.min(limit, properties.maxLimit()), offset, filters);
    }

    /** A checked bbox: minx, miny, maxx, maxy in its CRS's x/y (easting or longitude first). */
    record Bbox(double[] xy, OutputCrs crs) {
    }

    /** The bbox and bbox-crs parameters, or null when there is no bbox. */
    static Bbox bboxParameters(Map<String, String[]> params) {
        OutputCrs bboxCrs = crsParameter(params, "bbox-crs");
        if (!params.containsKey("bbox")) {
            if (params.containsKey("bbox-crs")) {
                throw ApiProblem.badRequest("invalid-parameter", "bbox-crs is only meaningful together with bbox");
            }
            return null;
        }
        return new Bbox(bbox(params.get("bbox")[0], bboxCrs), bboxCrs);
    }

    /** One feature takes only {@code crs} (and {@code f}); anything else would be silently ignored, so it is refused. */
    static OutputCrs parseForOneFeature(Map<String, String[]> params) {
        params.keySet().stream().filter(name -> !name.equals("crs") && !name.equals("f")).findFirst().ifPresent(name -> {
            throw ApiProblem.badRequest("invalid-parameter", "Unknown parameter '" + name + "'; one feature accepts only crs and f");
        });
        return crsParameter(params, "crs");
    }

    /** The bbox as minx, miny, maxx, maxy in the bbox CRS's x/y (easting/longitude first). */
    private static double[] bbox(String text, OutputCrs bboxCrs) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 6) {
            throw ApiProblem.badRequest("invalid-bbox", "bbox must be four comma-separated numbers "
                    + "(minx,miny,maxx,maxy in the bbox-crs axis order), or six with heights; got '" + text + "'");
        }
        if (parts.length == 6) {   // minx,miny,minz,maxx,maxy,maxz: the areas have no height, so only x and y select
            parts = new String[] {parts[0], parts[1], parts[3], parts[4]};
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("invalid-bbox", "bbox value '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw ApiProblem.badRequest("invalid-bbox", "bbox value '" + parts[i] + "' is not a finite number");
            }
        }
        double[] xy = bboxCrs.latitudeFirst() ? new double[] {v[1], v[0], v[3], v[2]} : v;
        // In longitude/latitude a west edge east of the east edge crosses the antimeridian (OGC API Features 1, 7.15.3)
        boolean crossesAntimeridian = bboxCrs.srid() == 4326 && xy[0] > xy[2];
        if (!crossesAntimeridian && xy[0] > xy[2] || xy[1] > xy[3]) {
            throw ApiProblem.badRequest("invalid-bbox", "bbox lower corner must be below and left of the upper corner; got '"
                    + text + "'");
        }
        if (bboxCrs.srid() == 4326 && (xy[0] < -180 || xy[0] > 180 || xy[2] < -180 || xy[2] > 180 || xy[1] < -90 || xy[3] > 90)) {
            throw ApiProblem.badRequest("invalid-bbox", "bbox '" + text + "' is outside the range of longitude and latitude; "
                    + "for British National Grid metres add bbox-crs=" + OutputCrs.BRITISH_NATIONAL_GRID.uri());
        }
        return xy;
    }

    /** An RFC 3339 date or date-time, or an interval of two with '..' or nothing for an open end. */
    private static void checkDatetime(String value) {
        String[] ends = value.split("/", -1);
        boolean valid = ends.length == 1 || ends.length == 2 && !(open(ends[0]) && open(ends[1]));   // one end at least
        for (int i = 0; valid && i < ends.length; i++) {
            String end = ends[i];
            valid = ends.length == 2 && open(end) || isDateOrDateTime(end);
        }
        if (!valid) {
            throw ApiProblem.badRequest("invalid-parameter", "datetime must be an RFC 3339 date or date-time, or an interval "
                    + "start/end with '..' for an open end; got '" + value + "'");
        }
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static boolean isDateOrDateTime(String text) {
        try {
            if (text.length() == 10) {
                java.time.LocalDate.parse(text);
            } else {
                java.time.OffsetDateTime.parse(text);
            }
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    static OutputCrs crsParameter(Map<String, String[]> params, String name) {
        if (!params.containsKey(name)) {
            return OutputCrs.CRS84;
        }
        String value = params.get(name)[0];
        return OutputCrs.fromUri(value).orElseThrow(() -> ApiProblem.badRequest("invalid-crs",
                "Unsupported " + name + " '" + value + "'; supported: " + OutputCrs.uris()));
    }

    static long offset(String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-parameter", "offset must be a whole number of at least 0; got '" + value + "'");
    }

    static int positive(String name, String value, int minimum) {
        try {
            int n = Integer.parseInt(value);
            if (n >= minimum) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-parameter", name + " must be a whole number of at least " + minimum
                + "; got '" + value + "'");
    }
}
