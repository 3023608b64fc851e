package org.patchwork.statistics;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final StatisticsSlices slices;

    StatisticsPages(StatisticsSlices slices) {
        this.slices = slices;
    }

    /** The items of a statistics collection of a dataset published at {@code level}. */
    AreaItems at(String level) {
        return new AreaItems(level, this::features);
    }

    private AreaItems.Features features(FeatureCollection collection, HttpServletRequest request) {
        StatisticsSlices.Slice slice = slices.slice(collection.datasetId(), "ogc-statistics", request.getParameter("measure"),
                request.getParameter("period"), request.getParameter("category"), true);
        List<AreaItems.AreaFeature> features = new ArrayList<>();
        for (StatisticsSlices.Value value : slice.values()) {
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
            features.add(new AreaItems.AreaFeature(id, value.code(), p));
        }
        return new AreaItems.Features(features, slice.values().size() + " values of " + OgcHtml.escape(slice.measure())
                + ". Counts are adjusted by a small amount (cell-key method) to protect people, unless your access is record-level.",
                served -> { });
    }
}
