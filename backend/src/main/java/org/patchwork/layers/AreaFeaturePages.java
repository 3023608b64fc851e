package org.patchwork.layers;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * What count and statistics collections share: their paging parameters, and writing one page of
 * features whose geometry is an area of a boundary level (GeoJSON written by PostGIS, or an HTML table of properties).
 */
@Component
public class AreaFeaturePages {

    private final FeatureStore store;
    private final ObjectMapper json;
    private final OgcProperties properties;

    AreaFeaturePages(FeatureStore store, ObjectMapper json, OgcProperties properties) {
        this.store = store;
        this.json = json;
        this.properties = properties;
    }

    /** Which page, in which CRS. */
    public record Paging(OutputCrs crs, int limit, long offset) {
    }

    /** One feature: its id, the code of the area it is drawn as, and its properties. */
    public record AreaFeature(String id, String code, Map<String, Object> properties) {
    }

    /** A parameter the collection does not take is 400 (the {@code kind} of collection in the message). */
    public static void rejectUnknown(Map<String, String[]> params, Set<String> accepted, String kind) {
        params.keySet().stream().filter(name -> !accepted.contains(name)).findFirst().ifPresent(name -> {
            throw ApiProblem.badRequest("invalid-parameter", "Unknown parameter '" + name + "'; " + kind + " collections accept " + accepted);
        });
    }

    /** The page asked for: crs, limit (default and most: the configured maximum) and offset. */
    public Paging paging(Map<String, String[]> params) {
        OutputCrs crs = FeatureQuery.crsParameter(params, "crs");
        int limit = Math.min(params.containsKey("limit") ? FeatureQuery.positive("limit", params.get("limit")[0], 1)
                : properties.maxLimit(), properties.maxLimit());
        long offset = params.containsKey("offset") ? FeatureQuery.offset(params.get("offset")[0]) : 0;
        return new Paging(crs, limit, offset);
    }

    /** Writes {@code page} of {@code matched} features drawn as areas of {@code level}, with a next link when more follow. */
    public void write(HttpServletResponse response, String title, String level, Paging paging, List<AreaFeature> page, long matched,
               String htmlIntro, boolean html) throws IOException {
        response.setHeader("Content-Crs", "<" + paging.crs().uri() + ">");
        if (html) {
            OgcController.writeHtml(response, OgcHtml.page(title, "<p>" + htmlIntro + "</p>"
                    + OgcHtml.table(page.stream().map(AreaFeature::properties).toList())));
            return;
        }
        response.setContentType(OgcController.GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean[] first = {true};
        store.areaFeatures(level, paging.crs(), json.writeValueAsString(page), feature -> {
            try {
                out.write(first[0] ? feature : "," + feature);
                first[0] = false;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<Link> links = new ArrayList<>();
        links.add(new Link(ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(), "self", OgcController.GEOJSON, "This page"));
        if (paging.offset() + page.size() < matched) {
            links.add(new Link(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", paging.offset() + paging.limit())
                    .replaceQueryParam("limit", OgcController.nextLimit(paging.limit(), false, properties)).build().toUriString(), "next",
                    OgcController.GEOJSON, "Next page"));
        }
        out.write("],\"numberMatched\":" + matched + ",\"numberReturned\":" + page.size() + ",\"links\":" + json.writeValueAsString(links) + "}");
    }
}
