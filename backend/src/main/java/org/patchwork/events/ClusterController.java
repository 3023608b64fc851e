package org.patchwork.events;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * All of a selection's events in the map's view, for record-level viewers only (audited): points, or counts
 * per grid cell sized by zoom, never an arbitrary first N. Aggregate and public viewers get 403 and their
 * counts by area instead.
 */
@RestController
class ClusterController {

    // Metres per screen pixel at zoom 0 on the equator (Web Mercator, 256-pixel tiles).
    private static final double METRES_PER_PIXEL_AT_ZOOM_0 = 156543.03392;
    // A cluster gathers the events of a cell about this many pixels across at the map's zoom.
    private static final double CELL_PIXELS = 64;
    // Around British National Grid's area of use (-9.0, 49.75, 2.01, 61.01), with a wide margin.
    private static final ClusterStore.Box GREAT_BRITAIN = new ClusterStore.Box(-15, 45, 10, 65);

    private final ClusterStore store;
    private final EventCounts counts;
    private final AccessPolicy policy;

    ClusterController(ClusterStore store, EventCounts counts, AccessPolicy policy) {
        this.store = store;
        this.counts = counts;
        this.policy = policy;
    }

    @GetMapping("/api/datasets/{id}/clusters")
    Map<String, Object> clusters(@PathVariable long id, @RequestParam(required = false) String bbox,
                                 @RequestParam(defaultValue = "10") String zoom, @RequestParam(required = false) String category,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        policy.require(id, AccessLevel.RECORD, "clusters");
        if (counts.datasets().stream().noneMatch(d -> d.id() == id)) {
            throw ApiProblem.notFound("not-an-event-dataset", "Dataset " + id + " has no events to map");
        }
        CountFilter filter = CountFilter.parse(category, from, to);
        ClusterStore.Box box = parseBox(bbox);
        double level = parseZoom(zoom);
        double middle = Math.toRadians((box.south() + box.north()) / 2);
        double cell = CELL_PIXELS * METRES_PER_PIXEL_AT_ZOOM_0 * Math.cos(middle) / Math.pow(2, level);
        ClusterStore.Answer answer = store.within(id, box, cell, filter);
        policy.audit("record-access", id, "clusters", answer.points().size(), "zoom=" + zoom + " bbox=" + bbox
                + (filter.describe().isEmpty() ? "" : " " + filter.describe()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", id);
        body.put("bbox", new double[] {box.west(), box.south(), box.east(), box.north()});
        body.put("zoom", level);
        body.put("filter", Map.of("category", filter.category() == null ? "" : filter.category(),
                "from", filter.from() == null ? "" : filter.from().toString(), "to", filter.to() == null ? "" : filter.to().toString()));
        body.put("total", answer.total());
        body.put("clustered", !answer.clusters().isEmpty());
        body.put("cellMetres", answer.cellMetres());
        body.put("clusters", answer.clusters());
        body.put("points", answer.points());
        return body;
    }

    /**
     * west,south,east,north in CRS84 degrees; absent means all of them. Events are stored in British National
     * Grid, so the box is cut to a generous frame around Great Britain first: a map zoomed out to the whole
     * world asks for a box that Transverse Mercator cannot project, and holds no more events than the frame.
     */
    private static ClusterStore.Box parseBox(String text) {
        if (text == null || text.isBlank()) {
            return GREAT_BRITAIN;
        }
        String[] parts = text.split(",", -1);
        double[] v = new double[4];
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(v[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-bbox", "bbox must be four numbers west,south,east,north in degrees, e.g. "
                    + "-3.2,53.3,-2.6,53.7");
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw ApiProblem.badRequest("invalid-bbox", "bbox must have west < east and south < north; got " + text);
        }
        return new ClusterStore.Box(Math.max(GREAT_BRITAIN.west(), v[0]), Math.max(GREAT_BRITAIN.south(), v[1]),
                Math.min(GREAT_BRITAIN.east(), v[2]), Math.min(GREAT_BRITAIN.north(), v[3]));
    }

    private static double parseZoom(String text) {
        try {
            double zoom = Double.parseDouble(text.strip());
            if (zoom >= 0 && zoom <= 24) {
                return zoom;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.badRequest("invalid-parameter", "zoom must be a number from 0 to 24; got '" + text + "'");
    }
}
