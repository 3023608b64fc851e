package org.patchwork.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The properties the generated ptables promise, checked for a grid of parameters (not the deployment's
 * own, which are configuration): zeros stay zero, nothing negative, no adjustment beyond D, no positive
 * count at or below js, zero mean adjustment over the cell keys, the variance V where the support can
 * carry it, and no true count published as one certain value.
 */
class PerturbationTableTest {

    record Params(int d, double v, int js) {
    }

    static List<Params> grid() {
        List<Params> grid = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            for (int js = 0; js < d; js++) {
                for (double v : new double[] {0.5, 1, 2, 3, 5}) {
                    grid.add(new Params(d, v, js));
                }
            }
        }
        return grid;
    }

    @Test
    void zerosStayZeroNothingIsNegativeNoAdjustmentExceedsDAndNoPositiveCountIsAtOrBelowJs() {
        List<String> wrong = new ArrayList<>();
        for (Params p : grid()) {
            PerturbationTable table = PerturbationTable.generate(p.d(), p.v(), p.js());
            for (int k = 0; k < PerturbationTable.KEYS; k++) {
                if (table.perturb(0, k) != 0) {
                    wrong.add(p + ": 0 with key " + k + " gives " + table.perturb(0, k));
                }
                for (long n = 1; n <= 60; n++) {
                    long published = table.perturb(n, k);
                    if (published < 0 || Math.abs(published - n) > p.d() || published >= 1 && published <= p.js()) {
                        wrong.add(p + ": " + n + " with key " + k + " gives " + published);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Mean adjustment over the 256 equally likely keys: exactly 0 wherever the possible values are one
     * apart (every count above js); for counts 1..js the values jump from 0 to js+1, and the mean is
     * then within half a jump of 256ths of zero.
     */
    @Test
    void theMeanAdjustmentIsZero() {
        List<String> wrong = new ArrayList<>();
        for (Params p : grid()) {
            PerturbationTable table = PerturbationTable.generate(p.d(), p.v(), p.js());
            for (long n = 1; n <= 60; n++) {
                long total = 0;
                for (int k = 0; k < PerturbationTable.KEYS; k++) {
                    total += table.perturb(n, k) - n;
                }
                long allowed = n > p.js() ? 0 : (p.js() + 1) / 2;
                if (Math.abs(total) > allowed) {
                    wrong.add(p + ": count " + n + " has total adjustment " + total + "/256");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Where the whole range n−D..n+D is open (n > js+D) and V is well inside what it can carry, the
     * variance is V within 5% (+0.05): whole 256ths of keys drop tail values rarer than 1 in 512.
     */
    @Test
    void theVarianceIsVWhereTheSupportCarriesIt() {
        List<String> wrong = new ArrayList<>();
        for (Params p : grid()) {
            if (p.v() > 0.8 * p.d() * p.d()) {
                continue;   // V moved inside the feasible range: checked by feasibleVarianceStaysInsideWhatTheSupportCarries
            }
            PerturbationTable table = PerturbationTable.generate(p.d(), p.v(), p.js());
            long n = p.js() + p.d() + 5;
            double sum = 0;
            for (int k = 0; k < PerturbationTable.KEYS; k++) {
                sum += Math.pow(table.perturb(n, k) - n, 2);
            }
            double variance = sum / PerturbationTable.KEYS;
            if (Math.abs(variance - p.v()) > 0.05 * p.v() + 0.05) {
                wrong.add(p + ": variance " + variance);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noTrueCountIsPublishedAsOneCertainValue() {
        List<String> wrong = new ArrayList<>();
        for (Params p : grid()) {
            PerturbationTable table = PerturbationTable.generate(p.d(), p.v(), p.js());
            for (long n = 1; n <= 40; n++) {
                TreeSet<Long> values = new TreeSet<>();
                for (int k = 0; k < PerturbationTable.KEYS; k++) {
                    values.add(table.perturb(n, k));
                }
                if (values.size() < 2) {
                    wrong.add(p + ": " + n + " is always " + values);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Hand-worked: on adjustments {−1, 4, 5} (count 1, js 4, D 5) mean 0 needs variance between 4 (−1 and 4) and 5 (−1 and 5). */
    @Test
    void feasibleVarianceStaysInsideWhatTheSupportCarries() {
        double[] t = {-1, 4, 5};
        assertThat(PerturbationTable.feasibleVariance(t, 1)).isEqualTo(4.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PerturbationTable.feasibleVariance(t, 100)).isEqualTo(4.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PerturbationTable.feasibleVariance(new double[] {-2, -1, 0, 1, 2}, 1)).isEqualTo(1.0);
        double[] p = PerturbationTable.maximumEntropy(t, 4.5);
        assertThat(p[0] * -1 + p[1] * 4 + p[2] * 5).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p[0] + p[1] * 16 + p[2] * 25).isCloseTo(4.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void largeCountsAreTheLastRowShifted() {
        PerturbationTable table = PerturbationTable.generate(5, 3, 4);
        for (int k = 0; k < PerturbationTable.KEYS; k++) {
            assertThat(table.perturb(1000, k) - 1000).isEqualTo(table.perturb(20, k) - 20);
        }
    }

    @Test
    void parametersThatCannotMoveEveryCountAreRefused() {
        assertThatThrownBy(() -> PerturbationTable.generate(4, 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerturbationTable.generate(3, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
