package org.patchwork.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.patchwork.access.Access;
import org.patchwork.access.AccessPolicy;
import org.patchwork.disclosure.Atom;
import org.patchwork.disclosure.Cell;
import org.patchwork.disclosure.CustomAreaRule;
import org.patchwork.disclosure.DisclosureControl;
import org.patchwork.disclosure.DisclosureRule;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of events by area with the viewer's disclosure rule applied. Every level the viewer may see is
 * protected together, so what one level shows cannot be subtracted from another. Callers have already
 * checked access; the {@link Access} they pass decides the rule and the levels.
 */
@Service
public class EventCounts {

    private final EventStore store;

    EventCounts(EventStore store) {
        this.store = store;
    }

    public record AreaCount(String code, String name, Long count, boolean suppressed, String reason) {
    }

    public record CountTable(String level, List<AreaCount> areas, AreaCount outside) {
    }

    public List<EventDataset> datasets() {
        return store.datasets();
    }

    /** Areas and the outside count are read in one snapshot, so a version published meanwhile is never half seen. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CountTable counts(long datasetId, String level, CountFilter filter, Access access) {
        requireSingleSlice(filter, access);
        List<String> levels = AccessPolicy.allowedLevels(access);
        if (!levels.contains(level)) {
            throw new ApiProblem(org.springframework.http.HttpStatus.FORBIDDEN, "geography-not-allowed", "Forbidden",
                    "Your agreement allows counts for " + levels + " only, not '" + level + "'");
        }
        List<Atom> atoms = store.atoms(datasetId, filter);
        Map<String, Map<String, Cell>> cells = DisclosureControl.protect(atoms, levels, access.rule());
        Map<String, String> names = store.areaNames(level);
        List<AreaCount> areas = new ArrayList<>();
        cells.get(level).forEach((code, cell) -> areas.add(new AreaCount(code, names.getOrDefault(code, code),
                cell.count(), cell.suppressed(), cell.reason())));
        AreaCount outside = access.rule().maxSuppressed() > 0
                ? new AreaCount("outside", "Outside the loaded areas", null, true, NOT_WITH_AGGREGATES)
                : single("outside", "Outside the loaded areas", store.outside(datasetId, filter), access.rule());
        return new CountTable(level, areas, outside);
    }

    /**
     * With disclosure control, counts are released for one category and one month at a time: a table
     * over a range of months or over all categories could be subtracted from the tables of its parts to
     * recover a suppressed count, so only the finest slices are published (their sums are the person's).
     */
    private static void requireSingleSlice(CountFilter filter, Access access) {
        if (access.rule().maxSuppressed() == 0) {
            return;
        }
        if (filter.category() == null || filter.from() == null || !filter.from().equals(filter.to())) {
            throw ApiProblem.badRequest("single-slice-required", "With " + access.level().key() + " access, counts are given for one "
                    + "category and one month at a time (category=...&from=YYYY-MM&to=the same month), so that overlapping "
                    + "tables cannot be subtracted to reveal a small count");
        }
    }

    /** A custom area's count (whole LSOAs), or a suppressed answer saying why; unknown codes are an error. */
    public AreaCount custom(long datasetId, Set<String> lsoas, CountFilter filter, Access access) {
        requireSingleSlice(filter, access);
        List<Atom> atoms = store.atoms(datasetId, filter);
        Set<String> known = new TreeSet<>();
        atoms.forEach(atom -> known.add(atom.areas().get("lsoa")));
        Set<String> unknown = new TreeSet<>(lsoas);
        unknown.removeAll(known);
        if (lsoas.isEmpty() || !unknown.isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", lsoas.isEmpty() ? "lsoas must list at least one LSOA code"
                    : "unknown LSOA codes: " + unknown.stream().limit(10).toList());
        }
        if (access.rule().maxSuppressed() == 0) {
            long sum = atoms.stream().filter(a -> lsoas.contains(a.areas().get("lsoa"))).mapToLong(Atom::count).sum();
            return new AreaCount("custom", "Custom area", access.rule().round(sum), false, null);
        }
        Map<String, Map<String, Cell>> cells = DisclosureControl.protect(atoms, AccessPolicy.allowedLevels(access), access.rule());
        Optional<Long> released = CustomAreaRule.release(lsoas, atoms, cells);
        return released.map(count -> new AreaCount("custom", "Custom area", count, false, null))
                .orElseGet(() -> new AreaCount("custom", "Custom area", null, true, CustomAreaRule.REFUSED));
    }

    /** The categories of the dataset; their totals only for record-level access (a total is a margin to subtract from). */
    public List<AreaCount> categories(long datasetId, Access access) {
        return store.categories(datasetId).stream()
                .map(total -> access.rule().maxSuppressed() > 0
                        ? new AreaCount(total.category(), total.category(), null, true, NOT_WITH_AGGREGATES)
                        : single(total.category(), total.category(), total.events(), access.rule())).toList();
    }

    static final String NOT_WITH_AGGREGATES = "not published with aggregate access (it could be subtracted from published counts)";

    private static AreaCount single(String code, String name, long count, DisclosureRule rule) {
        return rule.isSmall(count)
                ? new AreaCount(code, name, null, true, DisclosureControl.SMALL)
                : new AreaCount(code, name, rule.round(count), false, null);
    }
}
