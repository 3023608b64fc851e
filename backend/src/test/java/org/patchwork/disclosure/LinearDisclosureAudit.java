package org.patchwork.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An independent check of a protected table against every linear (differencing) attack.
 *
 * <p>Unknowns: one count per atom (LSOA). Known equations: for every published cell, the sum of its atoms'
 * counts equals the published value (and, optionally, the sum of all atoms equals the partnership total,
 * which {@link DisclosureControl} treats as always known). A group of atoms (a suppressed cell, a sliver)
 * is determined iff its indicator vector lies in the row space of the known equations; its value then
 * follows from the same combination of the right-hand sides.
 *
 * <p>Arithmetic is exact: fraction-free Gaussian elimination on BigInteger rows (each step replaces a row
 * by {@code row * pivot - pivotRow * entry}, then divides out the gcd). Doubles with a tolerance would be
 * enough at this size, but exactness removes any doubt about a borderline "determined" verdict, and the
 * systems (at most a few hundred rows of 0/1 coefficients over 30 unknowns) are tiny.
 *
 * <p>Only meaningful for unrounded tables: with rounding the published values are not exact equations.
 * It ignores the inequalities a user also knows (counts are >= 0, a primary-suppressed count is 1..max):
 * it decides exact recovery, not narrow bounds.
 */
final class LinearDisclosureAudit {

    /** A group of atoms whose count a user can compute exactly, with the count they get. */
    record Disclosure(String what, Set<String> lsoas, BigInteger value) {
    }

    private final List<Atom> atoms;
    private final Map<String, Integer> column = new HashMap<>();
    private final Map<String, Set<String>> areas = new HashMap<>();
    private final List<BigInteger[]> basis = new ArrayList<>();   // each row: coefficients..., rhs
    private final List<Integer> pivots = new ArrayList<>();
    private final Map<String, Map<String, Cell>> cells;

    private LinearDisclosureAudit(List<Atom> atoms, Map<String, Map<String, Cell>> cells, boolean totalKnown) {
        this.atoms = atoms;
        this.cells = cells;
        for (Atom atom : atoms) {
            column.put(atom.areas().get("lsoa"), column.size());
        }
        cells.forEach((level, byCode) -> byCode.values().stream().filter(cell -> !cell.suppressed())
                .forEach(cell -> addEquation(lsoasOf(level, cell.code()), BigInteger.valueOf(cell.count()))));
        if (totalKnown) {
            addEquation(column.keySet(), BigInteger.valueOf(atoms.stream().mapToLong(Atom::count).sum()));
        }
    }

    /** What a user who sees only the published cells knows. */
    static LinearDisclosureAudit of(List<Atom> atoms, Map<String, Map<String, Cell>> cells) {
        return new LinearDisclosureAudit(atoms, cells, false);
    }

    /** What a user who also knows the partnership's total knows (DisclosureControl's own assumption). */
    static LinearDisclosureAudit withTotalKnown(List<Atom> atoms, Map<String, Map<String, Cell>> cells) {
        return new LinearDisclosureAudit(atoms, cells, true);
    }

    /** The LSOAs (atoms) of one area. */
    Set<String> lsoasOf(String level, String code) {
        return areas.computeIfAbsent(level + " " + code, key -> {
            Set<String> lsoas = new TreeSet<>();
            for (Atom atom : atoms) {
                if (code.equals(atom.areas().get(level))) {
                    lsoas.add(atom.areas().get("lsoa"));
                }
            }
            return Collections.unmodifiableSet(lsoas);
        });
    }

    /** The exact count of a group of LSOAs, if the published cells determine it. */
    Optional<BigInteger> determinedValue(Set<String> lsoas) {
        BigInteger[] target = new BigInteger[column.size() + 1];
        Arrays.fill(target, BigInteger.ZERO);
        for (String lsoa : lsoas) {
            target[column.get(lsoa)] = BigInteger.ONE;
        }
        BigInteger scale = BigInteger.ONE;   // target = scale * indicator - sum(k_i * row_i)
        for (int i = 0; i < basis.size(); i++) {
            int p = pivots.get(i);
            if (target[p].signum() != 0) {
                BigInteger[] row = basis.get(i);
                BigInteger factor = target[p];
                for (int j = 0; j < target.length; j++) {
                    target[j] = target[j].multiply(row[p]).subtract(row[j].multiply(factor));
                }
                scale = scale.multiply(row[p]);
                BigInteger gcd = scale;
                for (BigInteger entry : target) {
                    gcd = gcd.gcd(entry);
                }
                for (int j = 0; j < target.length; j++) {
                    target[j] = target[j].divide(gcd);
                }
                scale = scale.divide(gcd);
            }
        }
        for (int j = 0; j < column.size(); j++) {
            if (target[j].signum() != 0) {
                return Optional.empty();
            }
        }
        // 0 = scale * value - sum(k_i * rhs_i) and the rhs column holds -sum(k_i * rhs_i)
        BigInteger[] quotient = target[column.size()].negate().divideAndRemainder(scale);
        if (quotient[1].signum() != 0) {
            throw new IllegalStateException("a count of whole atoms came out fractional: " + lsoas);
        }
        return Optional.of(quotient[0]);
    }

    /** Every suppressed cell a user can compute exactly. */
    List<Disclosure> determinedSuppressedCells() {
        List<Disclosure> found = new ArrayList<>();
        cells.forEach((level, byCode) -> byCode.values().stream().filter(Cell::suppressed).forEach(cell -> {
            Set<String> lsoas = lsoasOf(level, cell.code());
            determinedValue(lsoas).ifPresent(value -> found.add(new Disclosure(level + " " + cell.code(), lsoas, value)));
        }));
        return found;
    }

    /**
     * The slivers of rule 2 of {@link DisclosureControl} a user can compute exactly while their count is
     * from 1 to {@code max}: for every area A and every other published level L, the part of A not covered
     * by the areas of L wholly inside A.
     */
    List<Disclosure> determinedSmallSlivers(int max) {
        Map<String, Long> counts = new HashMap<>();
        atoms.forEach(atom -> counts.put(atom.areas().get("lsoa"), atom.count()));
        List<Disclosure> found = new ArrayList<>();
        cells.forEach((level, byCode) -> byCode.keySet().forEach(code -> {
            Set<String> area = lsoasOf(level, code);
            for (String other : cells.keySet()) {
                Set<String> sliver = new TreeSet<>(area);
                cells.get(other).keySet().stream().map(part -> lsoasOf(other, part))
                        .filter(area::containsAll).forEach(sliver::removeAll);
                long count = sliver.stream().mapToLong(counts::get).sum();
                if (!other.equals(level) && count >= 1 && count <= max) {
                    determinedValue(sliver).ifPresent(value ->
                            found.add(new Disclosure(level + " " + code + " minus the " + other + "s inside", sliver, value)));
                }
            }
        }));
        return found;
    }

    private void addEquation(Set<String> lsoas, BigInteger value) {
        BigInteger[] row = new BigInteger[column.size() + 1];
        Arrays.fill(row, BigInteger.ZERO);
        lsoas.forEach(lsoa -> row[column.get(lsoa)] = BigInteger.ONE);
        row[column.size()] = value;
        for (int i = 0; i < basis.size(); i++) {
            int p = pivots.get(i);
            if (row[p].signum() != 0) {
                BigInteger[] pivotRow = basis.get(i);
                BigInteger factor = row[p];
                for (int j = 0; j < row.length; j++) {
                    row[j] = row[j].multiply(pivotRow[p]).subtract(pivotRow[j].multiply(factor));
                }
            }
        }
        int pivot = -1;
        BigInteger gcd = BigInteger.ZERO;
        for (int j = 0; j < row.length; j++) {
            gcd = gcd.gcd(row[j]);
            if (pivot < 0 && j < column.size() && row[j].signum() != 0) {
                pivot = j;
            }
        }
        if (pivot < 0) {
            if (row[column.size()].signum() != 0) {
                throw new IllegalStateException("published cells contradict each other");
            }
            return;   // implied by the equations already known
        }
        for (int j = 0; j < row.length; j++) {
            row[j] = row[j].divide(gcd);
        }
        basis.add(row);
        pivots.add(pivot);
    }
}
