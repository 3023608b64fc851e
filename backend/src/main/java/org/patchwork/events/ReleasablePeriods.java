package org.patchwork.events;

import java.time.YearMonth;
import org.patchwork.disclosure.Protection;
import org.patchwork.web.ApiProblem;

/**
 * The periods counts are released for under disclosure control: one month, one calendar quarter, one
 * calendar year, or every month. A fixed lattice, so that the number of different tables is bounded:
 * with any range of months allowed, the 78 ranges of a year give 78 differently perturbed measurements
 * of 12 monthly counts, and averaging their differences (Asghar and Kaafar, PETS 2020) would wear the
 * noise away. With the lattice each month is in one quarter and one year, and nothing else.
 */
final class ReleasablePeriods {

    private ReleasablePeriods() {
    }

    static void require(CountFilter filter, Protection protection) {
        if (protection.exact() || releasable(filter.from(), filter.to())) {
            return;
        }
        throw ApiProblem.badRequest("period-not-allowed", "Counts are given for one month (from=to), a calendar quarter "
                + "(e.g. from=2022-04&to=2022-06), a calendar year (from=2022-01&to=2022-12) or every month (neither from nor to), "
                + "so that overlapping ranges cannot be subtracted or averaged to reveal a small count; got from="
                + filter.from() + " to=" + filter.to());
    }

    static boolean releasable(YearMonth from, YearMonth to) {
        if (from == null || to == null) {
            return from == null && to == null;
        }
        if (from.equals(to)) {
            return true;
        }
        boolean quarter = (from.getMonthValue() - 1) % 3 == 0 && to.equals(from.plusMonths(2));
        boolean year = from.getMonthValue() == 1 && to.equals(from.plusMonths(11));
        return quarter || year;
    }
}
