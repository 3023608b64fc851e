package org.patchwork.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.disclosure.Tables.AGGREGATES;
import static org.patchwork.disclosure.Tables.LEVELS;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The custom-area rule on {@link DisclosureControlTest#EXAMPLE}: district D; MSOAs M1={a,b}, M2={c,d},
 * M3={e,f}; wards W1={a,b,c}, W2={d,e,f}; a=3 b=10 c=8 d=0 e=12 f=9. Protected for aggregates, LSOAs a
 * (small) and b (protects a) are suppressed; every other cell is published: c=8 d=0 e=12 f=9, M1=13 M2=8
 * M3=21, W1=21 W2=21, D=42.
 */
class CustomAreaRuleTest {

    private final List<Atom> atoms = DisclosureControlTest.EXAMPLE;
    private final Map<String, Map<String, Cell>> cells = DisclosureControl.protect(atoms, LEVELS, AGGREGATES);
    private final Map<String, Map<String, Cell>> noLsoas = DisclosureControl.protect(atoms, List.of("msoa", "ward", "district"), AGGREGATES);

    @Test
    void theTableIsTheOneDescribed() {
        assertThat(Tables.suppressions(cells)).containsOnlyKeys("lsoa a", "lsoa b");
        assertThat(Tables.suppressions(noLsoas)).isEmpty();
    }

    @Test
    void aUnionOfWholePublishedMsoasIsReleasedWithTheirSum() {
        // {a,b,c,d} holds suppressed LSOAs and cuts W2, but it is M1 + M2 = 13 + 8
        assertThat(release("a", "b", "c", "d")).contains(21L);
        // the whole district, from any level
        assertThat(release("a", "b", "c", "d", "e", "f")).contains(42L);
        assertThat(CustomAreaRule.release(Set.of("a", "b", "c", "d", "e", "f"), atoms, noLsoas)).contains(42L);
        // a single whole MSOA or ward
        assertThat(release("e", "f")).contains(21L);
        assertThat(release("a", "b", "c")).contains(21L);
    }

    @Test
    void anAreaThatCutsAnMsoaInTwoIsRefused() {
        // without the LSOA level: {a,b,d} takes d from M2={c,d}, and is no union of wards (W1 without c)
        assertThat(CustomAreaRule.release(Set.of("a", "b", "d"), atoms, noLsoas)).isEmpty();
        // {a,b,c,d,e} cuts M3 and W2
        assertThat(CustomAreaRule.release(Set.of("a", "b", "c", "d", "e"), atoms, noLsoas)).isEmpty();
        // while M1 + M2 and W1 on their own are released
        assertThat(CustomAreaRule.release(Set.of("a", "b", "c", "d"), atoms, noLsoas)).contains(21L);
        assertThat(CustomAreaRule.release(Set.of("a", "b", "c"), atoms, noLsoas)).contains(21L);
    }

    @Test
    void anAreaCuttingMsoasIsReleasedOnlyWhenItIsMadeOfPublishedLsoas() {
        assertThat(release("c", "e")).contains(20L);   // 8 + 12, both published at LSOA level
        assertThat(release("d")).contains(0L);         // zero is a published count like any other
    }

    @Test
    void anAreaIncludingASuppressedLsoaIsRefusedWhenOnlyTheLsoaLevelCanExpressIt() {
        assertThat(release("a", "c")).isEmpty();        // a suppressed; cuts M1, M2 and W1
        assertThat(release("b", "e", "f")).isEmpty();   // b suppressed; M3 is whole but M1 is cut
        assertThat(release("a")).isEmpty();
        assertThat(release("a", "b")).contains(13L);    // both suppressed, but exactly M1, which is published
    }

    @Test
    void anAreaWithAnUnknownLsoaIsRefused() {
        assertThat(release("c", "Z99")).isEmpty();
        assertThat(release("a", "b", "Z99")).isEmpty();
        assertThat(release("Z99")).isEmpty();
        assertThat(release()).isEmpty();
    }

    @Test
    void everyReleasedCountIsOneTheUserCouldAlreadyWorkOut() {
        // every one of the 63 non-empty custom areas of the example, at both sets of levels
        List<String> lsoas = List.of("a", "b", "c", "d", "e", "f");
        int released = 0;
        for (int mask = 1; mask < 64; mask++) {
            Set<String> area = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                if ((mask & 1 << i) != 0) {
                    area.add(lsoas.get(i));
                }
            }
            released += checkReleaseIsKnown(area, atoms, cells) + checkReleaseIsKnown(area, atoms, noLsoas);
        }
        // with LSOAs: the 15 unions of c..f, then M1, M1+M2, M1+M3, W1 and D; without: the 7 unions of MSOAs, W1, W2
        assertThat(released).isEqualTo(15 + 5 + 7 + 2);
    }

    @Test
    void everyReleasedCountIsOneTheUserCouldAlreadyWorkOutInRandomTables() {
        Random random = new Random(99);
        int released = 0;
        for (int i = 0; i < 200; i++) {
            List<Atom> table = Tables.random(random);
            var tableCells = DisclosureControl.protect(table, LEVELS, AGGREGATES);
            for (int j = 0; j < 40; j++) {
                Set<String> area = new HashSet<>();
                List<String> pick = randomAreas(random, table);
                table.stream().filter(a -> pick.contains(a.areas().get("msoa")) || pick.contains(a.areas().get("ward"))
                        || random.nextInt(8) == 0).forEach(a -> area.add(a.areas().get("lsoa")));
                released += checkReleaseIsKnown(area, table, tableCells);
            }
        }
        assertThat(released).as("released areas out of 8000").isGreaterThan(500);
    }

    private static List<String> randomAreas(Random random, List<Atom> table) {
        List<String> picked = new ArrayList<>();
        table.forEach(a -> {
            if (random.nextInt(4) == 0) {
                picked.add(a.areas().get(random.nextBoolean() ? "msoa" : "ward"));
            }
        });
        return picked;
    }

    /** 1 when released (and then the audit must find the same count determined by published cells), else 0. */
    private static int checkReleaseIsKnown(Set<String> area, List<Atom> atoms, Map<String, Map<String, Cell>> cells) {
        Optional<Long> count = CustomAreaRule.release(area, atoms, cells);
        if (count.isEmpty()) {
            return 0;
        }
        long truth = atoms.stream().filter(a -> area.contains(a.areas().get("lsoa"))).mapToLong(Atom::count).sum();
        assertThat(count).as("%s", area).contains(truth);
        assertThat(LinearDisclosureAudit.of(atoms, cells).determinedValue(area)).as("%s", area).contains(BigInteger.valueOf(truth));
        return 1;
    }

    private Optional<Long> release(String... lsoas) {
        return CustomAreaRule.release(Set.of(lsoas), atoms, cells);
    }
}
