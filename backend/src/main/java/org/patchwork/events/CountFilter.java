package org.patchwork.events;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.patchwork.web.ApiProblem;

/** Which events to count: a category (null = all) and a range of months (inclusive; null = open). */
public record CountFilter(String category, YearMonth from, YearMonth to) {

    public static CountFilter parse(String category, String from, String to) {
        YearMonth start = month("from", from);
        YearMonth end = month("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiProblem.badRequest("invalid-parameter", "to (" + to + ") is before from (" + from + ")");
        }
        return new CountFilter(category == null || category.isBlank() ? null : category.strip(), start, end);
    }

    private static YearMonth month(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-parameter", name + " must be a month as YYYY-MM; got '" + text + "'");
        }
    }

    /** The filter in words for the audit trail, e.g. "category=Burglary from=2022-01 to=2022-03". */
    public String describe() {
        return ((category == null ? "" : "category=" + category) + (from == null ? "" : " from=" + from)
                + (to == null ? "" : " to=" + to)).strip();
    }

    java.time.LocalDate firstDay() {
        return from == null ? null : from.atDay(1);
    }

    java.time.LocalDate lastDay() {
        return to == null ? null : to.atEndOfMonth();
    }
}
