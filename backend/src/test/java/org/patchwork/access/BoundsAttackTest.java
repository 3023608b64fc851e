package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interval attack itself, on hand-worked cases. */
class BoundsAttackTest {

    /**
     * The example under the old suppression: ward E05010946, criminal damage and arson, 2022-10 =
     * 34; its LSOAs publish 7, 5 and 10 and three are suppressed (each 1 to 4): 34 − 22 = 12, so each is 4.
     */
    @Test
    void suppressedCellsBetweenAnExactTotalAndExactPartsArePinned() {
        BoundsAttack attack = new BoundsAttack();
        attack.relate("ward", List.of("a", "b", "c", "x", "y", "z"));
        attack.published("ward", 34, 0);
        attack.published("a", 7, 0);
        attack.published("b", 5, 0);
        attack.published("c", 10, 0);
        for (String suppressed : List.of("x", "y", "z")) {
            attack.published(suppressed, 2, 2);   // [0, 4]; the lower bound 1 is not even needed
        }
        attack.propagate(50);
        for (String suppressed : List.of("x", "y", "z")) {
            int id = attack.find(suppressed);
            assertThat(attack.lo(id)).as(suppressed).isEqualTo(4);
            assertThat(attack.hi(id)).as(suppressed).isEqualTo(4);
        }
    }

    /** The same cells perturbed by at most 2: the total 34 is [32, 36], parts [5, 9], [3, 7], [8, 12], and x, y, z stay wide. */
    @Test
    void perturbedValuesLeaveTheSmallCellsOpen() {
        BoundsAttack attack = new BoundsAttack();
        attack.relate("ward", List.of("a", "b", "c", "x", "y", "z"));
        attack.published("ward", 34, 2);
        attack.published("a", 7, 2);
        attack.published("b", 5, 2);
        attack.published("c", 10, 2);
        for (String small : List.of("x", "y", "z")) {
            attack.published(small, 5, 2);   // [3, 7]
        }
        attack.propagate(50);
        // x ≥ 32 − (9 + 7 + 12 + 7 + 7) = −10, x ≤ 36 − (5 + 3 + 8 + 3 + 3) = 14: nothing beyond [3, 7]
        int x = attack.find("x");
        assertThat(attack.lo(x)).isEqualTo(3);
        assertThat(attack.hi(x)).isEqualTo(7);
    }

    /** Unknown cells are [0, ∞) and a known total bounds them: a = 10, b unknown, total [12, 14] gives b in [2, 4]. */
    @Test
    void aKnownTotalBoundsAnUnpublishedPart() {
        BoundsAttack attack = new BoundsAttack();
        attack.relate("total", List.of("a", "b"));
        attack.published("total", 13, 1);
        attack.published("a", 10, 0);
        attack.propagate(50);
        int b = attack.find("b");
        assertThat(attack.lo(b)).isEqualTo(2);
        assertThat(attack.hi(b)).isEqualTo(4);
    }
}
