package org.patchwork.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.patchwork.access.Access;
import org.patchwork.customareas.CustomArea;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * An area-statistic indicator (given by LSOA) for custom areas, from the values of their LSOAs as published to
 * the viewer ({@link IndicatorValues#table}, so withheld values stay withheld):
 * <ul>
 * <li>an intensive measure (a score, rate, proportion or mean, such as an IMD or AHAH score): the mean of the
 * LSOAs' values weighted by their mid-2015 population, Σ value·population / Σ population (the denominator given
 * is that population); the district and partnership comparators are the same weighted mean over their LSOAs;</li>
 * <li>a count (a measure the upload marked as a count, e.g. census residents): the sum of the LSOAs' values,
 * with no comparator (a sum is not comparable with a bigger area's);</li>
 * <li>a rank, decile, quintile or percentile: refused ({@code not-averageable}), because a position in a
 * national ordering cannot be averaged (the mean of two deciles is not the decile of the two areas together),
 * and the scores it was ranked by are not loaded here to rank the combined area against England's.</li>
 * </ul>
 * An area with any LSOA without a value (withheld or missing) or, for a weighted mean, without a population,
 * has no value, with the reason: a mean over the others would be a different area's.
 */
@Component
class CustomAreaStatistics {

    /** Measure names that are positions in an ordering, not amounts. */
    static final Pattern ORDINAL = Pattern.compile("(?i).*(rank|decile|quintile|quartile|percentile|centile).*");

    private final IndicatorValues values;
    private final IndicatorStore store;

    CustomAreaStatistics(IndicatorValues values, IndicatorStore store) {
        this.values = values;
        this.store = store;
    }

    IndicatorValues.Table table(Indicator indicator, Access access, String within, List<CustomArea> areas, String output) {
        IndicatorStore.StatisticsContents contents = store.statisticsContents(indicator.datasetId()).orElseThrow(() ->
                ApiProblem.badRequest("invalid-request", "indicator " + indicator.id() + "'s dataset has no published area statistics now"));
        if (!"lsoa".equals(contents.level())) {
            throw ApiProblem.badRequest("invalid-request", "custom areas are made of LSOAs, and this indicator's statistic is given by "
                    + contents.level() + ", so it has no custom-area values");
        }
        String statistic = indicator.statistic();
        if (statistic != null && ORDINAL.matcher(statistic).matches()) {
            throw ApiProblem.badRequest("not-averageable", "'" + statistic + "' is a position in a national ordering (a rank or "
                    + "a decile), which cannot be averaged over a custom area's LSOAs: the mean of LSOAs' ranks or deciles is not "
                    + "the rank or decile of the area they make. Choose a score, rate or count measure instead (such as the IMD score)");
        }
        boolean extensive = contents.countMeasures().contains(statistic);
        IndicatorValues.Table lsoas = values.table(indicator, access, "lsoa", null, output);
        Map<String, Double> byLsoa = new HashMap<>();
        Map<String, Boolean> withheld = new HashMap<>();
        lsoas.areas().forEach(v -> {
            byLsoa.put(v.code(), v.value());
            withheld.put(v.code(), v.suppressed());
        });
        Map<String, IndicatorStore.Population> population = store.population("lsoa");

        List<IndicatorValues.Value> rows = new ArrayList<>();
        for (CustomArea area : areas) {
            rows.add(combine(area.code(), area.name(), area.district(), area.lsoas(), byLsoa, withheld, population, extensive));
        }
        Map<String, IndicatorValues.Value> districts = new LinkedHashMap<>();
        IndicatorValues.Value partnership;
        if (extensive) {
            partnership = new IndicatorValues.Value("partnership", "The partnership area", null, null, null, null, null, 0, false, null);
        } else {
            Map<String, List<String>> byDistrict = new LinkedHashMap<>();
            List<String> all = new ArrayList<>();
            population.values().stream().filter(p -> byLsoa.get(p.code()) != null).forEach(p -> {
                all.add(p.code());
                byDistrict.computeIfAbsent(p.district(), d -> new ArrayList<>()).add(p.code());
            });
            byDistrict.forEach((code, members) -> districts.put(code,
                    combine(code, code, null, members, byLsoa, withheld, population, false)));
            partnership = combine("partnership", "The partnership area", null, all, byLsoa, withheld, population, false);
        }
        return new IndicatorValues.Table(indicator, lsoas.access(), CustomAreaValues.LEVEL, within, rows, districts, partnership);
    }

    /** The weighted mean (or the sum, for a count) of some LSOAs' values; none, with the reason, if any is missing. */
    private static IndicatorValues.Value combine(String code, String name, String district, List<String> members, Map<String, Double> byLsoa,
                                                 Map<String, Boolean> withheld, Map<String, IndicatorStore.Population> population,
                                                 boolean extensive) {
        double sum = 0;
        double weighted = 0;
        long people = 0;
        for (String lsoa : members) {
            Double value = byLsoa.get(lsoa);
            if (value == null) {
                boolean hidden = Boolean.TRUE.equals(withheld.get(lsoa));
                return new IndicatorValues.Value(code, name, district, null, null, null, null, 0, true,
                        "LSOA " + lsoa + "'s value is " + (hidden ? "withheld" : "missing"));
            }
            IndicatorStore.Population p = population.get(lsoa);
            Long residents = p == null ? null : p.population();
            if (!extensive && (residents == null || residents <= 0)) {
                return new IndicatorValues.Value(code, name, district, null, null, null, null, 0, true,
                        "LSOA " + lsoa + " has no population to weight its value by");
            }
            sum += value;
            if (!extensive) {
                weighted += value * residents;
                people += residents;
            }
        }
        if (members.isEmpty()) {
            return new IndicatorValues.Value(code, name, district, null, null, null, null, 0, true, "no LSOAs");
        }
        return extensive ? new IndicatorValues.Value(code, name, district, null, null, sum, null, 0, false, null)
                : new IndicatorValues.Value(code, name, district, null, people, weighted / people, null, 0, false, null);
    }
}
