package org.patchwork.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.disclosure.DisclosureControl.PROTECTS;
import static org.patchwork.disclosure.DisclosureControl.SMALL;
import static org.patchwork.disclosure.Tables.AGGREGATES;
import static org.patchwork.disclosure.Tables.LEVELS;
import static org.patchwork.disclosure.Tables.PUBLIC;
import static org.patchwork.disclosure.Tables.atom;
import static org.patchwork.disclosure.Tables.suppressions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Hand-made tables worked out by hand (the working is in the comments), then random tables checked by
 * {@link LinearDisclosureAudit}. Every output is also checked by {@link Tables#assertWellFormed}: only and
 * all counts 1..max are SMALL, zero is published as zero, suppressed cells have a null count and a reason,
 * published cells carry the true (rounded) count.
 */
class DisclosureControlTest {

    /** District D; MSOAs M1={a,b}, M2={c,d}, M3={e,f}; wards W1={a,b,c}, W2={d,e,f}. */
    static final List<Atom> EXAMPLE = List.of(atom("a", "M1", "W1", "D", 3), atom("b", "M1", "W1", "D", 10),
            atom("c", "M2", "W1", "D", 8), atom("d", "M2", "W2", "D", 0), atom("e", "M3", "W2", "D", 12),
            atom("f", "M3", "W2", "D", 9));

    @Test
    void aSmallCountIsSuppressedAndTheSmallestOtherPartProtectsIt() {
        // M1=13 M2=8 M3=21 W1=21 W2=21 D=42: only a=3 is small.
        // M1 = a + b leaves a alone unknown -> b (the only non-zero published part) is suppressed.
        // Then: M1 = a + b has 2 unknowns; W1 = a + b + c has 2; W1 = M1 + c and W2 = M3 + d have no
        // suppressed term and their slivers c=8, d=0 are not small; D = M1+M2+M3 = W1+W2 is all published.
        var cells = protect(EXAMPLE, LEVELS, AGGREGATES);
        assertThat(suppressions(cells)).isEqualTo(Map.of("lsoa a", SMALL, "lsoa b", PROTECTS));
        assertThat(cells.get("msoa").get("M1").count()).isEqualTo(13);   // a + b is known, a alone is not
        assertNothingDetermined(EXAMPLE, cells);
    }

    @Test
    void zeroIsPublishedAsZeroAndIsNeverTheProtectingPart() {
        // M1 = W1 = {a,b,c,d} = 17, M2 = {e} = 0, D = W1 = 17. a=2 is small; M1 = a + b + c + d: the smallest
        // non-zero published part is d=6 (b=0 is skipped, c=9 is larger). e=0 and M2=0 stay published as 0.
        List<Atom> atoms = List.of(atom("a", "M1", "W1", "D", 2), atom("b", "M1", "W1", "D", 0),
                atom("c", "M1", "W1", "D", 9), atom("d", "M1", "W1", "D", 6), atom("e", "M2", "W1", "D", 0));
        var cells = protect(atoms, LEVELS, AGGREGATES);
        assertThat(suppressions(cells)).isEqualTo(Map.of("lsoa a", SMALL, "lsoa d", PROTECTS));
        assertThat(cells.get("lsoa").get("b")).isEqualTo(Cell.published("lsoa", "b", 0));
        assertThat(cells.get("msoa").get("M2")).isEqualTo(Cell.published("msoa", "M2", 0));
        assertNothingDetermined(atoms, cells);
    }

    @Test
    void theMaximumIsSuppressedAndOneMoreIsPublished() {
        // LSOA level only; the total 10 is "always known": total = a + b + c + d has two unknowns (a, b).
        List<Atom> atoms = List.of(atom("a", "M", "W", "D", 4), atom("b", "M", "W", "D", 1),
                atom("c", "M", "W", "D", 5), atom("d", "M", "W", "D", 0));
        var cells = protect(atoms, List.of("lsoa"), AGGREGATES);
        assertThat(suppressions(cells)).isEqualTo(Map.of("lsoa a", SMALL, "lsoa b", SMALL));
        assertThat(cells.get("lsoa").get("c").count()).isEqualTo(5);
        assertNothingDetermined(atoms, cells);
    }

    @Test
    void aSmallParentIsProtectedByASiblingAndTheSiblingByOneOfItsChildren() {
        // LSOA, MSOA, district. M1={a=1,b=2}=3, M2={c=6,d=7}=13, M3={e=10,f=20}=30, D=49.
        // Primary: a, b, M1. D = M1 + M2 + M3 leaves M1 alone unknown -> M2 (13 < 30) is suppressed.
        // M2 = c + d then leaves M2 alone unknown -> c (6 < 7) is suppressed, so M2 is not c + d.
        // Left: D - M3 - d = a + b + c = 12, which gives neither M1 = a + b nor M2 = c + d.
        List<Atom> atoms = List.of(atom("a", "M1", "-", "D", 1), atom("b", "M1", "-", "D", 2),
                atom("c", "M2", "-", "D", 6), atom("d", "M2", "-", "D", 7), atom("e", "M3", "-", "D", 10),
                atom("f", "M3", "-", "D", 20));
        var cells = protect(atoms, List.of("lsoa", "msoa", "district"), AGGREGATES);
        assertThat(suppressions(cells)).isEqualTo(Map.of("lsoa a", SMALL, "lsoa b", SMALL, "msoa M1", SMALL,
                "msoa M2", PROTECTS, "lsoa c", PROTECTS));
        assertNothingDetermined(atoms, cells);
    }

    /** MSOA and ward only: M1={a,b}, M2={c,d}, M3={e,f}, M4={g}; W1={a,b,c,d,e}, W2={f,g}. */
    static final List<Atom> SLIVER = List.of(atom("a", "M1", "W1", "D", 5), atom("b", "M1", "W1", "D", 6),
            atom("c", "M2", "W1", "D", 7), atom("d", "M2", "W1", "D", 8), atom("e", "M3", "W1", "D", 2),
            atom("f", "M3", "W2", "D", 30), atom("g", "M4", "W2", "D", 40));

    @Test
    void aSmallSliverBetweenAWardAndTheMsoasInsideItCostsAnExtraSuppression() {
        // M1=11 M2=15 M3=32 M4=40 W1=28 W2=70: nothing is small. But W1 = M1 + M2 + e with e=2: the sliver
        // is small, so the smallest non-zero part M1 (11) is suppressed. Then the total = M1+M2+M3+M4
        // leaves M1 alone unknown -> M2 (15) is suppressed. W2 = M4 + f has a sliver of 30: not small.
        var cells = protect(SLIVER, List.of("msoa", "ward"), AGGREGATES);
        assertThat(suppressions(cells)).isEqualTo(Map.of("msoa M1", PROTECTS, "msoa M2", PROTECTS));
        assertNothingDetermined(SLIVER, cells);   // the sliver e itself can still be worked out: finding F3
    }

    @Test
    void publicRuleSuppressesUpToSevenAndRoundsTheRestToFive() {
        // M1={a=7,b=1}=8, M2={c=8,d=12}=20, M3={e=13,f=0}=13, W = D = 41. Only a and b are 1..7; M1 = a + b
        // has two unknowns, so nothing more. Rounded: 8->10, 12->10, 13->15, 0->0, 20->20, 41->40.
        List<Atom> atoms = List.of(atom("a", "M1", "W", "D", 7), atom("b", "M1", "W", "D", 1),
                atom("c", "M2", "W", "D", 8), atom("d", "M2", "W", "D", 12), atom("e", "M3", "W", "D", 13),
                atom("f", "M3", "W", "D", 0));
        var cells = protect(atoms, LEVELS, PUBLIC);
        assertThat(suppressions(cells)).isEqualTo(Map.of("lsoa a", SMALL, "lsoa b", SMALL));
        assertThat(cells.get("lsoa").values()).extracting(Cell::count).containsExactly(null, null, 10L, 10L, 15L, 0L);
        assertThat(cells.get("msoa").values()).extracting(Cell::count).containsExactly(10L, 20L, 15L);
        assertThat(cells.get("ward").get("W").count()).isEqualTo(40);
        assertThat(cells.get("district").get("D").count()).isEqualTo(40);
    }

    @Test
    void noneLeavesEveryCountAsItIs() {
        var cells = protect(EXAMPLE, LEVELS, DisclosureRule.NONE);
        assertThat(suppressions(cells)).isEmpty();
        assertThat(cells.get("lsoa").values()).extracting(Cell::count).containsExactly(3L, 10L, 8L, 0L, 12L, 9L);
        assertThat(cells.get("msoa").values()).extracting(Cell::count).containsExactly(13L, 8L, 21L);
        assertThat(cells.get("ward").values()).extracting(Cell::count).containsExactly(21L, 21L);
    }

    @Test
    void theSameTableGivesTheSameCellsWhateverTheOrderOfItsAtoms() {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            List<Atom> atoms = Tables.random(random);
            List<Atom> shuffled = new ArrayList<>(atoms);
            Collections.shuffle(shuffled, random);
            var cells = DisclosureControl.protect(atoms, LEVELS, AGGREGATES);
            assertThat(DisclosureControl.protect(atoms, LEVELS, AGGREGATES)).isEqualTo(cells);
            assertThat(DisclosureControl.protect(shuffled, LEVELS, AGGREGATES)).as(Tables.print(atoms)).isEqualTo(cells);
        }
    }

    static final int RANDOM_CASES = 400;

    @Test
    void randomTablesAreWellFormed() {
        Random random = new Random(20240601L);
        int checked = 0;
        for (; checked < RANDOM_CASES; checked++) {
            List<Atom> atoms = Tables.random(random);
            protect(atoms, LEVELS, AGGREGATES);
            protect(atoms, LEVELS, PUBLIC);
        }
        assertThat(checked).isEqualTo(RANDOM_CASES);
    }

    @Test
    @Disabled("finding F2 (see DisclosureControlFindingsTest): with overlapping MSOAs and wards, about 1 in 4 random "
            + "tables publish enough to work out a suppressed count. Patchwork therefore never publishes overlapping "
            + "levels under disclosure control (AccessPolicy.allowedLevels); NestedLevelsPropertyTest checks the chains it does publish")
    void noSuppressedCellCanBeWorkedOutInRandomTables() {
        Random random = new Random(20240601L);
        List<Atom> smallestFailure = null;
        int checked = 0;
        int failures = 0;
        for (; checked < RANDOM_CASES; checked++) {
            List<Atom> atoms = Tables.random(random);
            if (DisclosureControlFindingsTest.suppressedCellDetermined(atoms)) {
                failures++;
                smallestFailure = smallestFailure == null || atoms.size() < smallestFailure.size() ? atoms : smallestFailure;
            }
        }
        List<Atom> first = smallestFailure;
        int leaks = failures;
        assertThat(checked).isEqualTo(RANDOM_CASES);
        assertThat(leaks).as(() -> leaks + " of " + RANDOM_CASES + " tables leak; the smallest, shrunk:\n"
                + DisclosureControlFindingsTest.explain(Tables.shrink(first, DisclosureControlFindingsTest::suppressedCellDetermined)))
                .isZero();
    }

    private static Map<String, Map<String, Cell>> protect(List<Atom> atoms, List<String> levels, DisclosureRule rule) {
        var cells = DisclosureControl.protect(atoms, levels, rule);
        Tables.assertWellFormed(atoms, levels, rule, cells);
        return cells;
    }

    /** Even a user who knows the partnership total (as DisclosureControl assumes) works out no suppressed cell. */
    static void assertNothingDetermined(List<Atom> atoms, Map<String, Map<String, Cell>> cells) {
        assertThat(LinearDisclosureAudit.withTotalKnown(atoms, cells).determinedSuppressedCells()).isEmpty();
    }
}
