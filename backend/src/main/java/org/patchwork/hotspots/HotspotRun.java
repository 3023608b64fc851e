package org.patchwork.hotspots;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hotspot run as recorded: what was analysed, how, by whom and from which access basis, and where it got to. */
record HotspotRun(long id, long datasetId, String datasetTitle, long versionId, int version, List<String> categories,
                  LocalDate fromMonth, LocalDate toMonth, String method, Map<String, Object> parameters, String basis,
                  String geography, Long rerunOf, String createdBy, Long partnerId, OffsetDateTime createdAt, String state,
                  String stage, int percent, Map<String, Object> result, Map<String, Object> problem, boolean hasSurface,
                  OffsetDateTime finishedAt) {

    String dataset() {
        return datasetTitle;
    }

    String collectionId() {
        return "hotspots-" + id;
    }

    YearMonth from() {
        return YearMonth.from(fromMonth);
    }

    YearMonth to() {
        return YearMonth.from(toMonth);
    }

    /** The run as the API shows it, with links to its layer, its surface and the export hook. */
    Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("datasetId", datasetId);
        body.put("dataset", datasetTitle);
        body.put("version", version);
        body.put("categories", categories);
        body.put("from", from().toString());
        body.put("to", to().toString());
        int months = (int) (to().getYear() * 12L + to().getMonthValue() - from().getYear() * 12L - from().getMonthValue()) + 1;
        body.put("next", Map.of("from", to().plusMonths(1).toString(), "to", to().plusMonths(months).toString()));
        body.put("method", method);
        body.put("parameters", parameters);
        body.put("basis", basis);
        body.put("geography", geography);
        body.put("rerunOf", rerunOf);
        body.put("createdBy", createdBy);
        body.put("createdAt", createdAt);
        body.put("state", state);
        body.put("stage", stage);
        body.put("percent", percent);
        body.put("finishedAt", finishedAt);
        body.put("result", result);
        body.put("problem", problem);
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", "/api/hotspots/" + id);
        links.put("rerun", "/api/hotspots/" + id + "/rerun");
        if ("succeeded".equals(state)) {
            links.put("collection", "/ogc/collections/" + collectionId());
            links.put("items", "/ogc/collections/" + collectionId() + "/items");
            links.put("export", "/api/export/" + collectionId());
            links.put("tiles", "/ogc/collections/" + collectionId() + "/tiles/WebMercatorQuad");
            if (hasSurface) {
                links.put("surface", "/api/hotspots/" + id + "/surface.tif");
                links.put("heat", "/api/hotspots/" + id + "/heat");
            }
        }
        body.put("links", links);
        return body;
    }
}
