package org.patchwork.indicators;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * A saved indicator. {@code categories} empty means every category; {@code from}/{@code to} null mean open
 * ends; {@code statistic} is the area-statistics measure (area-statistic indicators only).
 */
record Indicator(long id, String name, long datasetId, MeasureType measure, String statistic, List<String> categories,
                 YearMonth from, YearMonth to, String level, String createdBy, Long partnerId, String partnerName,
                 OffsetDateTime createdAt) {

    /** The definition as the API shows it. */
    java.util.Map<String, Object> json() {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("datasetId", datasetId);
        body.put("measure", measure.key());
        body.put("statistic", statistic);
        body.put("categories", categories);
        body.put("from", from == null ? null : from.toString());
        body.put("to", to == null ? null : to.toString());
        body.put("level", level);
        body.put("createdBy", createdBy);
        body.put("partner", partnerName);
        body.put("createdAt", createdAt == null ? null : createdAt.toString());
        body.put("href", "/api/indicators/" + id);
        return body;
    }
}
