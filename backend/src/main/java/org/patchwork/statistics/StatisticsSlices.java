package org.patchwork.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.disclosure.CellKeyPerturbation;
import org.patchwork.disclosure.Protection;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * One measure of an area-statistics dataset in one period, by area and category, as the current viewer
 * may see it: what the JSON API and OGC API Features both serve. Values of measures the uploader marked
 * as counts are protected like event counts for people with aggregate or public access: cell-key
 * perturbation with the same ptable, the cell key coming from a keyed hash of the cell's identity
 * (dataset version, area, category, period, measure) since there are no records (see
 * {@link CellKeyPerturbation#statistic}); a file's total category is perturbed like any other, so the
 * categories need not add up to it. Only the file's own level is published, and Patchwork adds no totals
 * of its own. Every read is audited.
 */
@Service
public class StatisticsSlices {

    private final AreaStatistics statistics;
    private final AccessPolicy policy;
    private final CellKeyPerturbation perturbation;

    StatisticsSlices(AreaStatistics statistics, AccessPolicy policy, CellKeyPerturbation perturbation) {
        this.statistics = statistics;
        this.policy = policy;
        this.perturbation = perturbation;
    }

    /** What a response says about how the slice's numbers are protected (the method, never its parameters). */
    public java.util.Map<String, Object> disclosure(Slice slice) {
        return perturbation.describe(slice.protection());
    }

    /** A slice and what it was cut from; {@code category} null means every category. */
    public record Slice(long datasetId, int version, String level, List<String> measures, List<String> counts,
                        List<LocalDate> periods, List<String> categories, String measure, LocalDate period, String category,
                        Protection protection, List<Value> values) {

        /** Whether values are shown exactly (record-level access, or a measure that is not a count). */
        public boolean exact() {
            return protection.exact();
        }
    }

    /** One area's value in one category (null: the file has none); value null when empty; {@code suppressed} always false now. */
    public record Value(String code, String name, String category, Number value, boolean suppressed) {
    }

    /**
     * The slice of {@code measure} (default: the first) in {@code period} (default: the latest) for
     * {@code category} (default: the first, or every category when {@code everyCategory}); unknown names are 400.
     */
    public Slice slice(long datasetId, String output, String measure, String period, String category, boolean everyCategory) {
        policy.require(datasetId, AccessLevel.PUBLIC, output);   // 404 or 403 before saying anything of the contents
        AreaStatistics.Contents contents = statistics.contents(datasetId).orElseThrow(() -> ApiProblem.notFound("not-area-statistics",
                "Dataset " + datasetId + " has no published area statistics"));
        Access access = require(datasetId, contents.level(), output);
        boolean exact = access.allows(AccessLevel.RECORD);
        String chosenMeasure = choose("measure", measure, contents.measures());
        LocalDate chosenPeriod = period == null ? last(contents.periods()) : parsePeriod(period, contents.periods());
        String chosenCategory = everyCategory && category == null ? null : choose("category", category, contents.categories());
        Protection protection = exact || !contents.counts().contains(chosenMeasure) ? Protection.EXACT : AccessPolicy.protection(access);

        List<AreaStatistics.AreaValue> all = statistics.values(datasetId, contents.level(), chosenMeasure, chosenPeriod);
        List<Value> values = new ArrayList<>();
        for (AreaStatistics.AreaValue area : all) {
            if (chosenCategory != null && !Objects.equals(area.category(), chosenCategory)) {
                continue;
            }
            Number value = area.value() == null ? null : protection.exact() ? area.value()
                    : (Number) perturbation.statistic(protection, Math.round(area.value()), contents.versionId(), area.code(),
                            area.category(), chosenPeriod == null ? null : chosenPeriod.toString(), chosenMeasure);
            values.add(new Value(area.code(), area.name(), area.category(), value, false));
        }
        policy.audit("aggregate-access", datasetId, output, values.size(), "measure=" + chosenMeasure
                + (chosenPeriod == null ? "" : " period=" + chosenPeriod) + (chosenCategory == null ? "" : " category=" + chosenCategory));
        return new Slice(datasetId, contents.version(), contents.level(), contents.measures(), contents.counts(), contents.periods(),
                contents.categories(), chosenMeasure, chosenPeriod, chosenCategory, protection, values);
    }

    /**
     * The viewer's access to statistics by {@code level}: 404 for a dataset they may not know about, 403
     * below aggregates or when their agreement does not reach the level (denials audited).
     */
    public Access require(long datasetId, String level, String output) {
        Access access = policy.require(datasetId, AccessLevel.PUBLIC, output);
        if (!access.allows(AccessLevel.RECORD) && !AccessPolicy.allowedLevels(access).contains(level)) {
            policy.denied(datasetId, output, "geography " + level + " not allowed");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden", "These statistics are by "
                    + level + "; your agreement allows figures for " + AccessPolicy.allowedLevels(access) + " only");
        }
        return access;
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
