package org.patchwork.hotspots;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchwork.access.Viewer;
import org.patchwork.layers.CollectionSource;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.layers.ViewItems;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each finished hotspot run the viewer may read as an OGC API Features collection {@code hotspots-{id}}:
 * its KDE class polygons, Gi* cells or areas. A run computed from the events' locations is record-level
 * data (audited per read like points); one computed from protected counts is served to those who could have made it.
 */
@Component
@Order(6)
class HotspotCollections implements CollectionSource {

    private static final Pattern ID = Pattern.compile("hotspots-(\\d{1,18})");

    /** The run id of a collection id {@code hotspots-{id}}, if it is one. */
    static Optional<Long> runIdOf(String collectionId) {
        Matcher m = ID.matcher(collectionId);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private final HotspotRuns runs;
    private final HotspotRunStore store;

    HotspotCollections(HotspotRuns runs, HotspotRunStore store) {
        this.runs = runs;
        this.store = store;
    }

    @Override
    public List<FeatureCollection> visible(Viewer viewer) {
        return runs.readable(viewer, null).stream().filter(run -> run.state().equals("succeeded")).map(HotspotCollections::collection).toList();
    }

    @Override
    public Optional<Claim> claim(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        return store.find(Long.parseLong(m.group(1))).filter(run -> run.state().equals("succeeded"))
                .map(run -> new Claim(run.datasetId(), output -> collection(runs.require(run.id(), output))));
    }

    static FeatureCollection collection(HotspotRun run) {
        String what = switch (run.method()) {
            case "kde" -> "kernel density hotspot classes";
            case "gistar" -> "Getis-Ord Gi* " + ("areas".equals(run.parameters().get("grid")) ? "areas" : "grid cells")
                    + " with z, p, BH-adjusted p and class (±1, ±2, ±3 for 90, 95, 99% confidence)";
            default -> "top areas by count";
        };
        String title = "Hotspots " + run.id() + ": " + run.dataset() + " " + run.from() + (run.to().equals(run.from()) ? "" : " to " + run.to());
        // the view is narrowed to this run by its id, a number read from hotspot_run, never request text
        return new FeatureCollection(run.collectionId(), title, "Hotspot run " + run.id() + " (" + run.method() + "): " + what
                + ", from " + (run.basis().equals("record") ? "the events' locations" : "protected counts by " + run.geography()) + ".",
                List.of("kind", "hotspot_class", "hotspot", "code"), run.datasetId(),
                new ViewItems("(select * from feature_hotspot where run_id = " + run.id() + ")", ViewItems.COLUMNS, run.basis().equals("record")));
    }
}
