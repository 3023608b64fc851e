package org.patchwork.indicators;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.events.EventCounts;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Saved indicators: defining one (checked against the dataset the viewer may see), listing those whose
 * dataset the viewer may see, and computing values, series and funnel data through the access decision.
 * An indicator on a dataset the viewer may not know about does not exist for them (404).
 */
@Service
public class Indicators {

    private final IndicatorStore store;
    private final AccessPolicy policy;
    private final EventCounts counts;
    private final IndicatorValues values;
    private final IndicatorSeries series;
    private final CustomAreaValues customValues;
    // IndicatorClasses needs this service (require) as this one needs it (map): resolved lazily
    private final org.springframework.beans.factory.ObjectProvider<IndicatorClasses> classes;

    Indicators(IndicatorStore store, AccessPolicy policy, EventCounts counts, IndicatorValues values, IndicatorSeries series,
               CustomAreaValues customValues, org.springframework.beans.factory.ObjectProvider<IndicatorClasses> classes) {
        this.customValues = customValues;
        this.classes = classes;
        this.store = store;
        this.policy = policy;
        this.counts = counts;
        this.values = values;
        this.series = series;
    }

    /** Checks and saves a definition by the current viewer; answers the saved indicator. */
    Indicator define(IndicatorRequest request) {
        Access access = policy.require(request.datasetId(), AccessLevel.PUBLIC, "indicator-definition");
        if (request.measure().fromEvents()) {
            if (counts.datasets().stream().noneMatch(d -> d.id() == request.datasetId())) {
                throw ApiProblem.badRequest("invalid-request", "dataset " + request.datasetId() + " has no events to count; a "
                        + request.measure().key() + " indicator needs an event dataset (area-statistics datasets take measure area-statistic)");
            }
            if (!request.categories().isEmpty()) {
                TreeSet<String> known = new TreeSet<>(counts.categories(request.datasetId(), access).stream()
                        .map(EventCounts.AreaCount::code).toList());
                List<String> unknown = request.categories().stream().filter(c -> !known.contains(c)).toList();
                if (!unknown.isEmpty()) {
                    throw ApiProblem.badRequest("unknown-category", "dataset " + request.datasetId() + " has no categor"
                            + (unknown.size() == 1 ? "y " : "ies ") + unknown + "; choose from " + known);
                }
            }
        } else {
            IndicatorStore.StatisticsContents contents = store.statisticsContents(request.datasetId()).orElseThrow(() ->
                    ApiProblem.badRequest("invalid-request", "dataset " + request.datasetId()
                            + " has no published area statistics; an area-statistic indicator needs one"));
            if (!contents.measures().contains(request.statistic())) {
                throw ApiProblem.badRequest("unknown-measure", "dataset " + request.datasetId() + " has no measure '"
                        + request.statistic() + "'; choose one of " + contents.measures());
            }
            if (!contents.level().equals(request.level())) {
                throw ApiProblem.badRequest("invalid-request", "dataset " + request.datasetId() + " gives its statistics by "
                        + contents.level() + ", so the indicator's level must be " + contents.level() + ", not " + request.level());
            }
        }
        Viewer viewer = policy.currentViewer();
        long id = store.insert(request.name(), request.datasetId(), request.measure(), request.statistic(), request.categories(),
                request.from(), request.to(), request.level(), viewer.username(), viewer.partnerId());
        policy.audit("indicator-defined", request.datasetId(), "indicator-definition", 1, "indicator=" + id);
        return store.find(id).orElseThrow();
    }

    /** Every saved indicator whose dataset the current viewer may see (public level or more), newest first. */
    List<Indicator> visible() {
        Viewer viewer = policy.currentViewer();
        Map<Long, Boolean> allowed = new java.util.HashMap<>();
        return store.all().stream().filter(i -> allowed.computeIfAbsent(i.datasetId(),
                d -> policy.decide(viewer, d).allows(AccessLevel.PUBLIC))).toList();
    }

    /**
     * The indicator with the viewer's access to its dataset: 404 when there is no such indicator or the viewer
     * may not know its dataset exists, 403 when they know it but may not see its data (both audited).
     */
    Seen require(long id, String output) {
        Indicator indicator = store.find(id).orElseThrow(() -> unknown(id));
        Access access = policy.decide(policy.currentViewer(), indicator.datasetId());
        if (access.level() == AccessLevel.NONE) {
            policy.denied(indicator.datasetId(), output, "indicator " + id + ": no access to its dataset");
            throw unknown(id);
        }
        // the decision just made is the one require() makes; it is asked again only to refuse (and audit) below public
        return new Seen(indicator, access.allows(AccessLevel.PUBLIC) ? access
                : policy.require(indicator.datasetId(), AccessLevel.PUBLIC, output));
    }

    /** An indicator with the viewer's access to its dataset. */
    record Seen(Indicator indicator, Access access) {
    }

    IndicatorValues.Table values(long id, String level, String within) {
        return values(id, level, within, "indicator-values");
    }

    /** The values as {@code output} (the API, the OGC collection, tiles) gives them, the read audited under that name. */
    IndicatorValues.Table values(long id, String level, String within, String output) {
        return table(require(id, output), level, within, output);
    }

    Map<String, Object> series(long id, String area) {
        Seen seen = require(id, "indicator-series");
        return series.series(seen.indicator(), seen.access(), area);
    }

    Map<String, Object> funnel(long id, String level, String within) {
        Seen seen = require(id, "indicator-funnel");
        return series.funnel(table(seen, level, within, "indicator-funnel"));
    }

    /** The values at a boundary level, or for the custom areas when the level (given, or the indicator's own) is "custom". */
    private IndicatorValues.Table table(Seen seen, String level, String within, String output) {
        String chosen = level == null || level.isBlank() ? seen.indicator().level() : level.strip();
        if (CustomAreaValues.LEVEL.equals(chosen)) {
            String district = within == null || within.isBlank() ? null : within.strip();
            return customValues.table(seen.indicator(), seen.access(), district, output);
        }
        return values.table(seen.indicator(), seen.access(), chosen, within, output);
    }

    /**
     * An indicator's values as the current viewer may see them, classified for a map (by value, or by significance
     * against the district or the partnership); 404/403 as {@link #require}, and audited under {@code output}.
     */
    public IndicatorMap map(long id, String level, String within, org.patchwork.classification.ClassificationRequest request,
                            String by, String comparator, String output) {
        return classes.getObject().map(id, level, within, request, by, comparator, output);
    }

    private static ApiProblem unknown(long id) {
        return ApiProblem.notFound("unknown-indicator", "There is no indicator with id '" + id + "'");
    }
}
