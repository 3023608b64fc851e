package org.patchwork.hotspots;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.events.CountFilter;
import org.patchwork.events.EventCounts;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Hotspot runs through the one access decision. A person with record-level access runs on the events'
 * locations; anyone else with access to the data (aggregate or public) runs on the counts by area they may
 * be shown (cell-key perturbed, at the smallest geography their agreement allows), for a month, calendar
 * quarter or calendar year as every protected count. A run can be read only by people who could have made
 * it: a record-level run by record-level viewers, a run from protected counts by viewers at that protection
 * and geography (and by record-level viewers). Every run and every read is audited.
 */
@Service
public class HotspotRuns {

    private final AccessPolicy policy;
    private final EventCounts events;
    private final HotspotRunStore store;
    private final HotspotJob job;

    HotspotRuns(AccessPolicy policy, EventCounts events, HotspotRunStore store, HotspotJob job) {
        this.policy = policy;
        this.events = events;
        this.store = store;
        this.job = job;
    }

    HotspotRun create(HotspotRequest request, Long rerunOf) {
        Access access = policy.require(request.datasetId(), AccessLevel.PUBLIC, "hotspot-run");
        if (events.datasets().stream().noneMatch(d -> d.id() == request.datasetId())) {
            throw ApiProblem.notFound("not-an-event-dataset", "Dataset " + request.datasetId()
                    + " has no point events; hotspots are found in event datasets");
        }
        boolean record = access.allows(AccessLevel.RECORD);
        String basis = record ? "record" : access.level() == AccessLevel.AGGREGATE ? "aggregate" : "public";
        List<String> levels = AccessPolicy.allowedLevels(access);
        String smallest = record ? "lsoa" : levels.get(0);
        if (!record) {
            if (request.method().equals("gistar") && !request.grid().equals("areas")) {
                throw geographyRefused(request.datasetId(), "Your access gives counts by area, not where events are: Gi* runs for "
                        + "you on areas (parameters.grid: areas, level one of " + levels + ")");
            }
            boolean byLevel = request.method().equals("top-areas") || request.method().equals("gistar");
            if (byLevel && !levels.contains(request.level())) {
                throw geographyRefused(request.datasetId(), "Your agreement allows counts for " + levels + " only, not '"
                        + request.level() + "'");
            }
            // the same period rule as every protected count (one month, quarter or year), checked before the run is queued
            events.counts(request.datasetId(), smallest, new CountFilter(null, request.from(), request.to()), access);
        }
        if (!request.categories().isEmpty()) {
            TreeSet<String> known = new TreeSet<>(events.categories(request.datasetId(), access).stream().map(EventCounts.AreaCount::code).toList());
            List<String> unknown = request.categories().stream().filter(c -> !known.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw ApiProblem.badRequest("unknown-category", "Dataset " + request.datasetId() + " has no categor"
                        + (unknown.size() == 1 ? "y " : "ies ") + unknown + "; choose from " + known);
            }
        }
        Viewer viewer = policy.currentViewer();
        long id = store.insert(request, basis, record ? null : smallest, rerunOf, viewer.username(), viewer.partnerId());
        HotspotRun run = store.find(id).orElseThrow();
        policy.audit(record ? "record-access" : "aggregate-access", request.datasetId(), "hotspot-run", null, "run=" + id + " method="
                + request.method() + " categories=" + request.categories() + " from=" + request.from() + " to=" + request.to()
                + (rerunOf == null ? "" : " rerun of " + rerunOf));
        job.submit(request, new HotspotJob.Context(id, run.versionId(), basis, smallest, access, events.disclosure(access)));
        return run;
    }

    /** A new run with the same dataset, categories, months, method and parameters, on the dataset's current version. */
    HotspotRun rerun(long id) {
        HotspotRun run = require(id, "hotspot-rerun");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", run.datasetId());
        body.put("categories", run.categories());
        body.put("from", run.from().toString());
        body.put("to", run.to().toString());
        body.put("method", run.method());
        body.put("parameters", run.parameters());
        return create(HotspotRequest.parse(body), id);
    }

    /** The runs the current viewer may read, newest first (of one dataset, or all). */
    List<HotspotRun> visible(Long datasetId) {
        return readable(policy.currentViewer(), datasetId);
    }

    List<HotspotRun> readable(Viewer viewer, Long datasetId) {
        Map<Long, Access> decisions = new HashMap<>();
        return store.list(datasetId).stream()
                .filter(run -> mayRead(decisions.computeIfAbsent(run.datasetId(), d -> policy.decide(viewer, d)), run)).toList();
    }

    /** The run, or 404 when the viewer may not know its dataset, 403 when they may not read a run computed this way. */
    HotspotRun require(long id, String output) {
        HotspotRun run = store.find(id).orElseThrow(() -> unknown(id));
        Access access = policy.decide(policy.currentViewer(), run.datasetId());
        if (!access.allows(AccessLevel.METADATA)) {
            policy.denied(output, "hotspot run " + id + " of a dataset hidden from the viewer");
            throw unknown(id);
        }
        if (!mayRead(access, run)) {
            policy.denied(run.datasetId(), output, "hotspot run " + id + " was computed from " + run.basis()
                    + (run.geography() == null ? " data" : " counts by " + run.geography()));
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden", "Hotspot run " + id + " was computed from "
                    + (run.basis().equals("record") ? "the events' locations" : run.basis() + " counts by " + run.geography())
                    + "; your access to its dataset is '" + access.level().key() + "' (" + access.basis() + ")");
        }
        policy.audit(run.basis().equals("record") ? "record-access" : "aggregate-access", run.datasetId(), output, null, "run=" + id);
        return run;
    }

    byte[] surface(long id) {
        HotspotRun run = require(id, "hotspot-surface");
        return store.surface(run.id()).orElseThrow(() -> ApiProblem.notFound("unknown-hotspot-run", "Hotspot run " + id
                + " has no density surface: only a finished KDE run has one"));
    }

    /**
     * A KDE run's surface as a picture for the map at low zoom (through the same decision and audit as the GeoTIFF):
     * the PNG and its longitude/latitude bounds.
     */
    HeatSurfaceImage.Picture heat(long id) {
        HotspotRun run = require(id, "hotspot-heat");
        byte[] surface = store.surface(run.id()).orElseThrow(() -> ApiProblem.notFound("unknown-hotspot-run", "Hotspot run " + id
                + " has no density surface: only a finished KDE run has one"));
        return HeatSurfaceImage.render(surface, store.kdeThresholds(run.id()));
    }

    static boolean mayRead(Access access, HotspotRun run) {
        if (access.allows(AccessLevel.RECORD)) {
            return true;
        }
        if (run.basis().equals("record") || !access.allows(AccessLevel.PUBLIC)) {
            return false;
        }
        if (run.basis().equals("aggregate") && access.level() != AccessLevel.AGGREGATE) {
            return false;
        }
        return AccessPolicy.allowedLevels(access).contains(run.geography());
    }

    private ApiProblem geographyRefused(long datasetId, String detail) {
        policy.denied(datasetId, "hotspot-run", detail);
        return new ApiProblem(HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden", detail);
    }

    private static ApiProblem unknown(long id) {
        return ApiProblem.notFound("unknown-hotspot-run", "There is no hotspot run " + id);
    }
}
