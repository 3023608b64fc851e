package org.patchwork.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.disclosure.DisclosureRule;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One measure of an area-statistics dataset by area, for the map. Values of measures the uploader marked
 * as counts are protected like event counts for people with aggregate or public access: 1 to N are
 * suppressed (null), the rest rounded as their rule says, and within an area a second category is suppressed
 * when only one is (see {@link CategorySuppression}). Only the file's own level is published, and Patchwork
 * adds no totals of its own.
 */
@RestController
class StatisticsController {

    private final AreaStatistics statistics;
    private final AccessPolicy policy;

    StatisticsController(AreaStatistics statistics, AccessPolicy policy) {
        this.statistics = statistics;
        this.policy = policy;
    }

    @GetMapping("/api/datasets/{id}/statistics")
    Map<String, Object> values(@PathVariable long id, @RequestParam(required = false) String measure,
                               @RequestParam(required = false) String period, @RequestParam(required = false) String category) {
        Access access = policy.require(id, AccessLevel.PUBLIC, "statistics");
        AreaStatistics.Contents contents = statistics.contents(id).orElseThrow(() -> ApiProblem.notFound("not-area-statistics",
                "Dataset " + id + " has no published area statistics"));
        boolean exact = access.allows(AccessLevel.RECORD);
        if (!exact && !AccessPolicy.allowedLevels(access).contains(contents.level())) {
            policy.denied(id, "statistics", "geography " + contents.level() + " not allowed");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden", "These statistics are by "
                    + contents.level() + "; your agreement allows figures for " + AccessPolicy.allowedLevels(access) + " only");
        }
        String chosenMeasure = choose("measure", measure, contents.measures());
        LocalDate chosenPeriod = period == null ? last(contents.periods()) : parsePeriod(period, contents.periods());
        String chosenCategory = choose("category", category, contents.categories());
        DisclosureRule rule = exact || !contents.counts().contains(chosenMeasure) ? DisclosureRule.NONE : access.rule();

        List<AreaStatistics.AreaValue> all = statistics.values(id, contents.level(), chosenMeasure, chosenPeriod);
        java.util.Set<AreaStatistics.AreaValue> suppressed = CategorySuppression.suppressed(all, rule);
        List<Map<String, Object>> values = new ArrayList<>();
        for (AreaStatistics.AreaValue area : all) {
            if (!java.util.Objects.equals(area.category(), chosenCategory)) {
                continue;
            }
            boolean hidden = suppressed.contains(area);
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("code", area.code());
            value.put("name", area.name());
            value.put("value", area.value() == null || hidden ? null
                    : rule == DisclosureRule.NONE ? area.value() : (Object) rule.round(Math.round(area.value())));
            value.put("suppressed", hidden);
            values.add(value);
        }
        policy.audit("aggregate-access", id, "statistics", values.size(), "measure=" + chosenMeasure
                + (chosenPeriod == null ? "" : " period=" + chosenPeriod) + (chosenCategory == null ? "" : " category=" + chosenCategory));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", id);
        body.put("version", contents.version());
        body.put("level", contents.level());
        body.put("measures", contents.measures());
        body.put("counts", contents.counts());
        body.put("periods", contents.periods());
        body.put("categories", contents.categories());
        body.put("measure", chosenMeasure);
        body.put("period", chosenPeriod);
        body.put("category", chosenCategory);
        body.put("suppressedUpTo", rule == DisclosureRule.NONE ? null : rule.maxSuppressed());
        body.put("roundedTo", rule == DisclosureRule.NONE ? null : rule.rounding());
        body.put("values", values);
        return body;
    }

    /** The asked-for value when it is one of the options, the first option when none is asked; null when there are none. */
    private static String choose(String name, String asked, List<String> options) {
        if (asked == null) {
            return options.isEmpty() ? null : options.get(0);
        }
        if (!options.contains(asked)) {
            throw ApiProblem.badRequest("unknown-" + name, "There is no " + name + " '" + asked + "'; choose one of " + options);
        }
        return asked;
    }

    private static LocalDate parsePeriod(String asked, List<LocalDate> periods) {
        try {
            LocalDate period = LocalDate.parse(asked);
            if (periods.contains(period)) {
                return period;
            }
        } catch (DateTimeParseException e) {
            // answered below, like a period the dataset does not have
        }
        throw ApiProblem.badRequest("unknown-period", "There is no period '" + asked + "'; choose one of " + periods);
    }

    private static LocalDate last(List<LocalDate> periods) {
        return periods.isEmpty() ? null : periods.get(periods.size() - 1);
    }
}
