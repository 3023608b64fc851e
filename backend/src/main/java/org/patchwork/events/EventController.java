package org.patchwork.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Counts of a dataset's events by area, by custom area, and by category: aggregates, audited. */
@RestController
class EventController {

    private final EventCounts counts;
    private final AccessPolicy policy;

    EventController(EventCounts counts, AccessPolicy policy) {
        this.counts = counts;
        this.policy = policy;
    }

    record CustomArea(List<String> lsoas, String category, String from, String to) {
    }

    @GetMapping("/api/datasets/{id}/counts")
    Map<String, Object> counts(@PathVariable long id, @RequestParam(defaultValue = "lsoa") String level,
                               @RequestParam(required = false) String category, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        Access access = policy.require(id, AccessLevel.PUBLIC, "counts");
        requireEvents(id);
        CountFilter filter = CountFilter.parse(category, from, to);
        if (!AccessPolicy.allowedLevels(access).contains(level)) {
            policy.denied(id, "counts", "geography " + level + " not allowed");
        }
        EventCounts.CountTable table = counts.counts(id, level, filter, access);
        policy.audit("aggregate-access", id, "counts", table.areas().size(), "level=" + level + filterText(filter));
        Map<String, Object> body = header(id, access, filter, counts);
        body.put("level", level);
        body.put("areas", table.areas());
        body.put("outside", table.outside());
        return body;
    }

    @PostMapping("/api/datasets/{id}/counts/custom")
    Map<String, Object> custom(@PathVariable long id, @RequestBody CustomArea area) {
        Access access = policy.require(id, AccessLevel.PUBLIC, "custom-counts");
        requireEvents(id);
        CountFilter filter = CountFilter.parse(area.category(), area.from(), area.to());
        if (area.lsoas() != null && area.lsoas().contains(null)) {
            throw ApiProblem.badRequest("invalid-request", "lsoas must be a list of LSOA codes, e.g. [\"E01006512\"], without nulls");
        }
        EventCounts.AreaCount result = counts.custom(id, area.lsoas() == null ? Set.of() : Set.copyOf(area.lsoas()), filter, access,
                policy.currentViewer().username());
        policy.audit("aggregate-access", id, "custom-counts", 1, area.lsoas().size() + " LSOAs" + filterText(filter));
        Map<String, Object> body = header(id, access, filter, counts);
        body.put("area", result);
        return body;
    }

    @GetMapping("/api/datasets/{id}/categories")
    Map<String, Object> categories(@PathVariable long id) {
        Access access = policy.require(id, AccessLevel.PUBLIC, "categories");
        requireEvents(id);
        List<EventCounts.AreaCount> categories = counts.categories(id, access);
        policy.audit("aggregate-access", id, "categories", categories.size(), null);
        Map<String, Object> body = header(id, access, CountFilter.parse(null, null, null), counts);
        body.put("categories", categories);
        return body;
    }

    private void requireEvents(long id) {
        if (counts.datasets().stream().noneMatch(d -> d.id() == id)) {
            throw ApiProblem.notFound("not-an-event-dataset", "Dataset " + id + " has no events to count");
        }
    }

    private static Map<String, Object> header(long id, Access access, CountFilter filter, EventCounts counts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", id);
        Map<String, Object> disclosure = new LinkedHashMap<>();
        disclosure.put("access", access.level().key());
        disclosure.put("levels", AccessPolicy.allowedLevels(access));
        disclosure.putAll(counts.disclosure(access));
        body.put("disclosure", disclosure);
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("category", filter.category());
        applied.put("from", filter.from() == null ? null : filter.from().toString());
        applied.put("to", filter.to() == null ? null : filter.to().toString());
        body.put("filter", applied);
        return body;
    }

    private static String filterText(CountFilter filter) {
        return filter.describe().isEmpty() ? "" : " " + filter.describe();
    }
}
