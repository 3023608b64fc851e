package org.patchwork.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.disclosure.Tables.LEVELS;
import static org.patchwork.disclosure.Tables.atom;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The auditor on cells built by hand (every count published, then the named cells suppressed), so these
 * tests do not depend on what {@link DisclosureControl} suppresses.
 */
class LinearDisclosureAuditTest {

    @Test
    void findsTheWardsOfFindingF1() {
        // the cells F1 got before d3b7674: M1 - c = W1 = 2, then D - W1 = W2 = 10; the LSOAs stay hidden
        var cells = cells(DisclosureControlFindingsTest.F1, LEVELS, "lsoa a", "lsoa b", "lsoa d", "lsoa e", "ward W1", "ward W2");
        assertThat(LinearDisclosureAudit.of(DisclosureControlFindingsTest.F1, cells).determinedSuppressedCells())
                .extracting(d -> d.what() + " = " + d.value()).containsExactly("ward W1 = 2", "ward W2 = 10");
    }

    @Test
    void findsTheWardsOfFindingF2() {
        // W1 - z - (M1 - c) = (a + b + z) - z - (a + b + c) + c = 0, so W1 = M1 - c + z = 2; W2 = D - W1
        var cells = cells(DisclosureControlFindingsTest.F2, LEVELS, "lsoa a", "lsoa b", "lsoa d", "lsoa e", "ward W1", "ward W2");
        assertThat(LinearDisclosureAudit.of(DisclosureControlFindingsTest.F2, cells).determinedSuppressedCells())
                .extracting(d -> d.what() + " = " + d.value()).containsExactly("ward W1 = 2", "ward W2 = 10");
    }

    @Test
    void findsTheWardOfFindingF2WithoutLsoas() {
        // D - W2 - M3 = (a + b + c + d + e) - (b + c) - (d + e) = a = W1 = 1; nothing else
        var cells = cells(DisclosureControlFindingsTest.F2_NO_LSOAS, DisclosureControlFindingsTest.NO_LSOAS,
                "msoa M1", "msoa M2", "ward W1", "ward W3", "ward W4");
        assertThat(LinearDisclosureAudit.of(DisclosureControlFindingsTest.F2_NO_LSOAS, cells).determinedSuppressedCells())
                .extracting(d -> d.what() + " = " + d.value()).containsExactly("ward W1 = 1");
    }

    @Test
    void findsTheSliverOfFindingF3ButNotTheMsoasSuppressedForIt() {
        var cells = cells(DisclosureControlTest.SLIVER, List.of("msoa", "ward"), "msoa M1", "msoa M2");
        var audit = LinearDisclosureAudit.of(DisclosureControlTest.SLIVER, cells);
        assertThat(audit.determinedSuppressedCells()).isEmpty();
        assertThat(audit.determinedValue(Set.of("e"))).contains(BigInteger.TWO);   // M3 - (W2 - M4)
        assertThat(audit.determinedValue(Set.of("a", "b", "c", "d"))).contains(BigInteger.valueOf(26));   // W1 - e
        assertThat(audit.determinedSmallSlivers(4)).extracting(LinearDisclosureAudit.Disclosure::what)
                .containsExactly("ward W1 minus the msoas inside");
    }

    @Test
    void aSumOfSuppressedCellsCanBeKnownWithoutAnyOfThem() {
        var cells = cells(DisclosureControlTest.EXAMPLE, LEVELS, "lsoa a", "lsoa b");
        var audit = LinearDisclosureAudit.of(DisclosureControlTest.EXAMPLE, cells);
        assertThat(audit.determinedSuppressedCells()).isEmpty();
        assertThat(audit.determinedValue(Set.of("a", "b"))).contains(BigInteger.valueOf(13));
        assertThat(audit.determinedValue(Set.of("a"))).isEmpty();
    }

    @Test
    void theTotalCountsOnlyWhenTheUserIsTakenToKnowIt() {
        // LSOA level only, a suppressed: no published cell contains a, but the total minus b and c gives it
        List<Atom> atoms = List.of(atom("a", "M", "W", "D", 3), atom("b", "M", "W", "D", 10), atom("c", "M", "W", "D", 8));
        var cells = cells(atoms, List.of("lsoa"), "lsoa a");
        assertThat(LinearDisclosureAudit.of(atoms, cells).determinedSuppressedCells()).isEmpty();
        assertThat(LinearDisclosureAudit.withTotalKnown(atoms, cells).determinedSuppressedCells())
                .extracting(LinearDisclosureAudit.Disclosure::value).containsExactly(BigInteger.valueOf(3));
    }

    @Test
    void aCellSuppressedAloneIsAlwaysFoundWithItsTrueCount() {
        Random random = new Random(3);
        int checked = 0;
        for (int i = 0; i < 30; i++) {
            List<Atom> atoms = Tables.random(random);
            var all = DisclosureControl.protect(atoms, LEVELS, DisclosureRule.NONE);
            for (var level : all.entrySet()) {
                for (Cell cell : level.getValue().values()) {
                    var cells = cells(atoms, LEVELS, level.getKey() + " " + cell.code());
                    assertThat(LinearDisclosureAudit.of(atoms, cells).determinedSuppressedCells())
                            .extracting(LinearDisclosureAudit.Disclosure::value)
                            .containsExactly(BigInteger.valueOf(cell.count()));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(500);   // 951 with this seed
    }

    /** Every count published as it is, except the cells named "level code", which are suppressed. */
    static Map<String, Map<String, Cell>> cells(List<Atom> atoms, List<String> levels, String... suppressed) {
        var cells = DisclosureControl.protect(atoms, levels, DisclosureRule.NONE);
        for (String name : suppressed) {
            String[] levelCode = name.split(" ");
            assertThat(cells.get(levelCode[0])).containsKey(levelCode[1]);
            cells.get(levelCode[0]).put(levelCode[1], Cell.suppressed(levelCode[0], levelCode[1], "hand-made"));
        }
        return cells;
    }
}
