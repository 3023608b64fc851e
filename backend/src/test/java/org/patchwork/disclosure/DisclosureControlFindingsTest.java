package org.patchwork.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.disclosure.Tables.AGGREGATES;
import static org.patchwork.disclosure.Tables.LEVELS;
import static org.patchwork.disclosure.Tables.atom;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Tables, shrunk to hand size from random ones, on which {@link DisclosureControl} published (F1) or
 * publishes (F2, F3) enough to work out a count it means to protect. Each test states what should hold; the
 * open ones are disabled until the algorithm is fixed. ({@link LinearDisclosureAuditTest} checks that the auditor finds these leaks in the cells
 * published today, so that test does not depend on the fix.)
 */
class DisclosureControlFindingsTest {

    /**
     * F1 (fixed in d3b7674, kept as a regression test). All four levels. District D; M1={a,b,c}, M2={d,e};
     * W1={a,b}, W2={c,d,e}; a=1 b=1 c=5 d=1 e=4. M1=7 M2=5 W1=2 W2=10 D=12. Before the fix, a, b, d, e, W1
     * (small) and W2 (D = W1 + W2) were suppressed and nothing else: M1 = W1 + remainder{c} was taken to
     * have two unknowns, but the remainder is LSOA c, published as 5, so W1 = M1 - c = 2 and W2 = D - W1.
     */
    static final List<Atom> F1 = List.of(atom("a", "M1", "W1", "D", 1), atom("b", "M1", "W1", "D", 1),
            atom("c", "M1", "W2", "D", 5), atom("d", "M2", "W2", "D", 1), atom("e", "M2", "W2", "D", 4));

    @Test
    void aSmallWardCannotBeWorkedOutFromItsMsoaAndThePublishedLsoaOutsideIt() {
        var cells = DisclosureControl.protect(F1, LEVELS, AGGREGATES);
        assertThat(LinearDisclosureAudit.of(F1, cells).determinedSuppressedCells()).isEmpty();
    }

    /**
     * F2. All four levels: F1 plus z=0 in M2 and W1. M1={a,b,c}=7, M2={z,d,e}=5; W1={a,b,z}=2,
     * W2={c,d,e}=10; D=12. Suppressed today: a, b, d, e, W1 (small) and W2 (D = W1 + W2). W1 no longer lies
     * inside M1, so no single equation links them, and each equation has two or more unknowns
     * (M1 = a + b + c: a, b; W1 = a + b + z: W1, a, b). But the second minus the first isolates W1:
     * W1 = M1 - c + z = 7 - 5 + 0 = 2, and then W2 = D - W1 = 10. Equations checked one at a time miss
     * unknowns (here a + b) that cancel between two of them.
     */
    static final List<Atom> F2 = List.of(atom("a", "M1", "W1", "D", 1), atom("b", "M1", "W1", "D", 1),
            atom("c", "M1", "W2", "D", 5), atom("z", "M2", "W1", "D", 0), atom("d", "M2", "W2", "D", 1),
            atom("e", "M2", "W2", "D", 4));

    @Test
    @Disabled("finding F2: equations are checked one at a time")
    void aSmallWardCannotBeWorkedOutByCombiningTwoEquations() {
        var cells = DisclosureControl.protect(F2, LEVELS, AGGREGATES);
        assertThat(LinearDisclosureAudit.of(F2, cells).determinedSuppressedCells()).isEmpty();
    }

    /**
     * F2, without LSOAs and without zeros. MSOA, ward, district. D; M1={a,b}, M2={c}, M3={d,e}; W1={a},
     * W2={b,c}, W3={d}, W4={e}; a=1 b=1 c=4 d=2 e=3. M1=2 M2=4 M3=5, W1=1 W2=5 W3=2 W4=3, D=11. Suppressed
     * today: M1, M2, W1, W3, W4 (all small) and nothing else (D = W1+W2+W3+W4 has three unknowns,
     * M3 = W3 + W4 two). But W1 = D - W2 - M3 = 11 - 5 - 5 = 1.
     */
    static final List<Atom> F2_NO_LSOAS = List.of(atom("a", "M1", "W1", "D", 1), atom("b", "M1", "W2", "D", 1),
            atom("c", "M2", "W2", "D", 4), atom("d", "M3", "W3", "D", 2), atom("e", "M3", "W4", "D", 3));

    static final List<String> NO_LSOAS = List.of("msoa", "ward", "district");

    @Test
    @Disabled("finding F2: equations are checked one at a time")
    void aSmallWardCannotBeWorkedOutByCombiningTwoEquationsWithoutLsoas() {
        var cells = DisclosureControl.protect(F2_NO_LSOAS, NO_LSOAS, AGGREGATES);
        assertThat(LinearDisclosureAudit.of(F2_NO_LSOAS, cells).determinedSuppressedCells()).isEmpty();
    }

    /**
     * F3. {@link DisclosureControlTest#SLIVER} (MSOA and ward; M1={a,b}, M2={c,d}, M3={e,f}, M4={g};
     * W1={a,b,c,d,e}, W2={f,g}; a..g = 5,6,7,8,2,30,40). The sliver e=2 of W1 is protected by suppressing
     * M1 and M2, but it is also M3's part outside W2: f = W2 - M4 = 70 - 40 = 30, e = M3 - f = 32 - 30 = 2.
     */
    @Test
    @Disabled("finding F3: a small sliver is protected in its own equation only")
    void aSmallSliverCannotBeWorkedOutThroughAnotherChainOfAreas() {
        var cells = DisclosureControl.protect(DisclosureControlTest.SLIVER, List.of("msoa", "ward"), AGGREGATES);
        assertThat(LinearDisclosureAudit.of(DisclosureControlTest.SLIVER, cells).determinedSmallSlivers(4)).isEmpty();
    }

    /** True when a user can work out some suppressed cell of the aggregate-rule table at all four levels. */
    static boolean suppressedCellDetermined(List<Atom> atoms) {
        var cells = DisclosureControl.protect(atoms, LEVELS, AGGREGATES);
        return !LinearDisclosureAudit.of(atoms, cells).determinedSuppressedCells().isEmpty();
    }

    /** The atoms, what is suppressed and what can be worked out, for a failure message or a report. */
    static String explain(List<Atom> atoms) {
        var cells = DisclosureControl.protect(atoms, LEVELS, AGGREGATES);
        return Tables.print(atoms) + "suppressed: " + Tables.suppressions(cells) + "\nworked out: "
                + LinearDisclosureAudit.of(atoms, cells).determinedSuppressedCells();
    }
}
