package org.patchwork.uploads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column's dates are written day first (10/02/2023 = 10 February, the UK's way) or month first
 * (10/02/2023 = 2 October, the US way), decided per column from its values: a first part above 12 can only
 * be a day, a second part above 12 only a day too, so the month comes first. A column with both kinds of
 * evidence is refused (its dates cannot all be right); a column of dates that fit both orders throughout is
 * asked about in the preview, and the answer ({@code dateOrder} in the mapping) is remembered with it.
 * Dates written YYYY-MM-DD or YYYY-MM have no such question.
 */
public final class DateOrder {

    public static final String DAY_FIRST = "day-first";
    public static final String MONTH_FIRST = "month-first";
    static final List<String> CHOICES = List.of(DAY_FIRST, MONTH_FIRST);

    /** A date with its day and month in either order, then the year (a time may follow). */
    static final Pattern NUMERIC = Pattern.compile("^\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:[ T].*)?$");

    /** One value that settles (or not) the order, and where it is: its file and row. */
    public record Example(String value, String file, Long row) {
        String where() {
            return row == null ? value : value + " (row " + row + (file == null ? "" : " of " + file) + ")";
        }
    }

    /** How many values of a column can only be day first, only month first, or either; an example of each. */
    public record Evidence(long dayFirst, long monthFirst, long either, Example dayFirstExample, Example monthFirstExample, Example eitherExample) {

        /** day-first, month-first, ambiguous (every such date fits both), mixed (both orders seen) or none (no such dates). */
        String verdict() {
            if (dayFirst > 0 && monthFirst > 0) {
                return "mixed";
            } else if (dayFirst > 0) {
                return DAY_FIRST;
            } else if (monthFirst > 0) {
                return MONTH_FIRST;
            }
            return either > 0 ? "ambiguous" : "none";
        }
    }

    /** What the preview says about the date column's order, and whether it asks the uploader. */
    record Preview(String column, String verdict, boolean asks, String detail) {
    }

    private DateOrder() {
    }

    /** The evidence in a column's values (the preview reads them all, or its sample). */
    static Evidence tally(Iterable<String> values) {
        long day = 0;
        long month = 0;
        long either = 0;
        Example dayExample = null;
        Example monthExample = null;
        Example eitherExample = null;
        long row = 1;   // the header is row 1
        for (String value : values) {
            row++;
            Matcher m = value == null ? null : NUMERIC.matcher(value);
            if (m == null || !m.matches()) {
                continue;
            }
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            if (first > 12 && second <= 12) {
                day++;
                dayExample = dayExample == null ? new Example(value.strip(), null, row) : dayExample;
            } else if (second > 12 && first <= 12) {
                month++;
                monthExample = monthExample == null ? new Example(value.strip(), null, row) : monthExample;
            } else if (first <= 12 && second <= 12) {
                either++;
                eitherExample = eitherExample == null ? new Example(value.strip(), null, row) : eitherExample;
            }
        }
        return new Evidence(day, month, either, dayExample, monthExample, eitherExample);
    }

    static Preview preview(String column, Evidence evidence) {
        return switch (evidence.verdict()) {
            case DAY_FIRST -> new Preview(column, DAY_FIRST, false, "The dates in " + column + " are day first: "
                    + evidence.dayFirstExample().value() + " can only be read that way.");
            case MONTH_FIRST -> new Preview(column, MONTH_FIRST, false, "The dates in " + column + " are month first (as in the US): "
                    + evidence.monthFirstExample().value() + " can only be read that way.");
            case "ambiguous" -> new Preview(column, "ambiguous", true, "Every date in " + column + " could be day/month or month/day "
                    + "(e.g. " + evidence.eitherExample().value() + "): say which order the file uses.");
            case "mixed" -> new Preview(column, "mixed", false, mixedDetail(column, evidence));
            default -> null;
        };
    }

    /**
     * The order to read the column in: from the evidence, or the uploader's {@code chosen} order when every
     * date fits both; null when the column has no such dates. Refused: a column written in both orders, a
     * choice the values contradict, and a column that fits both orders throughout with no choice made.
     */
    public static String resolve(Evidence evidence, String chosen, String column, String label) {
        if (chosen != null && !CHOICES.contains(chosen)) {
            throw new UploadRejected("dateOrder must be \"day-first\" or \"month-first\", not \"" + chosen + "\"",
                    List.of(new UploadRejected.FileError(label, null, column, chosen, "dateOrder must be day-first or month-first")));
        }
        String verdict = evidence.verdict();
        switch (verdict) {
            case "mixed" -> {
                List<UploadRejected.FileError> errors = new ArrayList<>();
                errors.add(error(label, column, evidence.dayFirstExample(), "only day first can be read here, as "
                        + evidence.dayFirstExample().value().split("[/.-]")[0] + " is not a month"));
                errors.add(error(label, column, evidence.monthFirstExample(), "only month first can be read here, as "
                        + evidence.monthFirstExample().value().split("[/.-]")[1].replaceAll("\\D.*", "") + " is not a month"));
                throw new UploadRejected(mixedDetail(column, evidence), errors);
            }
            case DAY_FIRST, MONTH_FIRST -> {
                if (chosen != null && !chosen.equals(verdict)) {
                    Example example = verdict.equals(DAY_FIRST) ? evidence.dayFirstExample() : evidence.monthFirstExample();
                    String reason = "the dates are said to be " + words(chosen) + ", but " + example.value() + " can only be "
                            + words(verdict);
                    throw new UploadRejected("The dates in " + column + " are said to be " + words(chosen) + ", but " + example.where()
                            + " can only be read " + words(verdict) + " (" + count(DAY_FIRST.equals(verdict) ? evidence.dayFirst()
                            : evidence.monthFirst()) + "). Choose " + verdict + ", or correct the file.",
                            List.of(error(label, column, example, reason)));
                }
                return verdict;
            }
            case "ambiguous" -> {
                if (chosen == null) {
                    Example example = evidence.eitherExample();
                    throw new UploadRejected("Every date in " + column + " could be day/month or month/day (e.g. " + example.where()
                            + "), so say which order the file uses: dateOrder \"day-first\" (10/02/2023 is 10 February) or "
                            + "\"month-first\" (10/02/2023 is 2 October).",
                            List.of(error(label, column, example, "the order of day and month cannot be told from the values: choose it")));
                }
                return chosen;
            }
            default -> {
                return chosen;
            }
        }
    }

    private static String mixedDetail(String column, Evidence evidence) {
        return "The dates in " + column + " are written in both orders: " + evidence.dayFirstExample().where() + " can only be day first ("
                + count(evidence.dayFirst()) + ") and " + evidence.monthFirstExample().where() + " only month first ("
                + count(evidence.monthFirst()) + "), so no one order reads them all. Write every date the same way, "
                + "best as YYYY-MM-DD.";
    }

    private static UploadRejected.FileError error(String label, String column, Example example, String reason) {
        return new UploadRejected.FileError(example.file() == null ? label : example.file(), example.row(), column, example.value(), reason);
    }

    private static String words(String order) {
        return order.equals(DAY_FIRST) ? "day first" : "month first";
    }

    private static String count(long n) {
        return String.format(Locale.UK, "%,d such %s", n, n == 1 ? "date" : "dates");
    }
}
