package org.patchwork.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.layers.AreaItems.AreaFeature;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * The OGC API of every by-area collection (counts, statistics, indicators): its parameters, paging, bbox, one feature
 * by id, links, and features whose geometry is an area of a boundary level (GeoJSON written by PostGIS, or an HTML
 * table of properties). The kind behind the collection only computes the features, protected for the viewer.
 */
@Component
class AreaFeaturePages {

    private static final Set<String> STANDARD = Set.of("bbox", "bbox-crs", "crs", "f", "limit", "offset");

    private final FeatureStore store;
    private final ObjectMapper json;
    private final OgcProperties properties;

    AreaFeaturePages(FeatureStore store, ObjectMapper json, OgcProperties properties) {
        this.store = store;
        this.json = json;
        this.properties = properties;
    }

    /** The features a page request selects: the page, how many the whole selection has, and in which CRS. */
    private record Selection(List<AreaFeature> page, long matched, long offset, int limit, OutputCrs crs, AreaItems.Features features) {
    }

    /** A page of items as GeoJSON or HTML, with self, alternate, next, previous and collection links. */
    void items(FeatureCollection collection, AreaItems items, HttpServletRequest request, HttpServletResponse response, boolean html)
            throws IOException {
        Selection selection = select(collection, items, request);
        selection.features().served().accept(selection.page().size());
        List<Link> links = OgcController.pageLinks(collection, html, selection.offset(), selection.limit(),
                selection.offset() + selection.page().size() < selection.matched(), properties);
        response.setHeader("Content-Crs", "<" + selection.crs().uri() + ">");
        if (html) {
            OgcController.writeHtml(response, OgcHtml.page(collection.title(), "<p>" + selection.features().intro() + "</p><p>"
                    + selection.matched() + " features match; showing " + selection.page().size() + " from " + (selection.offset() + 1)
                    + ".</p>" + OgcHtml.links(links) + OgcHtml.table(selection.page().stream().map(AreaFeature::properties).toList())));
            return;
        }
        response.setContentType(OgcController.GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        writeFeatures(items.level(), selection, out);
        out.write("],\"numberMatched\":" + selection.matched() + ",\"numberReturned\":" + selection.page().size()
                + ",\"links\":" + json.writeValueAsString(links) + "}");
    }

    /** One feature by id (an area's code, with its category where the collection has them), filtered like the items. */
    void item(FeatureCollection collection, AreaItems items, String featureId, HttpServletRequest request, HttpServletResponse response,
              boolean html) throws IOException {
        Map<String, String[]> params = request.getParameterMap();
        params.keySet().stream().filter(name -> !name.equals("crs") && !name.equals("f") && !collection.queryables().contains(name))
                .findFirst().ifPresent(name -> {
                    throw ApiProblem.badRequest("invalid-parameter", "Unknown parameter '" + name + "'; a feature of collection '"
                            + collection.id() + "' accepts crs, f and " + collection.queryables());
                });
        OutputCrs crs = FeatureQuery.crsParameter(params, "crs");
        AreaItems.Features features = items.source().features(collection, request);
        AreaFeature feature = features.all().stream().filter(f -> f.id().equals(featureId)).findFirst().orElseThrow(() ->
                ApiProblem.notFound("unknown-feature", "Collection '" + collection.id() + "' has no feature with id '" + featureId + "'"));
        features.served().accept(1);
        String self = ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString();
        List<Link> links = List.of(new Link(self, "self", html ? "text/html" : OgcController.GEOJSON, "This feature"),
                new Link(OgcController.withParam(self, "f", html ? "json" : "html"), "alternate", html ? OgcController.GEOJSON : "text/html",
                        "This feature as " + (html ? "GeoJSON" : "HTML")),
                new Link(OgcController.base() + "/collections/" + collection.id(), "collection", "application/json", collection.title()));
        response.setHeader("Content-Crs", "<" + crs.uri() + ">");
        if (html) {
            OgcController.writeHtml(response, OgcHtml.page(collection.title() + " " + featureId,
                    OgcHtml.links(links) + OgcHtml.table(List.of(feature.properties()))));
            return;
        }
        response.setContentType(OgcController.GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        store.areaFeatures(items.level(), crs, json.writeValueAsString(List.of(feature)), text -> write(out,
                text.substring(0, text.length() - 1) + ",\"links\":" + json.writeValueAsString(links) + "}"));
    }

    /** For exports: the page a request selects as a GeoJSON FeatureCollection, without links. */
    CollectionReader.Page page(FeatureCollection collection, AreaItems items, HttpServletRequest request, Writer out) throws IOException {
        Selection selection = select(collection, items, request);
        selection.features().served().accept(selection.page().size());
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        writeFeatures(items.level(), selection, out);
        out.write("]}");
        return new CollectionReader.Page(selection.page().size(), selection.matched());
    }

    private Selection select(FeatureCollection collection, AreaItems items, HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        params.forEach((name, values) -> {
            if (!STANDARD.contains(name) && !collection.queryables().contains(name)) {
                throw ApiProblem.badRequest("invalid-parameter", "Unknown parameter '" + name + "'. Collection '" + collection.id()
                        + "' can be filtered by " + collection.queryables() + " and accepts bbox, bbox-crs, crs, limit, offset and f");
            }
            if (values.length > 1) {
                throw ApiProblem.badRequest("invalid-parameter", "Parameter '" + name + "' is given more than once");
            }
        });
        OutputCrs crs = FeatureQuery.crsParameter(params, "crs");
        FeatureQuery.Bbox bbox = FeatureQuery.bboxParameters(params);
        // by default the whole selection in one page: a by-area collection is one area level, and read as a whole
        int limit = Math.min(params.containsKey("limit") ? FeatureQuery.positive("limit", params.get("limit")[0], 1)
                : properties.maxLimit(), properties.maxLimit());
        long offset = params.containsKey("offset") ? FeatureQuery.offset(params.get("offset")[0]) : 0;
        AreaItems.Features features = items.source().features(collection, request);
        List<AreaFeature> matching = features.all();
        if (bbox != null) {
            Set<String> inside = new HashSet<>(store.areaCodesIn(items.level(), bbox));
            matching = matching.stream().filter(f -> inside.contains(f.code())).toList();
        }
        List<AreaFeature> page = matching.stream().skip(offset).limit(limit).toList();
        return new Selection(page, matching.size(), offset, limit, crs, features);
    }

    private void writeFeatures(String level, Selection selection, Writer out) throws IOException {
        boolean[] first = {true};
        store.areaFeatures(level, selection.crs(), json.writeValueAsString(selection.page()), feature -> {
            write(out, first[0] ? feature : "," + feature);
            first[0] = false;
        });
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
