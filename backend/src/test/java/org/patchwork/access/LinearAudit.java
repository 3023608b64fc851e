package org.patchwork.access;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchwork.disclosure.Atom;
import org.patchwork.disclosure.Cell;

/**
 * Runs the disclosure package's own test utility {@code LinearDisclosureAudit} (exact Gaussian elimination:
 * which suppressed cells do the published ones determine?) on a real published table, when it is on the
 * test class path. It is package-private there and maintained with that package, so it is reached by
 * reflection and skipped (empty) when absent or changed.
 */
final class LinearAudit {

    private static final String CLASS = "org.patchwork.disclosure.LinearDisclosureAudit";

    private LinearAudit() {
    }

    /** The suppressed cells a user knowing the published cells and the partnership total can compute, or empty when the audit is unavailable. */
    static Optional<List<String>> ifPresent(CrimeData crime, CrimeData.Filter filter, Map<String, Map<String, PublishedCounts.Cell>> published) {
        Method withTotalKnown;
        Method determinedSuppressedCells;
        try {
            Class<?> audit = Class.forName(CLASS);
            withTotalKnown = audit.getDeclaredMethod("withTotalKnown", List.class, Map.class);
            determinedSuppressedCells = audit.getDeclaredMethod("determinedSuppressedCells");
            withTotalKnown.setAccessible(true);
            determinedSuppressedCells.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
        Map<String, Long> truth = crime.counts("lsoa", filter);
        List<Atom> atoms = crime.lsoas.stream().map(l -> new Atom(l.areas(), truth.get(l.in("lsoa")))).toList();
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        published.forEach((level, byCode) -> {
            Map<String, Cell> levelCells = new LinkedHashMap<>();
            byCode.forEach((code, cell) -> levelCells.put(code, new Cell(level, code, cell.count(), cell.suppressed(), null)));
            cells.put(level, levelCells);
        });
        try {
            Object audit = withTotalKnown.invoke(null, atoms, cells);
            List<String> found = new ArrayList<>();
            ((List<?>) determinedSuppressedCells.invoke(audit)).forEach(disclosure -> found.add(String.valueOf(disclosure)));
            return Optional.of(found);
        } catch (IllegalAccessException e) {
            return Optional.empty();
        } catch (InvocationTargetException e) {
            throw new AssertionError("LinearDisclosureAudit failed", e.getCause());
        }
    }
}
