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
import java.util.Set;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.events.CountFilter;
import org.patchwork.events.EventCounts;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * Items of a count collection: every area of the level with the count of the dataset's events,
 * protected by the viewer's disclosure rule (suppressed counts are null with suppressed=true, never 0).
 */
@Component
class CountPages {

    private static final Set<String> PARAMETERS = Set.of("category", "from", "to", "crs", "f", "limit", "offset");

    private final EventCounts counts;
    private final AccessPolicy policy;
    private final FeatureStore store;
    private final ObjectMapper json;
    private final OgcProperties properties;

    CountPages(EventCounts counts, AccessPolicy policy, FeatureStore store, ObjectMapper json, OgcProperties properties) {
        this.counts = counts;
        this.policy = policy;
        this.store = store;
        this.json = json;
        this.properties = properties;
    }

    void write(FeatureCollection collection, HttpServletRequest request, HttpServletResponse response, boolean html)
            throws IOException {
        Map<String, String[]> params = request.getParameterMap();
        params.keySet().stream().filter(name -> !PARAMETERS.contains(name)).findFirst().ifPresent(name -> {
            throw ApiProblem.badRequest("invalid-parameter", "Unknown parameter '" + name + "'; count collections accept "
                    + PARAMETERS);
        });
        Access access = policy.require(collection.datasetId(), AccessLevel.PUBLIC, "ogc-counts");
        CountFilter filter = CountFilter.parse(request.getParameter("category"), request.getParameter("from"), request.getParameter("to"));
        OutputCrs crs = FeatureQuery.crsParameter(params, "crs");
        int limit = Math.min(params.containsKey("limit") ? FeatureQuery.positive("limit", request.getParameter("limit"), 1)
                : properties.maxLimit(), properties.maxLimit());
        long offset = params.containsKey("offset") ? FeatureQuery.offset(request.getParameter("offset")) : 0;

        EventCounts.CountTable table = counts.counts(collection.datasetId(), collection.level(), filter, access);
        List<EventCounts.AreaCount> page = table.areas().stream().skip(offset).limit(limit).toList();
        policy.audit("aggregate-access", collection.datasetId(), "ogc-counts", page.size(),
                ("level=" + collection.level() + " " + filter.describe()).strip());

        List<Map<String, Object>> properties = new ArrayList<>();
        for (EventCounts.AreaCount area : page) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", area.code());
            p.put("name", area.name());
            p.put("level", collection.level());
            p.put("count", area.count());
            p.put("suppressed", area.suppressed());
            p.put("reason", area.reason());
            p.put("category", filter.category());
            p.put("from", filter.from() == null ? null : filter.from().toString());
            p.put("to", filter.to() == null ? null : filter.to().toString());
            properties.add(p);
        }
        response.setHeader("Content-Crs", "<" + crs.uri() + ">");
        if (html) {
            OgcController.writeHtml(response, OgcHtml.page(collection.title(), "<p>" + table.areas().size()
                    + " areas. Suppressed counts are shown as null.</p>" + OgcHtml.table(properties)));
            return;
        }
        Map<String, String> geometries = store.areaGeometries(collection.level(), crs);
        response.setContentType(OgcController.GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < page.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String code = page.get(i).code();
            out.write("{\"type\":\"Feature\",\"id\":" + json.writeValueAsString(code) + ",\"geometry\":"
                    + geometries.getOrDefault(code, "null") + ",\"properties\":" + json.writeValueAsString(properties.get(i)) + "}");
        }
        List<Link> links = new ArrayList<>();
        links.add(new Link(ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(), "self", OgcController.GEOJSON, "This page"));
        if (offset + page.size() < table.areas().size()) {
            links.add(new Link(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", offset + limit)
                    .replaceQueryParam("limit", limit).build().toUriString(), "next", OgcController.GEOJSON, "Next page"));
        }
        out.write("],\"numberMatched\":" + table.areas().size() + ",\"numberReturned\":" + page.size()
                + ",\"links\":" + json.writeValueAsString(links) + "}");
    }
}
