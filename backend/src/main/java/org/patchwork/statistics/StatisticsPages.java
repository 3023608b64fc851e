package org.patchwork.statistics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.layers.AreaFeaturePages;
import org.patchwork.layers.AreaItems;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.layers.OgcHtml;
import org.springframework.stereotype.Component;

/**
 * Items of a statistics collection: one feature per area and category with the value of one measure
 * (the first unless {@code measure} is given) in one period (the latest unless {@code period}), protected
 * as the viewer's agreement requires (counts perturbed by the cell-key method, see StatisticsSlices).
 */
@Component
class StatisticsPages {

    static final List<String> PARAMETERS = List.of("measure", "period", "category");
    private static final Set<String> ACCEPTED = Set.of("measure", "period", "category", "crs", "f", "limit", "offset");

    private final StatisticsSlices slices;
    private final AreaFeaturePages pages;

    StatisticsPages(StatisticsSlices slices, AreaFeaturePages pages) {
        this.slices = slices;
        this.pages = pages;
    }

    /** The items of a statistics collection of a dataset published at {@code level}. */
    AreaItems at(String level) {
        return new AreaItems(level, (collection, request, response, html) -> write(collection, request, response, html));
    }

    private void write(FeatureCollection collection, HttpServletRequest request, HttpServletResponse response, boolean html) throws IOException {
        AreaFeaturePages.rejectUnknown(request.getParameterMap(), ACCEPTED, "statistics");
        AreaFeaturePages.Paging paging = pages.paging(request.getParameterMap());
        StatisticsSlices.Slice slice = slices.slice(collection.datasetId(), "ogc-statistics", request.getParameter("measure"),
                request.getParameter("period"), request.getParameter("category"), true);
        List<StatisticsSlices.Value> page = slice.values().stream().skip(paging.offset()).limit(paging.limit()).toList();

        List<AreaFeaturePages.AreaFeature> features = new ArrayList<>();
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
            String id = value.category() == null ? value.code() : value.code() + ":" + value.category();
            features.add(new AreaFeaturePages.AreaFeature(id, value.code(), p));
        }
        pages.write(response, collection.title(), slice.level(), paging, features, slice.values().size(),
                slice.values().size() + " values of " + OgcHtml.escape(slice.measure())
                        + ". Counts are adjusted by a small amount (cell-key method) to protect people, unless your access is record-level.", html);
    }
}
