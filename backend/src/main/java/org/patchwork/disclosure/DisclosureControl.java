package org.patchwork.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Protects a table of counts published at several levels of one geography (LSOA, MSOA, ward, district).
 *
 * <p>The rule, and why it is enough against recovering a count by differencing:
 * <ol>
 * <li><b>Primary:</b> a count from 1 to the rule's maximum is suppressed.</li>
 * <li><b>Secondary:</b> for every published area A and every other published level L, take the areas of
 *     L that lie wholly inside A and the remainder R of A they do not cover (e.g. the slivers between a
 *     ward and the MSOAs inside it). Then A = sum(areas of L inside A) + R. If exactly one term of that
 *     equation is unknown to the user (a suppressed count, a suppressed A, or a non-empty R) it can be
 *     worked out; so when it is a suppressed count, or an R from 1 to the maximum, one more count is
 *     suppressed: the smallest non-zero published part (else A). The whole partnership area counts as an
 *     always-known A. This repeats until nothing changes.</li>
 * <li><b>Rounding</b> (public level): published counts are rounded to the nearest multiple.</li>
 * </ol>
 * Every published area is a union of whole LSOAs (best-fit), so these equations are every subtraction a
 * user can make between two published areas that contain one another, at any pair of levels; counts of
 * areas that partly overlap cannot be subtracted at all without such a chain. Custom areas are handled
 * by {@link CustomAreaRule}.
 */
public final class DisclosureControl {

    public static final String SMALL = "small count";
    public static final String PROTECTS = "protects another suppressed count";

    private DisclosureControl() {
    }

    /** Cells for every level in {@code levels} (smallest first), with the rule applied. */
    public static Map<String, Map<String, Cell>> protect(List<Atom> atoms, List<String> levels, DisclosureRule rule) {
        Table table = new Table(atoms, levels);
        if (rule.maxSuppressed() > 0) {
            table.suppressPrimary(rule);
            while (table.suppressSecondary(rule)) {
                // repeat until no equation leaves exactly one unknown
            }
        }
        return table.cells(rule);
    }

    /** The counts of every area at each level, as unions of atoms, plus each area's atoms. */
    private static final class Table {
        private final List<String> levels;
        private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> reasons = new HashMap<>();
        private final List<Atom> atoms;
        private List<Equation> equations;

        Table(List<Atom> atoms, List<String> levels) {
            this.atoms = atoms;
            this.levels = levels;
            for (String level : levels) {
                counts.put(level, new TreeMap<>());
                reasons.put(level, new HashMap<>());
            }
            for (Atom atom : atoms) {
                for (String level : levels) {
                    String code = atom.areas().get(level);
                    if (code != null) {
                        counts.get(level).merge(code, atom.count(), Long::sum);
                    }
                }
            }
        }

        void suppressPrimary(DisclosureRule rule) {
            counts.forEach((level, byCode) -> byCode.forEach((code, count) -> {
                if (rule.isSmall(count)) {
                    reasons.get(level).put(code, SMALL);
                }
            }));
        }

        /** One pass over every equation; true when it suppressed something. */
        boolean suppressSecondary(DisclosureRule rule) {
            if (equations == null) {
                equations = equations();
            }
            boolean changed = false;
            for (Equation equation : equations) {
                changed |= check(equation, rule);
            }
            return changed;
        }

        /**
         * A = sum(parts) + remainder, for every container area A and every other level of parts. When the
         * remainder is exactly a union of cells of the smallest published level ({@code remainderCells}),
         * those cells stand in the equation instead of one unknown remainder, so chains across three
         * levels (ward - MSOA - its other LSOAs) are caught.
         */
        private record Equation(String container, String area, String part, List<String> parts,
                                boolean hasRemainder, long remainderCount, List<String> remainderCells) {
        }

        private List<Equation> equations() {
            List<String> containers = new ArrayList<>(levels);
            containers.add("all");
            List<Equation> result = new ArrayList<>();
            for (String container : containers) {
                for (String part : levels) {
                    if (part.equals(container)) {
                        continue;
                    }
                    // a part lies inside a container area when all its atoms do
                    Map<String, Set<String>> containersOfPart = new HashMap<>();
                    for (Atom atom : atoms) {
                        String partCode = atom.areas().get(part);
                        if (partCode != null) {
                            containersOfPart.computeIfAbsent(partCode, c -> new HashSet<>()).add(containerOf(atom, container));
                        }
                    }
                    Map<String, List<String>> partsInside = new TreeMap<>();
                    containersOfPart.forEach((partCode, where) -> {
                        if (where.size() == 1 && !where.contains(null)) {
                            partsInside.computeIfAbsent(where.iterator().next(), c -> new ArrayList<>()).add(partCode);
                        }
                    });
                    Map<String, Long> remainderCount = new HashMap<>();
                    Map<String, Boolean> hasRemainder = new HashMap<>();
                    Map<String, Set<String>> remainderCells = new HashMap<>();
                    String finest = levels.get(0);
                    Map<String, Set<String>> containersOfFinest = new HashMap<>();
                    for (Atom atom : atoms) {
                        containersOfFinest.computeIfAbsent(atom.areas().get(finest), c -> new HashSet<>()).add(containerOf(atom, container));
                    }
                    Set<String> split = new HashSet<>();
                    Map<String, Integer> atomsOfCell = new HashMap<>();
                    Map<String, Integer> atomsOfCellInRemainder = new HashMap<>();
                    for (Atom atom : atoms) {
                        atomsOfCell.merge(String.valueOf(atom.areas().get(finest)), 1, Integer::sum);
                    }
                    for (Atom atom : atoms) {
                        String area = containerOf(atom, container);
                        String partCode = atom.areas().get(part);
                        if (area != null && (partCode == null || !partsInside.getOrDefault(area, List.of()).contains(partCode))) {
                            hasRemainder.put(area, true);
                            remainderCount.merge(area, atom.count(), Long::sum);
                            String cell = atom.areas().get(finest);
                            if (cell == null || containersOfFinest.get(cell).size() > 1) {
                                split.add(area);
                            } else {
                                remainderCells.computeIfAbsent(area, c -> new java.util.TreeSet<>()).add(cell);
                                atomsOfCellInRemainder.merge(cell, 1, Integer::sum);
                            }
                        }
                    }
                    // a smallest-level cell only partly in the remainder cannot stand for it
                    remainderCells.forEach((area, cells) -> {
                        if (cells.stream().anyMatch(cell -> !atomsOfCellInRemainder.get(cell).equals(atomsOfCell.get(cell)))) {
                            split.add(area);
                        }
                    });
                    partsInside.forEach((area, parts) -> {
                        parts.sort(null);
                        List<String> cells = finest.equals(part) || split.contains(area) ? null
                                : new ArrayList<>(remainderCells.getOrDefault(area, Set.of()));
                        result.add(new Equation(container, area, part, parts, hasRemainder.getOrDefault(area, false),
                                remainderCount.getOrDefault(area, 0L), cells));
                    });
                }
            }
            return result;
        }

        private static String containerOf(Atom atom, String container) {
            return container.equals("all") ? "all" : atom.areas().get(container);
        }

        private boolean check(Equation equation, DisclosureRule rule) {
            String part = equation.part();
            String finest = levels.get(0);
            List<String> unknownParts = equation.parts().stream().filter(code -> isSuppressed(part, code)).toList();
            boolean containerUnknown = !equation.container().equals("all") && isSuppressed(equation.container(), equation.area());
            boolean remainderAsCells = equation.hasRemainder() && equation.remainderCells() != null;
            List<String> unknownCells = remainderAsCells
                    ? equation.remainderCells().stream().filter(code -> isSuppressed(finest, code)).toList() : List.of();
            boolean remainderUnknown = equation.hasRemainder() && !remainderAsCells;
            int unknowns = unknownParts.size() + unknownCells.size() + (containerUnknown ? 1 : 0) + (remainderUnknown ? 1 : 0);
            if (unknowns != 1) {
                return false;
            }
            boolean revealsSuppressed = !unknownParts.isEmpty() || !unknownCells.isEmpty() || containerUnknown;
            boolean revealsSmallRemainder = remainderUnknown && rule.isSmall(equation.remainderCount());
            if (!revealsSuppressed && !revealsSmallRemainder) {
                return false;
            }
            String extra = smallestPublished(part, equation.parts());
            String extraCell = remainderAsCells ? smallestPublished(finest, equation.remainderCells()) : null;
            if (extraCell != null && (extra == null || counts.get(finest).get(extraCell) < counts.get(part).get(extra))) {
                reasons.get(finest).put(extraCell, PROTECTS);
                return true;
            }
            if (extra != null) {
                reasons.get(part).put(extra, PROTECTS);
                return true;
            }
            if (!equation.container().equals("all") && !containerUnknown) {
                reasons.get(equation.container()).put(equation.area(), PROTECTS);
                return true;
            }
            return false;
        }

        private String smallestPublished(String level, List<String> codes) {
            return codes.stream().filter(code -> !isSuppressed(level, code) && counts.get(level).get(code) > 0)
                    .min(Comparator.comparing((String code) -> counts.get(level).get(code)).thenComparing(code -> code))
                    .orElse(null);
        }

        private boolean isSuppressed(String level, String code) {
            return reasons.get(level).containsKey(code);
        }

        Map<String, Map<String, Cell>> cells(DisclosureRule rule) {
            Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
            counts.forEach((level, byCode) -> {
                Map<String, Cell> levelCells = new TreeMap<>();
                byCode.forEach((code, count) -> levelCells.put(code, isSuppressed(level, code)
                        ? Cell.suppressed(level, code, reasons.get(level).get(code))
                        : Cell.published(level, code, rule.round(count))));
                cells.put(level, levelCells);
            });
            return cells;
        }
    }
}
