package org.patchwork.indicators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.time.YearMonth;
import org.patchwork.access.Access;
import org.patchwork.access.AccessPolicy;
import org.patchwork.customareas.CustomArea;
import org.patchwork.customareas.CustomAreas;
import org.patchwork.disclosure.CellKeyPerturbation;
import org.patchwork.events.CountFilter;
import org.patchwork.events.EventCounts;
import org.springframework.stereotype.Component;

/**
 * An indicator's values for custom areas (geography {@code custom}): each area's count is published by
 * {@link EventCounts#customAreas} (perturbed from its own events, under disclosure control only after the
 * custom-area ledger has let it through, so two overlapping areas cannot be subtracted to pin a small count),
 * over the mid-2015 population of its LSOAs. An area wholly in one district is compared with that district;
 * every area with the partnership. Area statistics given by LSOA are combined from their LSOAs by
 * {@link CustomAreaStatistics} (a population-weighted mean, or a sum for counts; ranks and deciles refused).
 */
@Component
class CustomAreaValues {

    static final String LEVEL = "custom";

    private final EventCounts counts;
    private final CustomAreas customAreas;
    private final IndicatorValues values;
    private final IndicatorStore store;
    private final AccessPolicy policy;
    private final CellKeyPerturbation perturbation;
    private final CustomAreaStatistics statistics;

    CustomAreaValues(EventCounts counts, CustomAreas customAreas, IndicatorValues values, IndicatorStore store, AccessPolicy policy,
                     CellKeyPerturbation perturbation, CustomAreaStatistics statistics) {
        this.statistics = statistics;
        this.counts = counts;
        this.customAreas = customAreas;
        this.values = values;
        this.store = store;
        this.policy = policy;
        this.perturbation = perturbation;
    }

    /** Every saved custom area (restricted to those wholly in {@code within} when it is set). */
    IndicatorValues.Table table(Indicator indicator, Access access, String within, String output) {
        List<CustomArea> areas = customAreas.visible(policy.currentViewer()).stream()
                .filter(area -> within == null || within.equals(area.district())).toList();
        return table(indicator, access, within, areas, output);
    }

    /** The values of the given custom areas, with the district and partnership comparators. */
    IndicatorValues.Table table(Indicator indicator, Access access, String within, List<CustomArea> areas, String output) {
        if (!indicator.measure().fromEvents()) {
            return statistics.table(indicator, access, within, areas, output);
        }
        IndicatorValues.Table districts = values.table(indicator, access, "district", null, output);
        Map<String, IndicatorValues.Count> total = counts(indicator, access, areas, indicator.from(), indicator.to());
        Map<String, IndicatorStore.Population> population = store.population("lsoa");
        List<IndicatorValues.Value> rows = new ArrayList<>();
        for (CustomArea area : areas) {
            rows.add(IndicatorValues.value(indicator, total.get(area.code()), area.district(), population(area, population)));
        }
        policy.audit("aggregate-access", indicator.datasetId(), output, rows.size(), "indicator=" + indicator.id() + " level=custom"
                + (within == null ? "" : " within=" + within));
        return new IndicatorValues.Table(indicator, access, LEVEL, within, rows, districts.districts(), districts.partnership());
    }

    /** The mid-2015 population of a custom area: the sum over its LSOAs, as for its rates. */
    static Long population(CustomArea area, Map<String, IndicatorStore.Population> population) {
        return area.lsoas().stream().map(population::get).filter(Objects::nonNull).map(IndicatorStore.Population::population)
                .filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    /**
     * The indicator's counts for custom areas between two months, as published to this viewer (each category's
     * count through the custom-area ledger, added up; an area with any part withheld has no count).
     */
    Map<String, IndicatorValues.Count> counts(Indicator indicator, Access access, List<CustomArea> areas, YearMonth from, YearMonth to) {
        Map<String, Set<String>> lsoas = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        areas.forEach(area -> {
            lsoas.put(area.code(), new TreeSet<>(area.lsoas()));
            names.put(area.code(), area.name());
        });
        Map<String, IndicatorValues.Count> total = new LinkedHashMap<>();
        double variance = perturbation.variance(AccessPolicy.protection(access));
        List<String> categories = indicator.categories().isEmpty() ? Collections.singletonList(null) : indicator.categories();
        String username = policy.currentViewer().username();
        for (String category : categories) {
            for (EventCounts.AreaCount area : counts.customAreas(indicator.datasetId(), lsoas, names,
                    new CountFilter(category, from, to), access, username)) {
                boolean withheld = area.suppressed() || area.count() == null;
                IndicatorValues.Count part = new IndicatorValues.Count(area.code(), area.name(), withheld ? null : area.count(),
                        withheld ? 0 : variance, withheld, area.reason());
                total.merge(area.code(), part, IndicatorValues::add);
            }
        }
        return total;
    }
}
