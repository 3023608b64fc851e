package org.patchwork.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.disclosure.Tables.AGGREGATES;
import static org.patchwork.disclosure.Tables.LEVELS;
import static org.patchwork.disclosure.Tables.atom;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Tables, shrunk to hand size from random ones, on which {@link DisclosureControl} publishes enough to work
 * out a count it means to protect. Each test states what should hold and is disabled until the algorithm
 * is fixed. ({@link LinearDisclosureAuditTest} checks that the auditor finds these leaks in the cells
 * published today, so that test does not depend on the fix.)
 */
class DisclosureControlFindingsTest {

    /**
     * F1. All four levels. District D; M1={a,b,c}, M2={d,e}; W1={a,b}, W2={c,d,e}; a=1 b=1 c=5 d=1 e=4.
     * M1=7 M2=5 W1=2 W2=10 D=12. Suppressed today: a, b, d, e, W1 (small) and W2 (D = W1 + W2).
     * M1 = W1 + remainder{c} is taken to have two unknowns, W1 and the remainder; but the remainder is
     * LSOA c, published as 5. So W1 = M1 - c = 7 - 5 = 2, and W2 = D - W1 = 10.
     */
    static final List<Atom> F1 = List.of(atom("a", "M1", "W1", "D", 1), atom("b", "M1", "W1", "D", 1),
            atom("c", "M1", "W2", "D", 5), atom("d", "M2", "W2", "D", 1), atom("e", "M2", "W2", "D", 4));

    @Test
    @Disabled("finding F1: a remainder made of published cells is counted as an unknown")
    void aSmallWardCannotBeWorkedOutFromItsMsoaAndThePublishedLsoaOutsideIt() {
        var cells = DisclosureControl.protect(F1, LEVELS, AGGREGATES);
        assertThat(LinearDisclosureAudit.of(F1, cells).determinedSuppressedCells()).isEmpty();
    }

    /**
     * F2. MSOA, ward, district. D; M1={a,b}, M2={c}, M3={d,e}; W1={a}, W2={b,c}, W3={d}, W4={e};
     * a=1 b=1 c=4 d=2 e=3. M1=2 M2=4 M3=5, W1=1 W2=5 W3=2 W4=3, D=11. Suppressed today: M1, M2, W1, W3,
     * W4 (all small); no equation has a single unknown (D = W1+W2+W3+W4 has three, M3 = W3 + W4 two), so
     * nothing else. But subtracting one equation from the other: W1 = D - W2 - M3 = 11 - 5 - 5 = 1.
     * Checking equations one at a time misses unknowns that cancel between two of them.
     */
    static final List<Atom> F2 = List.of(atom("a", "M1", "W1", "D", 1), atom("b", "M1", "W2", "D", 1),
            atom("c", "M2", "W2", "D", 4), atom("d", "M3", "W3", "D", 2), atom("e", "M3", "W4", "D", 3));

    static final List<String> NO_LSOAS = List.of("msoa", "ward", "district");

    @Test
    @Disabled("finding F2: equations are checked one at a time")
    void aSmallWardCannotBeWorkedOutByCombiningTwoEquations() {
        var cells = DisclosureControl.protect(F2, NO_LSOAS, AGGREGATES);
        assertThat(LinearDisclosureAudit.of(F2, cells).determinedSuppressedCells()).isEmpty();
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
