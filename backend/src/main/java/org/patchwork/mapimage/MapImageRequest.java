package org.patchwork.mapimage;

import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.patchwork.classification.ClassificationRequest;
import org.patchwork.web.ApiProblem;

/**
 * A map image request, checked: what to draw (an indicator; an event dataset's counts, as the web map shows
 * them, by dataset, category, from, to and level; or a collection: a boundary level or a hotspot layer), the frame (bbox in WGS84 longitude/latitude, or British National Grid metres with bbox-crs=EPSG:27700;
 * by default the extent of the areas), the size, the format and the classification.
 */
record MapImageRequest(Long indicator, Long dataset, String category, String from, String to, String collection, double[] bbox, boolean bboxInBng, int width, int height, String format,
                       String title, String level, String within, ClassificationRequest classification, String by, String comparator,
                       String hotspots) {

    static final int MIN_SIZE = 200;
    static final int MAX_SIZE = 3000;

    static MapImageRequest parse(Map<String, String> p, boolean briefing) {
        Long indicator = id(p, "indicator");
        Long dataset = id(p, "dataset");
        String collection = blankToNull(p.get("collection"));
        int subjects = (indicator == null ? 0 : 1) + (dataset == null ? 0 : 1) + (collection == null || briefing ? 0 : 1);
        if (subjects != 1 && !(briefing && collection != null && indicator == null && dataset == null)) {
            throw ApiProblem.badRequest("invalid-parameter", "give one of indicator={id}, dataset={id} (an event dataset's counts) "
                    + "or collection={collectionId}");
        }
        String format = briefing ? "pdf" : p.getOrDefault("format", "png").strip().toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("png") && !format.equals("pdf")) {
            throw ApiProblem.badRequest("invalid-parameter", "format must be png or pdf; got '" + format + "'");
        }
        String crs = blankToNull(p.get("bbox-crs"));
        boolean bng = crs != null && (crs.endsWith("27700") || crs.endsWith("EPSG/0/27700"));
        if (crs != null && !bng && !crs.endsWith("CRS84") && !crs.endsWith("4326")) {
            throw ApiProblem.badRequest("invalid-crs", "bbox-crs must be EPSG:27700 or CRS84 (WGS84 longitude/latitude); got '" + crs + "'");
        }
        String title = blankToNull(p.get("title"));
        if (title != null && title.length() > 200) {
            throw ApiProblem.badRequest("invalid-parameter", "title must be at most 200 characters");
        }
        return new MapImageRequest(indicator, dataset, blankToNull(p.get("category")), blankToNull(p.get("from")),
                blankToNull(p.get("to")), collection, bbox(p.get("bbox"), bng), bng, size(p, "width", briefing ? 1000 : 1200),
                size(p, "height", briefing ? 760 : 800), format, title, blankToNull(p.get("level")), blankToNull(p.get("within")),
                ClassificationRequest.parse(p.get("method"), p.get("classes"), p.get("palette"), p.get("breaks"), p.get("zeroClass")),
                blankToNull(p.get("by")), blankToNull(p.get("comparator")), briefing ? collection : blankToNull(p.get("hotspots")));
    }

    /** The frame in British National Grid, given a conversion from longitude/latitude. */
    Envelope frame(java.util.function.Function<double[], Envelope> fromLonLat) {
        if (bbox == null) {
            return null;
        }
        return bboxInBng ? new Envelope(bbox[0], bbox[2], bbox[1], bbox[3]) : fromLonLat.apply(bbox);
    }

    private static Long id(Map<String, String> p, String name) {
        String text = blankToNull(p.get(name));
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-parameter", name + " must be an id (a number); got '" + text + "'");
        }
    }

    private static double[] bbox(String text, boolean bng) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        double[] b = new double[4];
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(b[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-bbox", "bbox must be four numbers: minx,miny,maxx,maxy; got '" + text + "'");
        }
        boolean ordered = b[0] < b[2] && b[1] < b[3];
        boolean inRange = bng ? b[0] >= -100_000 && b[2] <= 800_000 && b[1] >= -100_000 && b[3] <= 1_400_000
                : b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;
        if (!ordered || !inRange) {
            throw ApiProblem.badRequest("invalid-bbox", "bbox must run from its south-west corner to its north-east corner and lie "
                    + (bng ? "within British National Grid (metres)" : "within longitude -180..180 and latitude -90..90") + "; got '" + text + "'");
        }
        return b;
    }

    private static int size(Map<String, String> p, String name, int fallback) {
        String text = blankToNull(p.get(name));
        if (text == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < MIN_SIZE || value > MAX_SIZE) {
            throw ApiProblem.badRequest("invalid-parameter", name + " must be a whole number of pixels from " + MIN_SIZE + " to "
                    + MAX_SIZE + "; got '" + text + "'");
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
