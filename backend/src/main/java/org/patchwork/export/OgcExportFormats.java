package org.patchwork.export;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.layers.CollectionFormats;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * The export formats as the OGC API offers them: each collection links to its exports ({@code rel=enclosure}, with the
 * format's media type), and its items answer {@code f=csv} with a plain CSV file (formulas neutralised) of the page
 * asked for, or of every feature the filters select when no limit or offset is given.
 */
@Component
class OgcExportFormats implements CollectionFormats {

    private final Exporter exporter;

    OgcExportFormats(Exporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public List<Download> links(String root, FeatureCollection collection) {
        List<Download> links = new ArrayList<>();
        links.add(new Download(root + "/ogc/collections/" + collection.id() + "/items?f=csv", "items", "text/csv", "Features as CSV"));
        Arrays.stream(ExportFormat.values()).filter(format -> !format.raster()).forEach(format -> links.add(new Download(
                root + "/api/export/" + collection.id() + "?format=" + format.key(), "enclosure", format.mediaType(),
                "Whole collection as " + format.title())));
        return links;
    }

    @Override
    public boolean servesItems(String f) {
        return "csv".equals(f);
    }

    @Override
    public void writeItems(String f, FeatureCollection collection, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String[]> params = new LinkedHashMap<>(request.getParameterMap());
        params.remove("f");
        String[] limit = params.remove("limit");
        String[] offset = params.remove("offset");
        Exporter.Paging paging = null;
        if (limit != null || offset != null) {
            paging = new Exporter.Paging(offset == null ? 0 : whole("offset", offset[0], 0), limit == null ? Integer.MAX_VALUE
                    : (int) whole("limit", limit[0], 1));
        }
        if (params.containsKey("format") || params.containsKey("geometry")) {
            throw ApiProblem.badRequest("invalid-parameter", "format and geometry are parameters of /api/export; items take f=csv");
        }
        params.putIfAbsent("crs", new String[] {"4326"});
        params.put("format", new String[] {"csv"});
        exporter.export(collection.id(), ExportRequest.parse(params), paging, true, request, response);
    }

    private static long whole(String name, String value, long minimum) {
        try {
            long n = Long.parseLong(value);
            if (n >= minimum && n <= Integer.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-parameter", name + " must be a whole number of at least " + minimum + "; got '" + value + "'");
    }
}
