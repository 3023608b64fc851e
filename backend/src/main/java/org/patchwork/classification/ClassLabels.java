package org.patchwork.classification;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Legend labels as British readers expect them: whole numbers read "10–19" (the class ends one below the
 * next class's lower bound), others "10.5 to under 19.5", the last class up to the largest value ("50–84",
 * "50.1 to 84.3"), fixed scales "under 10" and "50 or more". Decimals follow the spread of the values.
 */
final class ClassLabels {

    private final boolean whole;
    private final NumberFormat format;

    ClassLabels(boolean whole, double spread) {
        this.whole = whole;
        this.format = NumberFormat.getNumberInstance(Locale.UK);
        int decimals = whole ? 0 : spread >= 100 ? 0 : spread >= 10 ? 1 : spread >= 1 ? 2 : 3;
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(decimals);
    }

    String number(double value) {
        return format.format(value == 0 ? 0 : value);
    }

    /** A class from lower up to (not including) next. */
    String between(double lower, double next) {
        if (whole) {
            // the whole numbers in [lower, next): breaks between whole numbers (equal intervals) round inwards
            double first = Math.ceil(lower);
            double last = Math.ceil(next) - 1;
            return last <= first ? number(first) : number(first) + "–" + number(last);
        }
        return number(lower) + " to under " + number(next);
    }

    /** The last class of data-driven breaks, closed at the largest value. */
    String upTo(double lower, double max) {
        if (max <= lower) {
            return number(lower);
        }
        return whole ? number(Math.ceil(lower)) + "–" + number(max) : number(lower) + " to " + number(max);
    }

    String under(double next) {
        return "under " + number(next);
    }

    String orMore(double lower) {
        return number(lower) + " or more";
    }
}
