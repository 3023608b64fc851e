package org.patchwork.apportioning;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.DatasetKind;
import org.patchwork.geography.BoundaryLevel;
import org.patchwork.statistics.StatisticsSlices;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * A dataset's values apportioned by area onto a boundary level or the custom areas. Polygons are
 * record-level data (their collection needs record access), so apportioning their attributes needs it too;
 * statistics are taken as {@link StatisticsSlices} publishes them to the viewer (counts protected), then
 * apportioned. A count measure is extensive unless asked otherwise; any other measure intensive.
 */
@Service
public class Apportioning {

    private final ApportioningStore store;
    private final AccessPolicy policy;
    private final DatasetCatalogue catalogue;
    private final StatisticsSlices statistics;
    private final ObjectMapper json;

    Apportioning(ApportioningStore store, AccessPolicy policy, DatasetCatalogue catalogue, StatisticsSlices statistics, ObjectMapper json) {
        this.store = store;
        this.policy = policy;
        this.catalogue = catalogue;
        this.statistics = statistics;
        this.json = json;
    }

    Map<String, Object> apportion(long datasetId, String to, String measure, String kind, String period, String category) {
        policy.require(datasetId, AccessLevel.PUBLIC, "apportioned");
        String target = to == null || to.isBlank() ? null : to.strip().toLowerCase(Locale.ROOT);
        boolean custom = "custom".equals(target);
        if (target == null || !(custom || BoundaryLevel.keys().contains(target))) {
            throw ApiProblem.badRequest("invalid-parameter", "to must be one of " + BoundaryLevel.keys() + " or custom; got '" + to + "'");
        }
        if (custom && policy.currentViewer().isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "Sign in to use custom areas");
        }
        Boolean extensive = kind == null || kind.isBlank() ? null : switch (kind.strip()) {
            case "extensive" -> true;
            case "intensive" -> false;
            default -> throw ApiProblem.badRequest("invalid-parameter", "kind must be extensive (counts, totals) or intensive "
                    + "(rates, means, scores); got '" + kind + "'");
        };
        Map<String, Object> params = new HashMap<>();
        params.put("target_level", target);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", datasetId);
        String sources;
        DatasetKind datasetKind = catalogue.kind(datasetId);
        if (datasetKind == DatasetKind.POLYGONS) {
            policy.require(datasetId, AccessLevel.RECORD, "apportioned");
            if (measure == null || measure.isBlank()) {
                throw ApiProblem.badRequest("invalid-parameter", "measure is required: the name of a numeric attribute of the polygons");
            }
            extensive = extensive == null ? Boolean.FALSE : extensive;
            params.put("attribute", measure.strip());
            params.put("dataset_id", datasetId);
            sources = "sources_polygons";
            body.put("from", "polygons");
            body.put("measure", measure.strip());
        } else if (datasetKind == DatasetKind.AREA_STATISTICS) {
            StatisticsSlices.Slice slice = statistics.slice(datasetId, "apportioned", measure, period, category, false);
            extensive = extensive == null ? slice.counts().contains(slice.measure()) : extensive;
            params.put("source_level", slice.level());
            params.put("values", json.writeValueAsString(slice.values().stream().filter(v -> v.value() != null)
                    .map(v -> Map.of("code", v.code(), "value", v.value())).toList()));
            sources = "sources_statistics";
            body.put("from", slice.level());
            body.put("measure", slice.measure());
            body.put("period", slice.period() == null ? null : slice.period().toString());
            body.put("category", slice.category());
            body.put("disclosure", statistics.disclosure(slice));
        } else {
            throw ApiProblem.badRequest("invalid-request", "dataset " + datasetId + " is not a polygon or area-statistics dataset; "
                    + "only those are apportioned by area");
        }
        List<ApportionedValue> values = store.apportion(sources, custom ? "targets_custom" : "targets_level", extensive, params);
        policy.audit("aggregate-access", datasetId, "apportioned", values.size(), "to=" + target + " measure=" + body.get("measure"));
        body.put("to", target);
        body.put("kind", extensive ? "extensive" : "intensive");
        body.put("areas", values);
        return body;
    }
}
