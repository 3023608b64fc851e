package org.patchwork.events;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.patchwork.access.Access;
import org.patchwork.access.AccessPolicy;
import org.patchwork.disclosure.CellKeyPerturbation;
import org.patchwork.disclosure.Protection;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of events by area with the viewer's protection applied (cell-key perturbation, see
 * {@link CellKeyPerturbation}): every published count, of an area at any level, a custom area, the
 * outside count or a category total, is perturbed from the count and record-key sum of exactly its own
 * events, never added up from perturbed parts. Callers have already checked access; the {@link Access}
 * they pass decides the protection and the levels.
 */
@Service
public class EventCounts {

    private final EventStore store;
    private final CellKeyPerturbation perturbation;
    private final CustomAreaLedger ledger;

    EventCounts(EventStore store, CellKeyPerturbation perturbation, CustomAreaLedger ledger) {
        this.store = store;
        this.perturbation = perturbation;
        this.ledger = ledger;
    }

    /** One published count; {@code suppressed} is always false now (kept for clients that read it), {@code reason} null. */
    public record AreaCount(String code, String name, Long count, boolean suppressed, String reason) {
    }

    public record CountTable(String level, List<AreaCount> areas, AreaCount outside) {
    }

    public List<EventDataset> datasets() {
        return store.datasets();
    }

    /** What responses say about how their numbers are protected (the method, never its parameters). */
    public Map<String, Object> disclosure(Access access) {
        return perturbation.describe(AccessPolicy.protection(access));
    }

    /** The viewer's protection, once the filter's periods and the level are ones their agreement releases. */
    private static Protection releasable(Access access, String level, CountFilter filter) {
        Protection protection = AccessPolicy.protection(access);
        ReleasablePeriods.require(filter, protection);
        requireLevel(access, level);
        return protection;
    }

    private static void requireLevel(Access access, String level) {
        List<String> levels = AccessPolicy.allowedLevels(access);
        if (!levels.contains(level)) {
            throw new ApiProblem(org.springframework.http.HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden",
                    "Your agreement allows counts for " + levels + " only, not '" + level + "'");
        }
    }

    /** Areas and the outside count are read in one snapshot, so a version published meanwhile is never half seen. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CountTable counts(long datasetId, String level, CountFilter filter, Access access) {
        Protection protection = releasable(access, level, filter);
        String stamp = store.stamp(datasetId);   // read once: sums, names and the outside count are kept under it
        Map<String, long[]> byArea = store.sums(datasetId, level, filter, stamp);
        Map<String, String> names = store.areaNames(level, stamp);
        List<AreaCount> areas = new ArrayList<>();
        byArea.forEach((code, sums) -> areas.add(published(code, names.getOrDefault(code, code), sums[0], sums[1], protection)));
        EventStore.KeyedCount outside = store.outside(datasetId, filter, stamp);
        return new CountTable(level, areas, published("outside", "Outside the loaded areas", outside.events(), outside.keySum(), protection));
    }

    /**
     * One area's events by category and month over a span, read once, for a series that asks for the area in
     * each of its months, quarters and years: {@link AreaMonths#count} gives each exactly as
     * {@link #counts(long, String, CountFilter, Access)} gives the area in the period's table (perturbed from the
     * count and record-key sum of its own events, the same periods releasable). {@code categories} empty: all.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AreaMonths areaMonths(long datasetId, String level, String code, List<String> categories, YearMonth from, YearMonth to,
                                 Access access) {
        requireLevel(access, level);   // and each count its period
        var months = store.areaMonths(datasetId, level, code, categories, from, to);
        String name = months.isEmpty() ? code : store.areaNames(level, store.stamp(datasetId)).getOrDefault(code, code);
        return new AreaMonths(level, code, name, from, to, months.orElse(null), access);
    }

    /** An area's months as read by {@link #areaMonths}; only protected counts leave it. */
    public final class AreaMonths {
        private final String level;
        private final String code;
        private final String name;
        private final YearMonth from;
        private final YearMonth to;
        private final List<EventStore.MonthCell> months;   // null: the level has no such area
        private final Access access;

        private AreaMonths(String level, String code, String name, YearMonth from, YearMonth to, List<EventStore.MonthCell> months,
                           Access access) {
            this.level = level;
            this.code = code;
            this.name = name;
            this.from = from;
            this.to = to;
            this.months = months;
            this.access = access;
        }

        /** The area's count under a filter of months inside the span read; null when the level has no such area. */
        public AreaCount count(CountFilter filter) {
            Protection protection = releasable(access, level, filter);
            if (filter.from() == null || filter.to() == null || filter.from().isBefore(from) || filter.to().isAfter(to)) {
                throw new IllegalArgumentException("months " + filter.from() + " to " + filter.to() + " are not all read (" + from + " to " + to + ")");
            }
            if (months == null) {
                return null;
            }
            long count = 0;
            long keySum = 0;
            for (EventStore.MonthCell cell : months) {
                if ((filter.category() == null || filter.category().equals(cell.category()))
                        && !cell.month().isBefore(filter.from()) && !cell.month().isAfter(filter.to())) {
                    count += cell.events();
                    keySum += cell.keySum();
                }
            }
            return published(code, name, count, keySum, protection);
        }
    }

    /**
     * A custom area's count (whole LSOAs): perturbed from its own events like any area. Under disclosure
     * control the area must first pass the {@link CustomAreaLedger}; unknown codes are an error.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public AreaCount custom(long datasetId, Set<String> lsoas, CountFilter filter, Access access, String username) {
        Protection protection = AccessPolicy.protection(access);
        ReleasablePeriods.require(filter, protection);
        List<LsoaCell> cells = store.cells(datasetId, filter);
        Set<String> known = new TreeSet<>();
        cells.forEach(cell -> known.add(cell.areas().get("lsoa")));
        Set<String> unknown = new TreeSet<>(lsoas);
        unknown.removeAll(known);
        if (lsoas.isEmpty() || !unknown.isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", lsoas.isEmpty() ? "lsoas must list at least one LSOA code"
                    : "unknown LSOA codes: " + unknown.stream().limit(10).toList());
        }
        requireWholeAreasOfSmallestLevel(cells, lsoas, access);
        if (!protection.exact()) {
            ledger.admit(datasetId, store.currentVersion(datasetId), new TreeSet<>(lsoas), standardAreas(cells), username);
        }
        long count = 0;
        long keySum = 0;
        for (LsoaCell cell : cells) {
            if (lsoas.contains(cell.areas().get("lsoa"))) {
                count += cell.count();
                keySum += cell.keySum();
            }
        }
        return published("custom", "Custom area", count, keySum, protection);
    }

    /**
     * The counts of several custom areas (saved ones, by code) in one snapshot, each as {@link #custom} gives it:
     * perturbed from its own events, and under disclosure control only once it has passed the
     * {@link CustomAreaLedger}. An area the ledger refuses, that has LSOAs no longer loaded, or that is not made of
     * whole areas of the agreement's smallest level gets no count ({@code suppressed}, with the reason), so one
     * refused area does not take the others' counts away.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public List<AreaCount> customAreas(long datasetId, Map<String, Set<String>> areas, Map<String, String> names, CountFilter filter,
                                       Access access, String username) {
        Protection protection = AccessPolicy.protection(access);
        ReleasablePeriods.require(filter, protection);
        List<LsoaCell> cells = store.cells(datasetId, filter);
        Map<String, long[]> byLsoa = new HashMap<>();
        cells.forEach(cell -> byLsoa.put(cell.areas().get("lsoa"), new long[] {cell.count(), cell.keySum()}));
        List<Set<String>> standard = protection.exact() ? List.of() : standardAreas(cells);
        Long version = protection.exact() ? null : store.currentVersion(datasetId);
        List<AreaCount> result = new ArrayList<>();
        areas.forEach((code, lsoas) -> {
            String name = names.getOrDefault(code, code);
            try {
                if (lsoas.isEmpty() || !byLsoa.keySet().containsAll(lsoas)) {
                    throw ApiProblem.badRequest("invalid-request", "the area has LSOAs that are not loaded now");
                }
                requireWholeAreasOfSmallestLevel(cells, lsoas, access);
                if (!protection.exact()) {
                    ledger.admit(datasetId, version, new TreeSet<>(lsoas), standard, username);
                }
            } catch (ApiProblem refused) {
                result.add(new AreaCount(code, name, null, true, refused.getMessage()));
                return;
            }
            long count = 0;
            long keySum = 0;
            for (String lsoa : lsoas) {
                count += byLsoa.get(lsoa)[0];
                keySum += byLsoa.get(lsoa)[1];
            }
            result.add(published(code, name, count, keySum, protection));
        });
        return result;
    }

    /** The categories of the dataset with their totals over the whole dataset, each perturbed from its own events. */
    public List<AreaCount> categories(long datasetId, Access access) {
        Protection protection = AccessPolicy.protection(access);
        return store.categories(datasetId).stream()
                .map(total -> published(total.category(), total.category(), total.events(), total.keySum(), protection)).toList();
    }

    /**
     * An agreement whose smallest geography is above LSOAs (say MSOAs) allows custom areas made of whole
     * areas of that level only; otherwise a custom area of one LSOA would be a count the agreement does not give.
     */
    private static void requireWholeAreasOfSmallestLevel(List<LsoaCell> cells, Set<String> lsoas, Access access) {
        String smallest = AccessPolicy.allowedLevels(access).get(0);
        if (smallest.equals("lsoa")) {
            return;
        }
        Set<String> touched = new TreeSet<>();
        cells.stream().filter(cell -> lsoas.contains(cell.areas().get("lsoa"))).forEach(cell -> touched.add(cell.areas().get(smallest)));
        boolean whole = cells.stream().filter(cell -> touched.contains(cell.areas().get(smallest)))
                .allMatch(cell -> lsoas.contains(cell.areas().get("lsoa")));
        if (!whole) {
            throw new ApiProblem(org.springframework.http.HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden",
                    "Your agreement allows counts for " + AccessPolicy.allowedLevels(access) + " only: a custom area must be made of whole "
                            + smallest + " areas");
        }
    }

    /** Every standard area (all four levels) as its set of LSOAs. */
    private static List<Set<String>> standardAreas(List<LsoaCell> cells) {
        Map<String, Set<String>> areas = new HashMap<>();
        for (LsoaCell cell : cells) {
            cell.areas().forEach((level, code) -> {
                if (code != null) {
                    areas.computeIfAbsent(level + "/" + code, key -> new TreeSet<>()).add(cell.areas().get("lsoa"));
                }
            });
        }
        return new ArrayList<>(areas.values());
    }

    private AreaCount published(String code, String name, long count, long keySum, Protection protection) {
        return new AreaCount(code, name, perturbation.events(protection, count, keySum), false, null);
    }
}
