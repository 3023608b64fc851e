package org.patchwork.events;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.layers.AreaItems;
import org.patchwork.layers.FeatureCollection;
import org.springframework.stereotype.Component;

/**
 * Items of a count collection: every area of the level with the count of the dataset's events,
 * protected as the viewer's access says (cell-key perturbation unless record-level: see EventCounts).
 */
@Component
class CountPages {

    private final EventCounts counts;
    private final AccessPolicy policy;

    CountPages(EventCounts counts, AccessPolicy policy) {
        this.counts = counts;
        this.policy = policy;
    }

    /** The items of a count collection at {@code level}. */
    AreaItems at(String level) {
        return new AreaItems(level, (collection, request) -> features(collection, level, request));
    }

    private AreaItems.Features features(FeatureCollection collection, String level, HttpServletRequest request) {
        Access access = policy.require(collection.datasetId(), AccessLevel.PUBLIC, "ogc-counts");
        CountFilter filter = CountFilter.parse(request.getParameter("category"), request.getParameter("from"), request.getParameter("to"));
        EventCounts.CountTable table = counts.counts(collection.datasetId(), level, filter, access);
        List<AreaItems.AreaFeature> features = new ArrayList<>();
        for (EventCounts.AreaCount area : table.areas()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", area.code());
            p.put("name", area.name());
            p.put("level", level);
            p.put("count", area.count());
            p.put("suppressed", area.suppressed());
            p.put("reason", area.reason());
            p.put("category", filter.category());
            p.put("from", filter.from() == null ? null : filter.from().toString());
            p.put("to", filter.to() == null ? null : filter.to().toString());
            features.add(new AreaItems.AreaFeature(area.code(), area.code(), p));
        }
        return new AreaItems.Features(features, table.areas().size() + " areas. Counts are adjusted by a small amount (cell-key method) "
                + "to protect people unless your access is record-level.", served -> policy.audit("aggregate-access",
                collection.datasetId(), "ogc-counts", served, ("level=" + level + " " + filter.describe()).strip()));
    }
}
