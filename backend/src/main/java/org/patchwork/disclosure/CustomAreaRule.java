package org.patchwork.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The differencing guard for custom areas (an area a user draws or picks, made of whole LSOAs).
 *
 * <p>Rule: for a user who may only see aggregates, a custom area's count is released only when the
 * area is exactly a union of areas at one published level, none of them suppressed; the count is then
 * the sum of those published counts. Why this is sufficient: such a count is a sum of numbers the user
 * already has, so any subtraction of custom areas from each other or from standard areas yields nothing
 * that the protected standard table does not already give (and that table is protected against
 * differencing by {@link DisclosureControl}). Any other custom area, however large, could cut a small
 * group of people off from a standard area, so it is refused rather than estimated.
 */
public final class CustomAreaRule {

    public static final String REFUSED = "a custom area is counted only when it is made of whole published areas "
            + "(at one level your agreement allows) none of which is suppressed";

    private CustomAreaRule() {
    }

    /** The released count, or empty when the area must not be counted for this user. */
    public static Optional<Long> release(Set<String> lsoas, List<Atom> atoms, Map<String, Map<String, Cell>> cells) {
        for (var level : cells.entrySet()) {
            Optional<Long> sum = sumOfWholeAreas(lsoas, atoms, level.getKey(), level.getValue());
            if (sum.isPresent()) {
                return sum;
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> sumOfWholeAreas(Set<String> lsoas, List<Atom> atoms, String level, Map<String, Cell> cells) {
        Set<String> touched = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (Atom atom : atoms) {
            String lsoa = atom.areas().get("lsoa");
            String area = atom.areas().get(level);
            if (lsoa != null && lsoas.contains(lsoa)) {
                if (area == null) {
                    return Optional.empty();
                }
                touched.add(area);
                covered.add(lsoa);
            }
        }
        if (touched.isEmpty() || !covered.equals(lsoas)) {
            return Optional.empty();
        }
        for (Atom atom : atoms) {
            String area = atom.areas().get(level);
            if (touched.contains(area) && !lsoas.contains(atom.areas().get("lsoa"))) {
                return Optional.empty();   // the custom area cuts this area in two
            }
        }
        long sum = 0;
        for (String area : touched) {
            Cell cell = cells.get(area);
            if (cell == null || cell.suppressed()) {
                return Optional.empty();
            }
            sum += cell.count();
        }
        return Optional.of(sum);
    }
}
