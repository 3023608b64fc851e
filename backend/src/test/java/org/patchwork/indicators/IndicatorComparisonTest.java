package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.rates.Comparison;
import org.patchwork.rates.ConfidenceLevel;

/**
 * Comparison with the district and the partnership on a hand-made case. 100 events among 10,000 residents:
 * 10 per 1,000 with Byar's 95% interval 8.13621054905 .. 12.16279375792 and 99.8% 7.19036918726 ..
 * 13.49436217623 per 1,000 (the values of RatesTest, from R and PHEindicatormethods).
 */
class IndicatorComparisonTest {

    static final Indicator RATE = new Indicator(1, "hand-made", 1, MeasureType.RATE_PER_1000, null, List.of(), YearMonth.of(2022, 1),
            YearMonth.of(2022, 12), "ward", "test", null, null, null);
    static final IndicatorValues.Value AREA = IndicatorValues.value(RATE,
            new IndicatorValues.Count("E05000001", "A ward", 100L, false, null), "E08000001", 10_000L);

    static IndicatorValues.Value benchmark(String code, double rate) {
        // a benchmark of 100,000 residents with rate × 100 events
        return IndicatorValues.value(RATE, new IndicatorValues.Count(code, code, Math.round(rate * 100), false, null), null, 100_000L);
    }

    @Test
    void theAreaIsHigherLowerOrSimilarAsTheBenchmarkLiesBelowAboveOrInsideItsInterval() {
        assertThat(AREA.value()).isEqualTo(10.0);
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 8.0), ConfidenceLevel.NINETY_FIVE)).isEqualTo(Comparison.HIGHER);
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 8.2), ConfidenceLevel.NINETY_FIVE)).isEqualTo(Comparison.SIMILAR);
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 12.1), ConfidenceLevel.NINETY_FIVE)).isEqualTo(Comparison.SIMILAR);
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 12.2), ConfidenceLevel.NINETY_FIVE)).isEqualTo(Comparison.LOWER);
        // 99.8% is wider: 12.2 and 13.4 lie inside it, 13.5 above it; 7.2 inside, 7.1 below
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 13.4), ConfidenceLevel.NINETY_NINE_POINT_EIGHT)).isEqualTo(Comparison.SIMILAR);
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 13.5), ConfidenceLevel.NINETY_NINE_POINT_EIGHT)).isEqualTo(Comparison.LOWER);
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 7.2), ConfidenceLevel.NINETY_NINE_POINT_EIGHT)).isEqualTo(Comparison.SIMILAR);
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 7.1), ConfidenceLevel.NINETY_NINE_POINT_EIGHT)).isEqualTo(Comparison.HIGHER);
    }

    @Test
    void aWithheldCountACountMeasureOrTheAreaItselfIsNotCompared() {
        IndicatorValues.Value withheld = IndicatorValues.value(RATE, new IndicatorValues.Count("E05000002", "B", null, true, "small"),
                "E08000001", 10_000L);
        assertThat(withheld.value()).isNull();
        assertThat(IndicatorValues.compare(RATE, withheld, benchmark("B", 8.0), ConfidenceLevel.NINETY_FIVE))
                .isEqualTo(Comparison.NOT_COMPARED);
        assertThat(IndicatorValues.compare(RATE, AREA, AREA, ConfidenceLevel.NINETY_FIVE)).isEqualTo(Comparison.NOT_COMPARED);
        Indicator count = new Indicator(2, "count", 1, MeasureType.COUNT, null, List.of(), null, null, "ward", "t", null, null, null);
        IndicatorValues.Value counted = IndicatorValues.value(count, new IndicatorValues.Count("E05000001", "A", 100L, false, null),
                "E08000001", 10_000L);
        assertThat(counted.value()).isEqualTo(100.0);
        assertThat(counted.estimate().ci95().lower()).isCloseTo(81.3621054905, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(IndicatorValues.compare(count, counted, benchmark("B", 8.0), ConfidenceLevel.NINETY_FIVE))
                .isEqualTo(Comparison.NOT_COMPARED);
    }

    /**
     * A perturbed count's noise widens its interval, so a difference that is only noise is not called
     * significant: 100 events with noise variance 25 give 10 ± (Byar's arm) × √1.25 per 1,000 (RatesTest's case).
     */
    @Test
    void aPerturbedCountsVarianceWidensTheIntervalAndCanTurnADifferenceIntoNoise() {
        IndicatorValues.Value perturbed = IndicatorValues.value(RATE,
                new IndicatorValues.Count("E05000001", "A ward", 100L, 25, false, null), "E08000001", 10_000L);
        double widen = Math.sqrt(1.25);
        assertThat(perturbed.estimate().ci95().lower()).isCloseTo(10 - 1.86378945095 * widen, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(perturbed.estimate().ci95().upper()).isCloseTo(10 + 2.16279375792 * widen, org.assertj.core.api.Assertions.within(1e-9));
        // 12.2 lies above the exact count's interval (to 12.16) but inside the perturbed one (to 12.42)
        assertThat(IndicatorValues.compare(RATE, AREA, benchmark("B", 12.2), ConfidenceLevel.NINETY_FIVE)).isEqualTo(Comparison.LOWER);
        assertThat(IndicatorValues.compare(RATE, perturbed, benchmark("B", 12.2), ConfidenceLevel.NINETY_FIVE)).isEqualTo(Comparison.SIMILAR);
        // two categories' counts add up with their variances; a withheld part leaves no count
        IndicatorValues.Count sum = IndicatorValues.add(new IndicatorValues.Count("X", "X", 60L, 10, false, null),
                new IndicatorValues.Count("X", "X", 40L, 15, false, null));
        assertThat(sum.count()).isEqualTo(100L);
        assertThat(sum.variance()).isEqualTo(25.0);
        IndicatorValues.Count withheld = IndicatorValues.add(sum, new IndicatorValues.Count("X", "X", null, true, "small"));
        assertThat(withheld.count()).isNull();
        assertThat(withheld.suppressed()).isTrue();
    }

    @Test
    void seriesPeriodsAreWholeMonthsQuartersAndYearsInsideTheSpan() {
        assertThat(IndicatorSeries.periods("months", YearMonth.of(2022, 11), YearMonth.of(2023, 2)).stream()
                .map(IndicatorSeries.Period::label).toList()).containsExactly("2022-11", "2022-12", "2023-01", "2023-02");
        assertThat(IndicatorSeries.periods("quarters", YearMonth.of(2022, 2), YearMonth.of(2022, 12)).stream()
                .map(IndicatorSeries.Period::label).toList()).containsExactly("2022-Q2", "2022-Q3", "2022-Q4");
        assertThat(IndicatorSeries.periods("years", YearMonth.of(2022, 1), YearMonth.of(2023, 11)).stream()
                .map(IndicatorSeries.Period::label).toList()).containsExactly("2022");
    }
}
