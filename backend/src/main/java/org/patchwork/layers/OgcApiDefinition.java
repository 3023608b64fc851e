package org.patchwork.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 description of {@code /ogc} (the landing page's {@code service-desc}). GIS clients read
 * it: GDAL's OAPIF driver takes its page size from the {@code limit} parameter's maximum.
 */
final class OgcApiDefinition {

    static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.0";

    private OgcApiDefinition() {
    }

    static Map<String, Object> document(String serverUrl, OgcProperties properties) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("collectionId", pathParameter("collectionId", "lsoa, msoa, ward or district"));
        parameters.put("featureId", pathParameter("featureId", "the area code, e.g. E01006512"));
        parameters.put("limit", Map.of("name", "limit", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "Features per page; larger values are lowered to the maximum.",
                "schema", Map.of("type", "integer", "minimum", 1, "maximum", properties.maxLimit(),
                        "default", properties.defaultLimit())));
        parameters.put("offset", queryParameter("offset", "Features to skip (follow the next link rather than setting this).",
                Map.of("type", "integer", "minimum", 0, "default", 0)));
        parameters.put("bbox", Map.of("name", "bbox", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "minx,miny,maxx,maxy in bbox-crs (CRS84 by default); six numbers (with heights) are accepted, "
                        + "heights ignored; west above east in longitude crosses the antimeridian",
                "schema", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
        parameters.put("datetime", Map.of("name", "datetime", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "RFC 3339 date-time or interval; the boundary collections have no time, so any valid value keeps every area",
                "schema", Map.of("type", "string")));
        parameters.put("bbox-crs", queryParameter("bbox-crs", "CRS of bbox", Map.of("type", "string", "format", "uri", "enum", OutputCrs.uris())));
        parameters.put("crs", queryParameter("crs", "CRS of the returned geometry", Map.of("type", "string", "format", "uri", "enum", OutputCrs.uris())));
        parameters.put("f", queryParameter("f", "Representation", Map.of("type", "string", "enum", List.of("json", "html", "csv"))));

        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", operation("Landing page", List.of(), "application/json"));
        paths.put("/conformance", operation("Conformance classes", List.of(), "application/json"));
        paths.put("/collections", operation("Collections", List.of(), "application/json"));
        paths.put("/collections/{collectionId}", operation("One collection", List.of(ref("collectionId")), "application/json"));
        paths.put("/collections/{collectionId}/items", operation("Features, filterable by the collection's properties "
                        + "(e.g. lad_code=E08000012)",
                List.of(ref("collectionId"), ref("limit"), ref("offset"), ref("bbox"), ref("bbox-crs"), ref("datetime"), ref("crs"), ref("f")),
                "application/geo+json"));
        paths.put("/collections/{collectionId}/items/{featureId}", operation("One feature",
                List.of(ref("collectionId"), ref("featureId"), ref("crs"), ref("f")), "application/geo+json"));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Patchwork OGC API – Features", "version", "1.0.0",
                "description", "Neighbourhood boundaries with population and deprivation. Errors are RFC 9457 problem+json."));
        document.put("servers", List.of(Map.of("url", serverUrl)));
        document.put("paths", paths);
        document.put("components", Map.of("parameters", parameters));
        return document;
    }

    private static Map<String, Object> operation(String summary, List<Object> parameters, String mediaType) {
        return Map.of("get", Map.of("summary", summary, "parameters", parameters, "responses", Map.of(
                "200", Map.of("description", "OK", "content", Map.of(mediaType, Map.of(), "text/html", Map.of())),
                "400", Map.of("description", "Invalid parameter", "content", Map.of("application/problem+json", Map.of())),
                "404", Map.of("description", "Unknown collection or feature", "content", Map.of("application/problem+json", Map.of())))));
    }

    private static Map<String, Object> pathParameter(String name, String description) {
        return Map.of("name", name, "in", "path", "required", true, "description", description, "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> queryParameter(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "query", "required", false, "description", description, "schema", schema);
    }

    private static Map<String, Object> ref(String parameter) {
        return Map.of("$ref", "#/components/parameters/" + parameter);
    }
}
