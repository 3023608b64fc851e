package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateOrderTest {

    @Test
    void aFirstPartAbove12IsADayAndASecondPartAbove12MakesTheMonthFirst() {
        assertThat(DateOrder.tally(List.of("25/12/2023", "01/02/2023", "2023-05-01")).verdict()).isEqualTo("day-first");
        assertThat(DateOrder.tally(List.of("10/02/2023", "12/25/2023 09:15")).verdict()).isEqualTo("month-first");
        assertThat(DateOrder.tally(List.of("10/02/2023", "03.04.2023")).verdict()).isEqualTo("ambiguous");
        assertThat(DateOrder.tally(List.of("25/02/2023", "02/25/2023")).verdict()).isEqualTo("mixed");
        assertThat(DateOrder.tally(List.of("2023-02", "2023-02-25", "")).verdict()).isEqualTo("none");
    }

    @Test
    void theExampleIsTheFirstRowOfItsKindCountingTheHeaderAsRow1() {
        DateOrder.Evidence evidence = DateOrder.tally(List.of("2023-01", "02/25/2023", "02/26/2023"));
        assertThat(evidence.monthFirst()).isEqualTo(2);
        assertThat(evidence.monthFirstExample()).isEqualTo(new DateOrder.Example("02/25/2023", null, 3L));
    }

    @Test
    void theValuesDecideAndAChoiceOnlyAnswersWhatTheyLeaveOpen() {
        DateOrder.Evidence us = DateOrder.tally(List.of("10/02/2023", "12/25/2023"));
        assertThat(DateOrder.resolve(us, null, "Date", "f.csv")).isEqualTo("month-first");
        assertThat(DateOrder.resolve(us, "month-first", "Date", "f.csv")).isEqualTo("month-first");
        assertThatThrownBy(() -> DateOrder.resolve(us, "day-first", "Date", "f.csv")).isInstanceOf(UploadRejected.class)
                .hasMessageContaining("said to be day first, but 12/25/2023 (row 3) can only be read month first");

        DateOrder.Evidence either = DateOrder.tally(List.of("10/02/2023"));
        assertThat(DateOrder.resolve(either, "day-first", "Date", "f.csv")).isEqualTo("day-first");
        assertThatThrownBy(() -> DateOrder.resolve(either, null, "Date", "f.csv")).isInstanceOf(UploadRejected.class)
                .hasMessageContaining("could be day/month or month/day");
        assertThatThrownBy(() -> DateOrder.resolve(either, "sideways", "Date", "f.csv")).isInstanceOf(UploadRejected.class);
        assertThatThrownBy(() -> DateOrder.resolve(DateOrder.tally(List.of("25/02/2023", "02/25/2023")), "day-first", "Date", "f.csv"))
                .isInstanceOf(UploadRejected.class).hasMessageContaining("written in both orders");

        assertThat(DateOrder.resolve(DateOrder.tally(List.of("2023-05")), null, "Month", "f.csv")).isNull();
    }
}
