package org.patchwork.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.geography.BoundaryLevel;
import org.patchwork.layers.CollectionSource;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.layers.ViewItems;
import org.patchwork.web.ApiProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * For each event dataset: its points ({@code slug}, record-level access only, audited) and its counts by
 * every geography the viewer's agreement allows ({@code slug-by-level}), protected by disclosure control.
 */
@Component
@Order(2)
class EventCollections implements CollectionSource {

    private static final List<String> COUNT_PARAMETERS = List.of("category", "from", "to");

    private final EventCounts events;
    private final AccessPolicy policy;
    private final CountPages counts;

    EventCollections(EventCounts events, AccessPolicy policy, CountPages counts) {
        this.events = events;
        this.policy = policy;
        this.counts = counts;
    }

    @Override
    public List<FeatureCollection> visible(Viewer viewer) {
        List<FeatureCollection> collections = new ArrayList<>();
        for (EventDataset dataset : events.datasets()) {
            Access access = policy.decide(viewer, dataset.id());
            if (access.allows(AccessLevel.RECORD)) {
                collections.add(points(dataset));
            }
            if (access.allows(AccessLevel.PUBLIC)) {
                AccessPolicy.allowedLevels(access).forEach(level -> collections.add(counts(dataset, level)));
            }
        }
        return collections;
    }

    @Override
    public Optional<Claim> claim(String id) {
        for (EventDataset dataset : events.datasets()) {
            if (id.equals(dataset.slug())) {
                return Optional.of(new Claim(dataset.id(), output -> {
                    policy.require(dataset.id(), AccessLevel.RECORD, output);
                    return points(dataset);
                }));
            }
            String prefix = dataset.slug() + "-by-";
            if (id.startsWith(prefix) && isLevel(id.substring(prefix.length()))) {
                String level = id.substring(prefix.length());
                return Optional.of(new Claim(dataset.id(), output -> {
                    Access access = policy.require(dataset.id(), AccessLevel.PUBLIC, output);
                    if (!AccessPolicy.allowedLevels(access).contains(level)) {
                        policy.denied(dataset.id(), output, "geography " + level + " not allowed");
                        throw new ApiProblem(HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden",
                                "Your agreement allows counts for " + AccessPolicy.allowedLevels(access) + " only");
                    }
                    return counts(dataset, level);
                }));
            }
        }
        return Optional.empty();
    }

    private static boolean isLevel(String key) {
        return java.util.Arrays.stream(BoundaryLevel.values()).anyMatch(level -> level.id().equals(key));
    }

    private static FeatureCollection points(EventDataset dataset) {
        return new FeatureCollection(dataset.slug(), dataset.title() + " (points)", "Individual events of '" + dataset.title()
                + "': record-level data, shown only to people whose sharing agreement allows it. Every request is audited.",
                List.of("category", "month", "lsoa_code"), dataset.id(), new ViewItems("feature_event", ViewItems.COLUMNS, true));
    }

    private FeatureCollection counts(EventDataset dataset, String level) {
        return new FeatureCollection(dataset.slug() + "-by-" + level, dataset.title() + " by " + level, "Events of '"
                + dataset.title() + "' counted by " + level + ", filtered by category and months (from, to as YYYY-MM: one month, a "
                + "calendar quarter, a calendar year or every month). Counts are adjusted by a small amount (cell-key method) to "
                + "protect people, unless your access is record-level; parts need not add up to totals.",
                COUNT_PARAMETERS, dataset.id(), counts.at(level));
    }
}
