package org.patchwork.events;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.layers.AreaFeaturePages;
import org.patchwork.layers.AreaItems;
import org.patchwork.layers.FeatureCollection;
import org.springframework.stereotype.Component;

/**
 * Items of a count collection: every area of the level with the count of the dataset's events,
 * protected as the viewer's access says (cell-key perturbation unless record-level: see EventCounts).
 */
@Component
class CountPages {

    private static final Set<String> PARAMETERS = Set.of("category", "from", "to", "crs", "f", "limit", "offset");

    private final EventCounts counts;
    private final AccessPolicy policy;
    private final AreaFeaturePages pages;

    CountPages(EventCounts counts, AccessPolicy policy, AreaFeaturePages pages) {
        this.counts = counts;
        this.policy = policy;
        this.pages = pages;
    }

    /** The items of a count collection at {@code level}. */
    AreaItems at(String level) {
        return new AreaItems(level, (collection, request, response, html) -> write(collection, level, request, response, html));
    }

    private void write(FeatureCollection collection, String level, HttpServletRequest request, HttpServletResponse response, boolean html)
            throws IOException {
        AreaFeaturePages.rejectUnknown(request.getParameterMap(), PARAMETERS, "count");
        Access access = policy.require(collection.datasetId(), AccessLevel.PUBLIC, "ogc-counts");
        CountFilter filter = CountFilter.parse(request.getParameter("category"), request.getParameter("from"), request.getParameter("to"));
        AreaFeaturePages.Paging paging = pages.paging(request.getParameterMap());

        EventCounts.CountTable table = counts.counts(collection.datasetId(), level, filter, access);
        List<EventCounts.AreaCount> page = table.areas().stream().skip(paging.offset()).limit(paging.limit()).toList();
        policy.audit("aggregate-access", collection.datasetId(), "ogc-counts", page.size(),
                ("level=" + level + " " + filter.describe()).strip());

        List<AreaFeaturePages.AreaFeature> features = new ArrayList<>();
        for (EventCounts.AreaCount area : page) {
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
            features.add(new AreaFeaturePages.AreaFeature(area.code(), area.code(), p));
        }
        pages.write(response, collection.title(), level, paging, features, table.areas().size(),
                table.areas().size() + " areas. Counts are adjusted by a small amount (cell-key method) to protect people"
                        + " unless your access is record-level.", html);
    }
}
