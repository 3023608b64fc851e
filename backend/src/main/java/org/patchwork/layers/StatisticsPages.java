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
import org.patchwork.statistics.StatisticsSlices;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * Items of a statistics collection: one feature per area and category with the value of one measure
 * (the first unless {@code measure} is given) in one period (the latest unless {@code period}), protected
 * as the viewer's agreement requires (suppressed values are null with suppressed=true).
 */
@Component
class StatisticsPages {

    static final List<String> PARAMETERS = List.of("measure", "period", "category");
    private static final Set<String> ACCEPTED = Set.of("measure", "period", "category", "crs", "f", "limit", "offset");

    private final StatisticsSlices slices;
    private final FeatureStore store;
    private final ObjectMapper json;
    private final OgcProperties properties;

    StatisticsPages(StatisticsSlices slices, FeatureStore store, ObjectMapper json, OgcProperties properties) {
        this.slices = slices;
        this.store = store;
        this.json = json;
        this.properties = properties;
    }

    void write(FeatureCollection collection, HttpServletRequest request, HttpServletResponse response, boolean html) throws IOException {
        Map<String, String[]> params = request.getParameterMap();
        params.keySet().stream().filter(name -> !ACCEPTED.contains(name)).findFirst().ifPresent(name -> {
            throw ApiProblem.badRequest("invalid-parameter", "Unknown parameter '" + name + "'; statistics collections accept " + ACCEPTED);
        });
        OutputCrs crs = FeatureQuery.crsParameter(params, "crs");
        int limit = Math.min(params.containsKey("limit") ? FeatureQuery.positive("limit", request.getParameter("limit"), 1)
                : properties.maxLimit(), properties.maxLimit());
        long offset = params.containsKey("offset") ? FeatureQuery.offset(request.getParameter("offset")) : 0;
        StatisticsSlices.Slice slice = slices.slice(collection.datasetId(), "ogc-statistics", request.getParameter("measure"),
                request.getParameter("period"), request.getParameter("category"), true);
        List<StatisticsSlices.Value> page = slice.values().stream().skip(offset).limit(limit).toList();

        List<Map<String, Object>> rows = new ArrayList<>();
        for (StatisticsSlices.Value value : page) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", value.code());
            p.put("name", value.name());
            p.put("level", slice.level());
            p.put("measure", slice.measure());
            p.put("period", slice.period() == null ? null : slice.period().toString());
            p.put("category", value.category());
            p.put("value", value.value());
            p.put("suppressed", value.suppressed());
            rows.add(p);
        }
        response.setHeader("Content-Crs", "<" + crs.uri() + ">");
        if (html) {
            OgcController.writeHtml(response, OgcHtml.page(collection.title(), "<p>" + slice.values().size() + " values of "
                    + OgcHtml.escape(slice.measure()) + ". Suppressed values are shown as null.</p>" + OgcHtml.table(rows)));
            return;
        }
        Map<String, String> geometries = store.areaGeometries(slice.level(), crs);
        response.setContentType(OgcController.GEOJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < page.size(); i++) {
            StatisticsSlices.Value value = page.get(i);
            String id = value.category() == null ? value.code() : value.code() + ":" + value.category();
            out.write((i > 0 ? "," : "") + "{\"type\":\"Feature\",\"id\":" + json.writeValueAsString(id) + ",\"geometry\":"
                    + geometries.getOrDefault(value.code(), "null") + ",\"properties\":" + json.writeValueAsString(rows.get(i)) + "}");
        }
        List<Link> links = new ArrayList<>();
        links.add(new Link(ServletUriComponentsBuilder.fromCurrentRequest().build().toUriString(), "self", OgcController.GEOJSON, "This page"));
        if (offset + page.size() < slice.values().size()) {
            links.add(new Link(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", offset + limit)
                    .replaceQueryParam("limit", limit).build().toUriString(), "next", OgcController.GEOJSON, "Next page"));
        }
        out.write("],\"numberMatched\":" + slice.values().size() + ",\"numberReturned\":" + page.size()
                + ",\"links\":" + json.writeValueAsString(links) + "}");
    }
}
