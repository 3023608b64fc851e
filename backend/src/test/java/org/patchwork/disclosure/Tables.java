package org.patchwork.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-made and random tables of atoms for the disclosure tests, and a shrinker for counterexamples. */
final class Tables {

    static final List<String> LEVELS = List.of("lsoa", "msoa", "ward", "district");
    static final DisclosureRule AGGREGATES = new DisclosureRule(4, 1);
    static final DisclosureRule PUBLIC = new DisclosureRule(7, 5);

    private Tables() {
    }

    static Atom atom(String lsoa, String msoa, String ward, String district, long count) {
        return new Atom(Map.of("lsoa", lsoa, "msoa", msoa, "ward", ward, "district", district), count);
    }

    static Atom withCount(Atom atom, long count) {
        return new Atom(atom.areas(), count);
    }

    /** Every suppressed cell as "level code" → reason, so a test can state the complete expected set. */
    static Map<String, String> suppressions(Map<String, Map<String, Cell>> cells) {
        Map<String, String> suppressed = new TreeMap<>();
        cells.forEach((level, byCode) -> byCode.values().stream().filter(Cell::suppressed)
                .forEach(cell -> suppressed.put(level + " " + cell.code(), cell.reason())));
        return suppressed;
    }

    /**
     * The documented shape of the output: one cell per area and level; a count from 1 to the maximum is
     * suppressed as SMALL and only those are; zero is published as zero; a suppressed cell has a null count
     * (never 0) and a reason, and a PROTECTS one is never a zero area; a published cell has no reason and
     * the true count, rounded.
     */
    static void assertWellFormed(List<Atom> atoms, List<String> levels, DisclosureRule rule, Map<String, Map<String, Cell>> cells) {
        assertThat(cells.keySet()).containsExactlyElementsOf(levels);
        for (String level : levels) {
            Map<String, Long> truth = new TreeMap<>();
            atoms.forEach(atom -> truth.merge(atom.areas().get(level), atom.count(), Long::sum));
            assertThat(cells.get(level).keySet()).as(level).containsExactlyElementsOf(truth.keySet());
            truth.forEach((code, count) -> {
                Cell cell = cells.get(level).get(code);
                assertThat(cell.level() + " " + cell.code()).isEqualTo(level + " " + code);
                if (cell.suppressed()) {
                    assertThat(cell.count()).as("%s %s count", level, code).isNull();
                    assertThat(cell.reason()).as("%s %s reason", level, code)
                            .isEqualTo(rule.isSmall(count) ? DisclosureControl.SMALL : DisclosureControl.PROTECTS);
                    assertThat(count).as("%s %s true count", level, code).isPositive();
                } else {
                    assertThat(rule.isSmall(count)).as("%s %s = %d is small but published", level, code, count).isFalse();
                    assertThat(cell.reason()).isNull();
                    assertThat(cell.count()).as("%s %s", level, code).isEqualTo(rule.round(count));
                }
            });
        }
    }

    /** One line per atom, ready to paste into a hand-made test. */
    static String print(List<Atom> atoms) {
        return atoms.stream().map(a -> "atom(\"%s\", \"%s\", \"%s\", \"%s\", %d)".formatted(a.areas().get("lsoa"),
                a.areas().get("msoa"), a.areas().get("ward"), a.areas().get("district"), a.count()))
                .collect(Collectors.joining(",\n", "", "\n"));
    }

    /**
     * A random partnership: 6–30 LSOAs in 1–2 districts; within each district MSOAs and wards are runs of
     * 1–5 consecutive LSOAs, the wards over a shuffled order half the time, so they overlap the MSOAs
     * without nesting (best-fit: each LSOA in exactly one area per level). Counts mostly 0..6, some 7..40.
     */
    static List<Atom> random(Random random) {
        int n = 6 + random.nextInt(25);
        int districts = random.nextInt(4) == 0 ? 1 : 2;
        int split = districts == 1 ? n : 1 + random.nextInt(n - 1);
        String[] district = new String[n];
        String[] msoa = new String[n];
        String[] ward = new String[n];
        int msoas = 0;
        int wards = 0;
        for (int d = 0; d < districts; d++) {
            int from = d == 0 ? 0 : split;
            int to = d == 0 ? split : n;
            List<Integer> order = new ArrayList<>();
            for (int i = from; i < to; i++) {
                district[i] = "D" + (d + 1);
                order.add(i);
            }
            msoas = runs(random, order, msoa, "M", msoas);
            if (random.nextBoolean()) {
                java.util.Collections.shuffle(order, random);
            }
            wards = runs(random, order, ward, "W", wards);
        }
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long count = random.nextInt(5) == 0 ? 7 + random.nextInt(34) : random.nextInt(7);
            atoms.add(atom("L%02d".formatted(i + 1), msoa[i], ward[i], district[i], count));
        }
        return atoms;
    }

    private static int runs(Random random, List<Integer> order, String[] area, String prefix, int used) {
        int next = used;
        int left = 0;
        for (int i : order) {
            if (left == 0) {
                next++;
                left = 1 + random.nextInt(5);
            }
            area[i] = prefix + next;
            left--;
        }
        return next;
    }

    /**
     * Greedily makes a failing table smaller while {@code fails} still holds: drops atoms, merges two areas
     * of one level, and lowers counts (each step shrinks the table, so this ends).
     */
    static List<Atom> shrink(List<Atom> atoms, Predicate<List<Atom>> fails) {
        List<Atom> current = List.copyOf(atoms);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (List<Atom> candidate : smaller(current)) {
                if (nested(candidate) && fails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private static Map<String, String> relabel(Map<String, String> areas, String level, String code) {
        Map<String, String> relabelled = new HashMap<>(areas);
        relabelled.put(level, code);
        return Map.copyOf(relabelled);
    }

    /** MSOAs and wards each lie in one district, as they do in England. */
    static boolean nested(List<Atom> atoms) {
        Map<String, String> districtOf = new HashMap<>();
        for (Atom atom : atoms) {
            for (String level : List.of("msoa", "ward")) {
                String key = level + " " + atom.areas().get(level);
                if (!districtOf.computeIfAbsent(key, k -> atom.areas().get("district")).equals(atom.areas().get("district"))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<List<Atom>> smaller(List<Atom> atoms) {
        List<List<Atom>> candidates = new ArrayList<>();
        for (int i = 0; i < atoms.size(); i++) {
            List<Atom> fewer = new ArrayList<>(atoms);
            fewer.remove(i);
            candidates.add(fewer);
        }
        for (String level : List.of("msoa", "ward", "district")) {
            List<String> areas = atoms.stream().map(atom -> atom.areas().get(level)).distinct().toList();
            for (String from : areas) {
                for (String into : areas) {
                    if (!from.equals(into)) {
                        candidates.add(atoms.stream().map(atom -> from.equals(atom.areas().get(level))
                                ? new Atom(relabel(atom.areas(), level, into), atom.count()) : atom).toList());
                    }
                }
            }
        }
        for (int i = 0; i < atoms.size(); i++) {
            long count = atoms.get(i).count();
            for (long lower : new long[] {0, 1, count / 2, count - 1}) {
                if (lower >= 0 && lower < count) {
                    List<Atom> less = new ArrayList<>(atoms);
                    less.set(i, withCount(atoms.get(i), lower));
                    candidates.add(less);
                }
            }
        }
        return candidates;
    }
}
