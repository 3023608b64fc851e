package org.patchwork.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patchwork.access.Access;
import org.patchwork.access.AccessPolicy;
import org.patchwork.disclosure.CellKeyPerturbation;
import org.patchwork.events.CountFilter;
import org.patchwork.events.EventCounts;
import org.patchwork.rates.Comparison;
import org.patchwork.rates.ConfidenceLevel;
import org.patchwork.rates.Estimate;
import org.patchwork.rates.PoissonInterval;
import org.patchwork.rates.Rates;
import org.patchwork.statistics.StatisticsSlices;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * An indicator's values for every area of a level, with the district and partnership comparators.
 *
 * <p>Events: the numerator is the area's count as {@link EventCounts} publishes it to this viewer (exact for
 * record-level access, protected otherwise); several categories are counted one by one and added, and a
 * suppressed part leaves the area with no value. The denominator is the mid-2015 population of the area's
 * loaded LSOAs. The district comparator is the district's own published count (never a sum of protected
 * parts) over its population; the partnership's is the sum of the districts' published counts over the
 * population of every loaded LSOA. Intervals and comparisons are the {@code rates} package's.
 *
 * <p>Area statistics: the value as loaded at the dataset's own level, with no interval; the comparators are
 * the means of the district's and of all areas' values, and the comparison says on which side the value lies.
 */
@Component
class IndicatorValues {

    private final EventCounts counts;
    private final StatisticsSlices statistics;
    private final AccessPolicy policy;
    private final IndicatorStore store;

    private final CellKeyPerturbation perturbation;
    private final IndicatorTables tables;

    IndicatorValues(EventCounts counts, StatisticsSlices statistics, AccessPolicy policy, IndicatorStore store,
                    CellKeyPerturbation perturbation, IndicatorTables tables) {
        this.perturbation = perturbation;
        this.tables = tables;
        this.counts = counts;
        this.statistics = statistics;
        this.policy = policy;
        this.store = store;
    }

    /**
     * A count as published: null when suppressed (any part suppressed), with the reason; {@code variance} is the
     * variance of the noise a perturbed count carries (0 for exact or suppressed-and-rounded counts), which
     * widens its interval (rates.PoissonInterval#perturbed). Counts added up add their variances.
     */
    record Count(String code, String name, Long count, double variance, boolean suppressed, String reason) {

        Count(String code, String name, Long count, boolean suppressed, String reason) {
            this(code, name, count, 0, suppressed, reason);
        }
    }

    /** One area's (or comparator's) figures; intervals null when there is none. */
    record Value(String code, String name, String district, Long numerator, Long denominator, Double value, Estimate estimate,
                 double variance, boolean suppressed, String reason) {
    }

    /** The values of a level (restricted to one district when {@code within} is set) and their comparators. */
    record Table(Indicator indicator, Access access, String level, String within, List<Value> areas, Map<String, Value> districts,
                 Value partnership, IndicatorTables.Whole kept) {

        Table(Indicator indicator, Access access, String level, String within, List<Value> areas, Map<String, Value> districts,
              Value partnership) {
            this(indicator, access, level, within, areas, districts, partnership, null);
        }
    }

    Table table(Indicator indicator, Access access, String level, String within, String output) {
        String chosen = level == null || level.isBlank() ? indicator.level() : level.strip();
        if (!IndicatorStore.isLevel(chosen)) {
            throw ApiProblem.badRequest("invalid-parameter", "level must be one of " + org.patchwork.geography.BoundaryLevel.keys()
                    + "; got '" + level + "'");
        }
        IndicatorTables.Stamp stamp = tables.stamp(indicator.datasetId());   // one query: what kept tables depend on
        Map<String, IndicatorStore.Population> districtPopulation = store.population("district", stamp.reference());
        String district = within == null || within.isBlank() ? null : within.strip();
        if (district != null && !districtPopulation.containsKey(district)) {
            throw ApiProblem.badRequest("invalid-parameter", "within must be the code of a loaded district, such as "
                    + districtPopulation.keySet().stream().limit(3).toList() + "; got '" + within + "'");
        }
        Table table;
        if (indicator.measure().fromEvents()) {
            // the level check (audited when refused) runs for every request; the whole level's values for this
            // access tier and state of the data are computed once and sliced by district (IndicatorTables)
            requireLevel(indicator, access, chosen, output);
            IndicatorTables.Whole whole = tables.get(indicator, chosen, access, stamp,
                    () -> events(indicator, access, chosen, null, districtPopulation, stamp.reference(), output));
            List<Value> areas = district == null ? whole.table.areas() : whole.byDistrict.getOrDefault(district, List.of());
            table = new Table(indicator, access, chosen, district, areas, whole.table.districts(), whole.table.partnership(), whole);
        } else {
            table = statistic(indicator, chosen, district, output);
        }
        if (indicator.measure().fromEvents()) {
            policy.audit("aggregate-access", indicator.datasetId(), output, table.areas().size(), ("indicator=" + indicator.id()
                    + " level=" + chosen + (district == null ? "" : " within=" + district)).strip());
        }
        return table;
    }

    /** Records and refuses (403) a level the viewer's agreement does not publish counts at, as the counts API does. */
    void requireLevel(Indicator indicator, Access access, String level, String output) {
        if (!AccessPolicy.allowedLevels(access).contains(level)) {
            policy.denied(indicator.datasetId(), output, "geography " + level + " not allowed");
            throw new ApiProblem(org.springframework.http.HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden",
                    "Your agreement allows figures for " + AccessPolicy.allowedLevels(access) + " only, not '" + level + "'");
        }
    }

    private Table events(Indicator indicator, Access access, String level, String within,
                         Map<String, IndicatorStore.Population> districtPopulation, String reference, String output) {
        Map<String, Count> atLevel = published(indicator, access, level, indicator.from(), indicator.to());
        Map<String, Count> atDistrict = level.equals("district") ? atLevel
                : published(indicator, access, "district", indicator.from(), indicator.to());
        Map<String, IndicatorStore.Population> population = level.equals("district") ? districtPopulation
                : store.population(level, reference);

        Map<String, Value> districts = new LinkedHashMap<>();
        atDistrict.forEach((code, count) -> districts.put(code, value(indicator, count, code, population(districtPopulation, code))));
        Long partnershipCount = districts.values().stream().map(Value::numerator).anyMatch(Objects::isNull) ? null
                : districts.values().stream().mapToLong(Value::numerator).sum();
        double partnershipVariance = atDistrict.values().stream().mapToDouble(Count::variance).sum();
        long partnershipPopulation = districtPopulation.values().stream().map(IndicatorStore.Population::population)
                .filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        Value partnership = value(indicator, new Count("partnership", "The partnership area", partnershipCount, partnershipVariance,
                partnershipCount == null, partnershipCount == null ? "a district's count is withheld" : null), null, partnershipPopulation);

        List<Value> areas = new ArrayList<>();
        atLevel.forEach((code, count) -> {
            IndicatorStore.Population p = population.get(code);
            String district = p == null ? null : p.district();
            if (within == null || within.equals(district)) {
                areas.add(value(indicator, count, district, p == null ? null : p.population()));
            }
        });
        return new Table(indicator, access, level, within, java.util.Collections.unmodifiableList(areas),
                java.util.Collections.unmodifiableMap(districts), partnership);
    }

    private static Long population(Map<String, IndicatorStore.Population> populations, String code) {
        IndicatorStore.Population p = populations.get(code);
        return p == null ? null : p.population();
    }

    /**
     * The indicator's counts by area of {@code level} between two months, as published to this viewer: one
     * table per category, added up; an area with any part withheld has no count.
     */
    Map<String, Count> published(Indicator indicator, Access access, String level, YearMonth from, YearMonth to) {
        List<String> categories = indicator.categories().isEmpty() ? java.util.Collections.singletonList(null) : indicator.categories();
        Map<String, Count> total = new LinkedHashMap<>();
        double variance = perturbation.variance(AccessPolicy.protection(access));
        for (String category : categories) {
            EventCounts.CountTable table = counts.counts(indicator.datasetId(), level, new CountFilter(category, from, to), access);
            for (EventCounts.AreaCount area : table.areas()) {
                Count part = new Count(area.code(), area.name(), area.suppressed() ? null : area.count(), area.suppressed() ? 0 : variance,
                        area.suppressed() || area.count() == null, area.reason());
                total.merge(area.code(), part, IndicatorValues::add);
            }
        }
        return total;
    }

    /**
     * One area's counts in any periods between two months (a series), each as {@link #published(Indicator, Access,
     * String, YearMonth, YearMonth)} gives it in the level's table; the area's events are read once, not a table
     * per period. A period's count is null where the level has no such area.
     */
    java.util.function.BiFunction<YearMonth, YearMonth, Count> overTime(Indicator indicator, Access access, String level, String code,
                                                                       YearMonth from, YearMonth to) {
        EventCounts.AreaMonths months = counts.areaMonths(indicator.datasetId(), level, code, indicator.categories(), from, to, access);
        List<String> categories = indicator.categories().isEmpty() ? java.util.Collections.singletonList(null) : indicator.categories();
        double variance = perturbation.variance(AccessPolicy.protection(access));
        return (first, last) -> {
            Count total = null;
            for (String category : categories) {
                EventCounts.AreaCount area = months.count(new CountFilter(category, first, last));
                if (area == null) {
                    continue;
                }
                Count part = new Count(area.code(), area.name(), area.suppressed() ? null : area.count(), area.suppressed() ? 0 : variance,
                        area.suppressed() || area.count() == null, area.reason());
                total = total == null ? part : add(total, part);
            }
            return total;
        };
    }

    static Count add(Count a, Count b) {
        boolean withheld = a.count() == null || b.count() == null;
        return new Count(a.code(), a.name(), withheld ? null : a.count() + b.count(), a.variance() + b.variance(),
                a.suppressed() || b.suppressed(),
                a.reason() != null ? a.reason() : b.reason());
    }

    /** The figures of one area from its published count and population. */
    static Value value(Indicator indicator, Count count, String district, Long population) {
        Long numerator = count.count();
        Estimate estimate = null;
        if (numerator != null) {
            if (indicator.measure().isRate()) {
                estimate = population != null && population > 0
                        ? Rates.rate(numerator, population, indicator.measure().multiplier(), count.variance()) : null;
            } else {
                estimate = new Estimate(numerator, PoissonInterval.perturbed(numerator, count.variance(), ConfidenceLevel.NINETY_FIVE),
                        PoissonInterval.perturbed(numerator, count.variance(), ConfidenceLevel.NINETY_NINE_POINT_EIGHT));
            }
        }
        return new Value(count.code(), count.name(), district, numerator, population, estimate == null ? null : estimate.value(),
                estimate, count.variance(), count.suppressed(), count.reason());
    }

    /** How an area compares with a benchmark value at a confidence level, Fingertips' way (rates only). */
    static Comparison compare(Indicator indicator, Value area, Value benchmark, ConfidenceLevel level) {
        if (!indicator.measure().isRate() || area.estimate() == null || benchmark == null || benchmark.value() == null
                || area.code().equals(benchmark.code())) {
            return Comparison.NOT_COMPARED;
        }
        return Comparison.of(area.estimate().interval(level), benchmark.value());
    }

    private Table statistic(Indicator indicator, String level, String within, String output) {
        StatisticsSlices.Slice slice = statistics.slice(indicator.datasetId(), output, indicator.statistic(), null, null, false);
        if (!slice.level().equals(level)) {
            throw ApiProblem.badRequest("invalid-parameter", "this indicator's statistic is given by " + slice.level()
                    + " only; level must be " + slice.level());
        }
        Map<String, IndicatorStore.Population> population = store.population(level);
        List<Value> all = new ArrayList<>();
        for (StatisticsSlices.Value v : slice.values()) {
            IndicatorStore.Population p = population.get(v.code());
            all.add(new Value(v.code(), v.name(), p == null ? null : p.district(), null, null,
                    v.value() == null ? null : v.value().doubleValue(), null, 0, v.suppressed(), v.suppressed() ? "withheld" : null));
        }
        Map<String, List<Double>> byDistrict = new LinkedHashMap<>();
        all.stream().filter(v -> v.value() != null && v.district() != null)
                .forEach(v -> byDistrict.computeIfAbsent(v.district(), d -> new ArrayList<>()).add(v.value()));
        Map<String, Value> districts = new LinkedHashMap<>();
        byDistrict.forEach((code, values) -> districts.put(code, mean(code, code, values)));
        Value partnership = mean("partnership", "The partnership area",
                all.stream().map(Value::value).filter(Objects::nonNull).toList());
        List<Value> areas = all.stream().filter(v -> within == null || within.equals(v.district())).toList();
        return new Table(indicator, null, level, within, areas, districts, partnership);
    }

    private static Value mean(String code, String name, List<Double> values) {
        Double mean = values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Value(code, name, null, null, null, mean, null, 0, false, null);
    }

    /** Whether an area statistic lies above, on or below a mean (no interval, so no test of significance). */
    static String side(Value area, Value benchmark) {
        if (area.value() == null || benchmark == null || benchmark.value() == null || area.code().equals(benchmark.code())) {
            return "not-compared";
        }
        int side = Double.compare(area.value(), benchmark.value());
        return side > 0 ? "higher" : side < 0 ? "lower" : "similar";
    }
}
