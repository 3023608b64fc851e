package org.patchwork.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.AccessPolicy;
import org.patchwork.tiles.OgcTiles;
import org.patchwork.tiles.TileLink;
import org.patchwork.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * OGC API – Features at {@code /ogc}: landing page, conformance, collections and items, in JSON
 * (GeoJSON for features) or HTML, chosen by {@code f=json|html} or the Accept header.
 */
@RestController
@RequestMapping("/ogc")
class OgcController {

    static final String GEOJSON = "application/geo+json";
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

    private final FeatureStore store;
    private final OgcProperties properties;
    private final ObjectMapper json;
    private final CollectionCatalogue catalogue;
    private final AccessPolicy policy;
    private final OgcTiles tiles;
    private final List<CollectionFormats> formats;
    private final AreaFeaturePages areaPages;

    OgcController(FeatureStore store, OgcProperties properties, ObjectMapper json, CollectionCatalogue catalogue,
                  AccessPolicy policy, OgcTiles tiles, List<CollectionFormats> formats, AreaFeaturePages areaPages) {
        this.areaPages = areaPages;
        this.store = store;
        this.properties = properties;
        this.json = json;
        this.catalogue = catalogue;
        this.policy = policy;
        this.tiles = tiles;
        this.formats = formats;
    }

    @GetMapping({"", "/"})
    void landing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = base();
        List<Link> links = new ArrayList<>(List.of(
                new Link(base, "self", "application/json", "This document"),
                new Link(base + "?f=html", "alternate", "text/html", "This document as HTML"),
                new Link(base + "/api", "service-desc", OgcApiDefinition.MEDIA_TYPE, "API definition (OpenAPI 3.0)"),
                new Link(base + "/conformance", "conformance", "application/json", "Conformance classes"),
                new Link(base + "/collections", "data", "application/json", "Collections")));
        links.addAll(links(tiles.landingLinks(base)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Patchwork");
        body.put("description", "Neighbourhood boundaries, population and deprivation for the partnership area");
        body.put("links", links);
        respond(request, response, body, () -> OgcHtml.page("Patchwork OGC API – Features",
                "<p>" + OgcHtml.escape((String) body.get("description")) + "</p>" + OgcHtml.links(links)));
    }

    @GetMapping("/api")
    void api(HttpServletResponse response) throws IOException {
        response.setContentType(OgcApiDefinition.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> document = OgcApiDefinition.document(base(), properties);
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.putAll(tiles.openApiPaths());
        response.getWriter().write(json.writeValueAsString(document));
    }

    @GetMapping("/conformance")
    void conformance(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> conformance = new ArrayList<>(CONFORMANCE);
        conformance.addAll(tiles.conformance());
        respond(request, response, Map.of("conformsTo", conformance), () -> OgcHtml.page("Conformance",
                "<ul>" + conformance.stream().map(c -> "<li>" + OgcHtml.escape(c) + "</li>").reduce("", String::concat) + "</ul>"));
    }

    @GetMapping("/collections")
    void collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> collections = catalogue.visible().stream().map(this::describe).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(new Link(base() + "/collections", "self", "application/json", "This document"),
                new Link(base() + "/collections?f=html", "alternate", "text/html", "This document as HTML")));
        body.put("crs", OutputCrs.uris());
        body.put("collections", collections);
        respond(request, response, body, () -> OgcHtml.page("Collections", collections.stream()
                .map(c -> "<h2><a href=\"" + OgcHtml.escape(base() + "/collections/" + c.get("id")) + "?f=html\">"
                        + OgcHtml.escape((String) c.get("title")) + "</a></h2><p>" + OgcHtml.escape((String) c.get("description")) + "</p>")
                .reduce("", String::concat)));
    }

    @GetMapping("/collections/{collectionId}")
    void collection(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        FeatureCollection collection = catalogue.find(collectionId, "ogc-collection");
        Map<String, Object> body = describe(collection);
        @SuppressWarnings("unchecked")
        List<Link> links = (List<Link>) body.get("links");
        respond(request, response, body, () -> OgcHtml.page((String) body.get("title"),
                "<p>" + OgcHtml.escape((String) body.get("description")) + "</p><p>Filter by: "
                        + OgcHtml.escape(String.join(", ", collection.queryables())) + "</p>" + OgcHtml.links(links)));
    }

    @GetMapping("/collections/{collectionId}/items")
    void items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        FeatureCollection collection = catalogue.find(collectionId, "ogc-items");
        for (CollectionFormats format : formats) {   // f=csv and the like, from the export feature
            if (format.servesItems(request.getParameter("f"))) {
                format.writeItems(request.getParameter("f"), collection, request, response);
                return;
            }
        }
        boolean html = wantsHtml(request);
        if (collection.items() instanceof AreaItems byArea) {
            areaPages.items(collection, byArea, request, response, html);
            return;
        }
        FeatureQuery query = FeatureQuery.parse(collection, request.getParameterMap(), properties);
        long matched = store.count(query);
        List<String> features = new ArrayList<>(Math.min(query.limit() + 1, 1024));
        int fetched = store.page(query, features::add);
        boolean hasNext = fetched > query.limit();
        if (hasNext) {
            features.remove(features.size() - 1);
        }
        List<Link> links = pageLinks(collection, html, query.offset(), query.limit(), hasNext, properties);
        response.setHeader("Content-Crs", "<" + query.crs().uri() + ">");
        if (collection.isRecordLevel()) {
            policy.audit("record-access", collection.datasetId(), "ogc-items", features.size(), query.filters().toString());
        }
        if (html) {
            writeHtml(response, OgcHtml.page(collection.title(), "<p>" + matched + " features match; showing "
                    + features.size() + " from " + (query.offset() + 1) + ".</p>" + OgcHtml.links(links)
                    + OgcHtml.table(features.stream().map(this::properties).toList())));
            return;
        }
        response.setContentType(GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < features.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(features.get(i));
        }
        out.write("],\"numberMatched\":" + matched + ",\"numberReturned\":" + features.size() + ",\"links\":");
        out.write(json.writeValueAsString(links));
        out.write('}');
    }

    @GetMapping("/collections/{collectionId}/items/{featureId}")
    void item(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        FeatureCollection collection = catalogue.find(collectionId, "ogc-item");
        boolean html = wantsHtml(request);
        if (collection.items() instanceof AreaItems byArea) {
            areaPages.item(collection, byArea, featureId, request, response, html);
            return;
        }
        OutputCrs crs = FeatureQuery.parseForOneFeature(request.getParameterMap());
        String feature = store.one(collection, featureId, crs).orElseThrow(() -> ApiProblem.notFound("unknown-feature",
                "Collection '" + collectionId + "' has no feature with id '" + featureId + "'"));
        if (collection.isRecordLevel()) {
            policy.audit("record-access", collection.datasetId(), "ogc-item", 1, featureId);
        }
        response.setHeader("Content-Crs", "<" + crs.uri() + ">");
        String self = base() + "/collections/" + collection.id() + "/items/" + featureId;
        List<Link> links = List.of(new Link(self, "self", GEOJSON, "This feature"),
                new Link(self + "?f=html", "alternate", "text/html", "This feature as HTML"),
                new Link(base() + "/collections/" + collection.id(), "collection", "application/json", collection.title()));
        if (html) {
            writeHtml(response, OgcHtml.page(collection.title() + " " + featureId,
                    OgcHtml.links(links) + OgcHtml.table(List.of(properties(feature)))));
            return;
        }
        response.setContentType(GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write(feature, 0, feature.length() - 1);
        out.write(",\"links\":" + json.writeValueAsString(links) + "}");
    }

    private Map<String, Object> describe(FeatureCollection collection) {
        String href = base() + "/collections/" + collection.id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", collection.id());
        body.put("title", collection.title());
        body.put("description", collection.description());
        body.put("itemType", "feature");
        store.extent(collection).ifPresent(bbox -> body.put("extent", Map.of("spatial",
                Map.of("bbox", List.of(bbox), "crs", OutputCrs.CRS84.uri()))));
        body.put("crs", OutputCrs.uris());
        body.put("storageCrs", OutputCrs.STORAGE.uri());
        List<Link> links = new ArrayList<>(List.of(
                new Link(href, "self", "application/json", "This collection"),
                new Link(href + "?f=html", "alternate", "text/html", "This collection as HTML"),
                new Link(href + "/items", "items", GEOJSON, "Features as GeoJSON"),
                new Link(href + "/items?f=html", "items", "text/html", "Features as HTML")));
        links.addAll(links(tiles.collectionLinks(base(), collection.id())));
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        formats.forEach(format -> format.links(root, collection).forEach(l -> links.add(new Link(l.href(), l.rel(), l.type(), l.title()))));
        body.put("links", links);
        return body;
    }

    private static List<Link> links(List<TileLink> tileLinks) {
        return tileLinks.stream().map(l -> new Link(l.href(), l.rel(), l.type(), l.title())).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String featureJson) {
        Map<String, Object> feature = json.readValue(featureJson, Map.class);
        return (Map<String, Object>) feature.get("properties");
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, Object body,
                         java.util.function.Supplier<String> html) throws IOException {
        if (wantsHtml(request)) {
            writeHtml(response, html.get());
            return;
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }

    static void writeHtml(HttpServletResponse response, String page) throws IOException {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(page);
    }

    static boolean wantsHtml(HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f != null) {
            if (!f.equals("json") && !f.equals("html")) {
                throw ApiProblem.badRequest("invalid-parameter", "f must be 'json' or 'html'; got '" + f + "'");
            }
            return f.equals("html");
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * The limit a next link asks for: the page size asked for, except that GeoJSON pages smaller than the default page
     * size grow to the maximum. GDAL's OAPIF driver before 3.8 (QGIS's, Debian 12's) always asks for 10 features and
     * follows next links as given, so without this a whole collection takes one request per 10 features.
     */
    static int nextLimit(int limit, boolean html, OgcProperties properties) {
        return html || limit >= properties.defaultLimit() ? limit : properties.maxLimit();
    }

    /** A page's links: self, the alternate encoding, next and previous where there are more, and its collection. */
    static List<Link> pageLinks(FeatureCollection collection, boolean html, long offset, int limit, boolean hasNext, OgcProperties properties) {
        String type = html ? "text/html" : GEOJSON;
        List<Link> links = new ArrayList<>();
        String self = ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
        links.add(new Link(self, "self", type, "This page"));
        links.add(new Link(withParam(self, "f", html ? "json" : "html"), "alternate", html ? GEOJSON : "text/html", "This page as " + (html ? "GeoJSON" : "HTML")));
        if (hasNext) {
            links.add(new Link(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", offset + limit)
                    .replaceQueryParam("limit", nextLimit(limit, html, properties)).build().toUriString(), "next", type, "Next page"));
        }
        if (offset > 0) {
            links.add(new Link(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", Math.max(0, offset - limit))
                    .replaceQueryParam("limit", limit).build().toUriString(), "prev", type, "Previous page"));
        }
        links.add(new Link(base() + "/collections/" + collection.id(), "collection", "application/json", collection.title()));
        return links;
    }

    static String withParam(String url, String name, String value) {
        return ServletUriComponentsBuilder.fromUriString(url).replaceQueryParam(name, value).build().toUriString();
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").build().toUriString();
    }
}
