package org.patchwork.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.web.ApiProblem;

/** Breaks, counts and labels on hand-worked and published examples; each expected value says where it comes from. */
class ClassifierTest {

    /**
     * PySAL's California employment density example (calempdensity.csv, 58 counties), as repeated in the test data of
     * riatelab/statsbreaks (test/test-data.js).
     */
    static final List<Double> CALEMP = List.of(329.92, 0.42, 5.9, 14.03, 2.78, 1.34, 181.27, 1.65, 10.03, 16.7, 1.32, 3.99,
            3.16, 0.22, 8.7, 6.56, 3.27, 0.33, 370.5, 4.51, 75.29, 0.99, 2.74, 8.68, 0.14, 0.92, 12.63, 28.7, 12.02, 722.85,
            36.68, 0.74, 29.82, 192.05, 3.38, 11.15, 110.74, 4111.45, 49.47, 10.33, 317.11, 20.47, 264.93, 66.26, 5.39, 0.13,
            0.61, 50.65, 40.48, 36.67, 13.09, 1.81, 0.2, 7.6, 2.51, 57.26, 24.32, 6.97);

    private final Classifier classifier = new Classifier();

    private static ClassificationRequest request(String method, int classes) {
        return ClassificationRequest.parse(method, String.valueOf(classes), null, null, null);
    }

    private static int[] counts(Classification c) {
        return c.classes().stream().mapToInt(Classification.ClassBand::count).toArray();
    }

    @Test
    void naturalBreaksMatchThePublishedFisherJenksExample() {
        // PySAL mapclassify Fisher_Jenks docstring (k=5): bins (class maxima) 75.29, 192.05, 370.5, 722.85, 4111.45 and
        // counts 49, 3, 4, 1, 1; statsbreaks' jenks test gives the same. Our breaks are the smallest value of each group.
        Classification c = classifier.classify(CALEMP, request("natural-breaks", 5));
        assertThat(counts(c)).containsExactly(49, 3, 4, 1, 1);
        assertThat(c.breaks()).containsExactly(110.74, 264.93, 722.85, 4111.45);
        double[] maxima = new double[5];
        for (double v : CALEMP) {
            int k = c.classOf(v);
            maxima[k] = Math.max(maxima[k], v);
        }
        assertThat(maxima).containsExactly(75.29, 192.05, 370.5, 722.85, 4111.45);
        assertThat(c.classes().get(0).label()).isEqualTo("0 to under 111");
    }

    @Test
    void equalIntervalsMatchThePublishedExample() {
        // PySAL mapclassify Equal_Interval docstring (k=5): bins 822.394, 1644.658, 2466.922, 3289.186, counts 57, 0, 0, 0, 1
        Classification c = classifier.classify(CALEMP, request("equal-interval", 5));
        assertThat(c.breaks()).hasSize(4);
        assertThat(c.breaks()[0]).isCloseTo(822.394, within(1e-9));
        assertThat(c.breaks()[1]).isCloseTo(1644.658, within(1e-9));
        assertThat(c.breaks()[2]).isCloseTo(2466.922, within(1e-9));
        assertThat(c.breaks()[3]).isCloseTo(3289.186, within(1e-9));
        assertThat(counts(c)).containsExactly(57, 0, 0, 0, 1);
    }

    @Test
    void quantilesByHand() {
        // 1..10 in 5 classes: breaks at 0-based positions floor(i·10/5) = 2, 4, 6, 8, i.e. the values 3, 5, 7, 9
        Classification c = classifier.classify(List.of(10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0), request("quantile", 5));
        assertThat(c.breaks()).containsExactly(3, 5, 7, 9);
        assertThat(counts(c)).containsExactly(2, 2, 2, 2, 2);
        assertThat(c.classes().stream().map(Classification.ClassBand::label)).containsExactly("1–2", "3–4", "5–6", "7–8", "9–10");
        // ties: 0,0,0,0,0,0,1,2,3,4 in 4 classes: positions 2, 5, 7 hold 0, 0, 2; a break equal to the minimum goes
        Classification tied = classifier.classify(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 4.0), request("quantile", 4));
        assertThat(tied.breaks()).containsExactly(2);
        assertThat(counts(tied)).containsExactly(7, 3);
    }

    @Test
    void standardDeviationsByHand() {
        // 2,4,4,4,5,5,7,9: mean 5, population standard deviation 2 (the textbook example)
        List<Double> values = List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0);
        // 5 classes: mean ± 0.5 and 1.5 sd = 2, 4, 6, 8; 2 is the minimum, so it is no break
        Classification odd = classifier.classify(values, request("standard-deviation", 5));
        assertThat(odd.breaks()).containsExactly(4, 6, 8);
        assertThat(counts(odd)).containsExactly(1, 5, 1, 1);
        // 4 classes: mean and mean ± 1 sd = 3, 5, 7
        Classification even = classifier.classify(values, request("standard-deviation", 4));
        assertThat(even.breaks()).containsExactly(3, 5, 7);
        assertThat(counts(even)).containsExactly(1, 3, 2, 2);
        assertThat(even.palette()).isEqualTo("RdBu (reversed)");
    }

    @Test
    void fixedBreaksCountEveryClassAndTheMissing() {
        ClassificationRequest fixed = ClassificationRequest.parse("fixed", null, "OrRd", "10,25,50", null);
        Classification c = classifier.classify(Arrays.asList(0.0, 5.0, 10.0, 30.0, 60.0, null, Double.NaN), fixed);
        assertThat(counts(c)).containsExactly(2, 1, 1, 1);
        assertThat(c.noData().count()).isEqualTo(2);
        assertThat(c.classes().stream().map(Classification.ClassBand::label)).containsExactly("under 10", "10–24", "25–49", "50 or more");
        // ColorBrewer OrRd, 4 classes
        assertThat(c.classes().stream().map(Classification.ClassBand::colour)).containsExactly("#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f");
    }

    @Test
    void zerosCanHaveAClassOfTheirOwn() {
        ClassificationRequest counts = ClassificationRequest.parse("quantile", "3", "BuPu", null, "true");
        Classification c = classifier.classify(List.of(0.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0), counts);
        // the positive values 1..6: positions floor(i·6/3) = 2, 4 hold 3 and 5
        assertThat(c.breaks()).containsExactly(3, 5);
        assertThat(c.classes().stream().map(Classification.ClassBand::label)).containsExactly("0", "1–2", "3–4", "5–6");
        assertThat(counts(c)).containsExactly(2, 2, 2, 2);
        assertThat(c.classOf(0.0)).isZero();
        assertThat(c.classOf(6.0)).isEqualTo(3);
        assertThat(c.classOf((Double) null)).isEqualTo(-1);
    }

    @Test
    void labelsFollowTheSpreadOfTheValues() {
        Classification c = classifier.classify(List.of(1.25, 2.5, 3.75, 5.0, 6.25, 7.5), request("equal-interval", 3));
        // range 6.25 (2 decimals), width 2.0833..: breaks 3.3333.., 5.4166..
        assertThat(c.classes().stream().map(Classification.ClassBand::label))
                .containsExactly("1.25 to under 3.33", "3.33 to under 5.42", "5.42 to 7.50");
    }

    @Test
    void significanceClassesCountTheComparisons() {
        Classification c = classifier.significance(List.of("higher", "higher", "similar", "lower", "not-compared"), "the district");
        assertThat(counts(c)).containsExactly(2, 1, 1);
        assertThat(c.noData().count()).isEqualTo(1);
        assertThat(c.classes().get(0).label()).isEqualTo("Higher than the district");
        assertThat(c.classOf("lower")).isEqualTo(2);
    }

    @Test
    void noValuesMakeNoClasses() {
        Classification c = classifier.classify(Arrays.asList(null, null), request("natural-breaks", 5));
        assertThat(c.classes()).isEmpty();
        assertThat(c.noData().count()).isEqualTo(2);
    }

    @Test
    void fewerDifferentValuesThanClassesMakeFewerClasses() {
        Classification c = classifier.classify(List.of(1.0, 1.0, 2.0, 2.0), request("natural-breaks", 5));
        assertThat(c.breaks()).containsExactly(2);
        assertThat(counts(c)).containsExactly(2, 2);
    }

    @Test
    void badRequestsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ClassificationRequest.parse("quantile", "2", null, null, null)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("3 to 9");
        assertThatThrownBy(() -> ClassificationRequest.parse("quantile", "10", null, null, null)).hasMessageContaining("3 to 9");
        assertThatThrownBy(() -> ClassificationRequest.parse("kmeans", null, null, null, null)).hasMessageContaining("method must be");
        assertThatThrownBy(() -> ClassificationRequest.parse(null, null, "Spectral", null, null)).hasMessageContaining("colour-blind-safe");
        assertThatThrownBy(() -> ClassificationRequest.parse("fixed", null, null, null, null)).hasMessageContaining("needs breaks");
        assertThatThrownBy(() -> ClassificationRequest.parse("fixed", null, null, "5,3", null)).hasMessageContaining("increasing");
        assertThatThrownBy(() -> ClassificationRequest.parse("quantile", null, null, "5,8", null)).hasMessageContaining("fixed only");
    }

    @Test
    void onlyColourBlindSafeSchemesWithEveryClassCount() {
        assertThat(Palettes.all()).extracting(Palettes.Palette::name)
                .contains("YlGnBu", "BuPu", "OrRd", "Blues", "RdBu", "PuOr", "RdYlBu")
                .doesNotContain("Spectral", "RdYlGn", "RdGy", "Set1");
        for (Palettes.Palette p : Palettes.all()) {
            for (int k = 3; k <= 9; k++) {
                assertThat(p.colours(k)).as(p.name() + " " + k).hasSize(k).allMatch(c -> c.matches("#[0-9a-f]{6}"));
            }
        }
        // ColorBrewer YlGnBu 5, as the map used before the breaks moved to the server
        assertThat(Palettes.named("YlGnBu").orElseThrow().colours(5))
                .containsExactly("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494");
    }
}
