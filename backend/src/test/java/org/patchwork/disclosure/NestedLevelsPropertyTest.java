package org.patchwork.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The levels Patchwork publishes under disclosure control always nest (AccessPolicy.allowedLevels: LSOA,
 * ward, district; or MSOA, district; ...). On such chains no suppressed count can be worked out from the
 * published ones by any linear combination, judged by the independent {@link LinearDisclosureAudit}
 * on random tables. (Overlapping MSOAs and wards are not published together; see the findings test.)
 */
class NestedLevelsPropertyTest {

    private static final int CASES = 400;
    private static final DisclosureRule AGGREGATES = new DisclosureRule(4, 1);

    static List<List<String>> chains() {
        return List.of(List.of("lsoa", "ward", "district"), List.of("msoa", "district"), List.of("ward", "district"),
                List.of("district"), List.of("lsoa", "msoa", "district"));
    }

    @ParameterizedTest
    @MethodSource("chains")
    void noSuppressedCountCanBeWorkedOut(List<String> levels) {
        Random random = new Random(20261121L);
        int leaks = 0;
        int suppressedSeen = 0;
        for (int i = 0; i < CASES; i++) {
            List<Atom> atoms = Tables.random(random);
            var cells = DisclosureControl.protect(atoms, levels, AGGREGATES);
            suppressedSeen += (int) cells.values().stream().flatMap(m -> m.values().stream()).filter(Cell::suppressed).count();
            if (!LinearDisclosureAudit.of(atoms, cells).determinedSuppressedCells().isEmpty()) {
                leaks++;
            }
        }
        assertThat(suppressedSeen).as("the random tables do suppress something").isPositive();
        assertThat(leaks).as(leaks + " of " + CASES + " tables leak at levels " + levels).isZero();
    }
}
