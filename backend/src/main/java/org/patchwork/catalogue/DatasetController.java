package org.patchwork.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Role;
import org.patchwork.access.Viewer;
import org.patchwork.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue over HTTP, showing each person only the datasets they may know about, with the access
 * they have to each; for one dataset, what its load repaired or rejected (the values for its owner's
 * data managers only, audited).
 */
@RestController
class DatasetController {

    private final DatasetCatalogue catalogue;
    private final AccessPolicy policy;

    DatasetController(DatasetCatalogue catalogue, AccessPolicy policy) {
        this.catalogue = catalogue;
        this.policy = policy;
    }

    @GetMapping("/api/datasets")
    List<Map<String, Object>> list() {
        Viewer viewer = policy.currentViewer();
        return catalogue.list().stream()
                .map(dataset -> Map.entry(dataset, policy.decide(viewer, dataset.id())))
                .filter(entry -> entry.getValue().allows(AccessLevel.METADATA))
                .map(entry -> describe(entry.getKey(), entry.getValue()))
                .toList();
    }

    @GetMapping("/api/datasets/{id}")
    Map<String, Object> one(@PathVariable String id, @RequestParam(defaultValue = "100") int issues) {
        long datasetId = parseId(id).orElseThrow(() -> ApiProblem.notFound("unknown-dataset", "There is no dataset with id '" + id + "'"));
        Access access = policy.require(datasetId, AccessLevel.METADATA, "dataset");
        Dataset dataset = catalogue.find(datasetId).orElseThrow();
        Map<String, Object> body = describe(dataset, access);
        List<LoadIssue> all = catalogue.issues(datasetId);
        List<LoadIssue> listed = all.subList(0, Math.max(0, Math.min(issues, all.size())));
        body.put("issuesListed", all.size());
        body.put("issues", mayReadRejectedValues(dataset) ? listed : listed.stream().map(LoadIssue::withoutValue).toList());
        if (!dataset.openData() && mayReadRejectedValues(dataset) && !listed.isEmpty()) {
            policy.audit("record-access", datasetId, "load-issues", listed.size(), "values of repaired and rejected rows");
        }
        return body;
    }

    /**
     * A rejected row's value is record-level data (a month, a place, an identifier of one event): the owner
     * partner's data managers may read it; everyone else learns where and why rows were rejected, not what
     * they held. Open data has no such secrets.
     */
    private boolean mayReadRejectedValues(Dataset dataset) {
        Viewer viewer = policy.currentViewer();
        return dataset.openData() || (viewer.role() == Role.DATA_MANAGER && policy.isOwner(viewer, dataset.id()));
    }

    private static Map<String, Object> describe(Dataset dataset, Access access) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dataset", dataset);
        Map<String, Object> yours = new LinkedHashMap<>();
        yours.put("level", access.level().key());
        yours.put("minGeography", access.minGeography());
        yours.put("basis", access.basis());
        if (access.rule() != null && !AccessPolicy.protection(access).exact()) {
            yours.put("disclosure", "cell-key");   // counts adjusted by a small amount (the parameters are not published)
            yours.put("roundedTo", AccessPolicy.protection(access).rounding());
        }
        body.put("access", yours);
        return body;
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
