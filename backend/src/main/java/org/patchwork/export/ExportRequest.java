package org.patchwork.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patchwork.web.ApiProblem;

/**
 * A checked export request: the format, the EPSG code of the output (27700 British National Grid, the default,
 * or 4326 WGS84; KML and KMZ always 4326), for CSV how geometry is written (xy columns or WKT), and the
 * collection's own filters, which the collection checks as its items endpoint does.
 */
record ExportRequest(ExportFormat format, int srid, CsvGeometry csvGeometry, Map<String, String[]> filters) {

    enum CsvGeometry { XY, WKT }

    static ExportRequest parse(Map<String, String[]> params) {
        params.forEach((name, values) -> {
            if (values.length > 1) {
                throw ApiProblem.badRequest("invalid-parameter", "Parameter '" + name + "' is given more than once");
            }
        });
        String key = value(params, "format");
        if (key == null || key.isBlank()) {
            throw ApiProblem.badRequest("invalid-format", "Say which format to export with format=" + ExportFormat.keys());
        }
        ExportFormat format = ExportFormat.of(key.strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> ApiProblem.badRequest(
                "invalid-format", "Unknown export format '" + key + "'; formats: " + ExportFormat.keys()));
        int srid = srid(value(params, "crs"), format);
        CsvGeometry geometry = null;
        String geometryText = value(params, "geometry");
        if (geometryText != null) {
            if (format != ExportFormat.CSV) {
                throw ApiProblem.badRequest("invalid-parameter", "geometry=xy|wkt applies to format=csv only");
            }
            geometry = switch (geometryText) {
                case "xy" -> CsvGeometry.XY;
                case "wkt" -> CsvGeometry.WKT;
                default -> throw ApiProblem.badRequest("invalid-parameter", "geometry must be 'xy' (coordinate columns, points only) "
                        + "or 'wkt' (well-known text); got '" + geometryText + "'");
            };
        }
        Map<String, String[]> filters = new LinkedHashMap<>(params);
        filters.remove("format");
        filters.remove("crs");
        filters.remove("geometry");
        return new ExportRequest(format, srid, geometry, filters);
    }

    /** The output's EPSG code: 27700 unless asked otherwise, 4326 for KML; anything else is a specific 400. */
    static int srid(String crs, ExportFormat format) {
        if (crs == null || crs.isBlank()) {
            return format.wgs84Only() ? 4326 : 27700;
        }
        String code = crs.strip().replaceFirst("(?i)^(EPSG:|http://www\\.opengis\\.net/def/crs/EPSG/0/)", "");
        if (crs.strip().equals("http://www.opengis.net/def/crs/OGC/1.3/CRS84")) {
            code = "4326";
        }
        if (!code.equals("27700") && !code.equals("4326")) {
            throw ApiProblem.badRequest("invalid-crs", "Unsupported crs '" + crs + "'; exports are in 27700 (British National Grid, "
                    + "metres) or 4326 (WGS84 longitude/latitude)");
        }
        if (format.wgs84Only() && code.equals("27700")) {
            throw ApiProblem.badRequest("invalid-crs", format.title() + " is defined in WGS84 only: use crs=4326 or leave crs out");
        }
        return Integer.parseInt(code);
    }

    private static String value(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null ? null : values[0];
    }
}
