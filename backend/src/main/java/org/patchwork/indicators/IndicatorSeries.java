package org.patchwork.indicators;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.Access;
import org.patchwork.access.AccessPolicy;
import org.patchwork.rates.ConfidenceLevel;
import org.patchwork.rates.FunnelLimits;
import org.patchwork.rates.Interval;
import org.patchwork.rates.TrendTest;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * An event indicator over time for one area (by month, calendar quarter and calendar year, each with the
 * chi-square test for trend in rates), and its funnel plot data. A period's rate is its count over the
 * mid-2015 population, not annualised. Quarters and years are counted as wholes (never as sums of
 * protected months); where the viewer's access publishes only single months, they are left out with the reason.
 * A custom area's series is counted the same way from its own LSOAs, each period through the custom-area
 * ledger ({@link CustomAreaValues#counts}), over its LSOAs' population.
 */
@Component
class IndicatorSeries {

    /** At most this many months in a series (ten years), so one request cannot ask for hundreds of tables. */
    static final int MAX_MONTHS = 120;
    /** Points of each funnel control limit curve. */
    static final int FUNNEL_STEPS = 40;

    private final IndicatorValues values;
    private final IndicatorStore store;
    private final AccessPolicy policy;
    private final CustomAreaValues customValues;
    private final org.patchwork.customareas.CustomAreas customAreas;

    IndicatorSeries(IndicatorValues values, IndicatorStore store, AccessPolicy policy, CustomAreaValues customValues,
                    org.patchwork.customareas.CustomAreas customAreas) {
        this.customValues = customValues;
        this.customAreas = customAreas;
        this.values = values;
        this.store = store;
        this.policy = policy;
    }

    /** One period of a series: its first and last month and its label. */
    record Period(String label, YearMonth from, YearMonth to) {
    }

    /** The published count of the series' area over one period (null: no count). */
    private interface PeriodCount {
        IndicatorValues.Count count(YearMonth from, YearMonth to);
    }

    Map<String, Object> series(Indicator indicator, Access access, String code) {
        if (!indicator.measure().fromEvents()) {
            throw ApiProblem.badRequest("invalid-request", "series are given for count and rate indicators; indicator "
                    + indicator.id() + " is an area statistic as loaded");
        }
        if (code == null || code.isBlank()) {
            throw ApiProblem.badRequest("invalid-parameter", "area is required: the code of an LSOA, MSOA, ward, district or custom area");
        }
        YearMonth[] span = span(indicator);
        IndicatorStore.Area area;
        Long population;
        PeriodCount counter;
        if (CustomAreaProfile.isCustom(code)) {
            org.patchwork.customareas.CustomArea custom = customAreas.find(code.strip(), policy.currentViewer()).orElseThrow(() ->
                    ApiProblem.badRequest("invalid-parameter", "area must be the code of a loaded LSOA, MSOA, ward or district, "
                            + "or of a custom area you may see; got '" + code + "'"));
            area = new IndicatorStore.Area(CustomAreaValues.LEVEL, custom.code(), custom.name(), custom.district());
            population = CustomAreaValues.population(custom, store.population("lsoa"));
            counter = (from, to) -> customValues.counts(indicator, access, List.of(custom), from, to).get(custom.code());
        } else {
            area = store.area(code.strip()).orElseThrow(() -> ApiProblem.badRequest("invalid-parameter",
                    "area must be the code of a loaded LSOA, MSOA, ward or district, or of a custom area; got '" + code + "'"));
            values.requireLevel(indicator, access, area.level(), "indicator-series");
            IndicatorStore.Population areaPopulation = store.population(area.level()).get(area.code());
            population = areaPopulation == null ? null : areaPopulation.population();
            counter = values.overTime(indicator, access, area.level(), area.code(), span[0], span[1])::apply;
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", indicator.json());
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("code", area.code());
        where.put("name", area.name());
        where.put("level", area.level());
        where.put("district", area.district());
        body.put("area", where);
        body.put("disclosure", ValueJson.disclosure(access));
        Map<String, Object> trends = new LinkedHashMap<>();
        Map<String, Object> unavailable = new LinkedHashMap<>();
        int rows = 0;
        for (var granularity : List.of("months", "quarters", "years")) {
            List<Period> periods = periods(granularity, span[0], span[1]);
            try {
                List<IndicatorValues.Value> series = new ArrayList<>();
                for (Period period : periods) {
                    IndicatorValues.Count count = counter.count(period.from(), period.to());
                    series.add(IndicatorValues.value(indicator, count == null ? new IndicatorValues.Count(period.label(), null, 0L, false, null)
                            : new IndicatorValues.Count(period.label(), period.label(), count.count(), count.variance(),
                                    count.suppressed(), count.reason()),
                            area.district(), population));
                }
                List<Map<String, Object>> json = new ArrayList<>();
                for (int i = 0; i < series.size(); i++) {
                    Map<String, Object> point = ValueJson.figures(series.get(i));
                    point.remove("code");
                    point.remove("name");
                    point.put("period", periods.get(i).label());
                    point.put("from", periods.get(i).from().toString());
                    point.put("to", periods.get(i).to().toString());
                    point.put("suppressed", series.get(i).suppressed());
                    json.add(point);
                }
                body.put(granularity, json);
                trends.put(granularity, trend(series));
                rows += series.size();
            } catch (ApiProblem problem) {
                if (granularity.equals("months") || !problem.type().equals("period-not-allowed")) {
                    throw problem;
                }
                unavailable.put(granularity, problem.getMessage());
            }
        }
        body.put("trend", trends);
        if (!unavailable.isEmpty()) {
            body.put("unavailable", unavailable);
        }
        policy.audit("aggregate-access", indicator.datasetId(), "indicator-series", rows,
                "indicator=" + indicator.id() + " area=" + area.code());
        return body;
    }

    /** The chi-square test for trend in rates over the periods, or why it was not done. */
    private static Map<String, Object> trend(List<IndicatorValues.Value> series) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", "chi-square test for trend in rates (score test of the Poisson regression slope), 1 df");
        if (series.size() < 2) {
            json.put("tested", false);
            json.put("reason", "fewer than two periods");
            return json;
        }
        if (series.stream().anyMatch(v -> v.numerator() == null || v.denominator() == null || v.denominator() <= 0)) {
            json.put("tested", false);
            json.put("reason", "a period's count is withheld or the area has no population");
            return json;
        }
        double[] counts = series.stream().mapToDouble(v -> v.numerator()).toArray();
        double[] denominators = series.stream().mapToDouble(v -> v.denominator()).toArray();
        TrendTest.Result result = TrendTest.rates(counts, denominators);
        json.put("tested", !Double.isNaN(result.chiSquare()));
        json.put("chiSquare", ValueJson.finite(result.chiSquare()));
        json.put("pValue", ValueJson.finite(result.pValue()));
        json.put("direction95", result.direction(ConfidenceLevel.NINETY_FIVE).name().toLowerCase().replace('_', '-'));
        json.put("direction998", result.direction(ConfidenceLevel.NINETY_NINE_POINT_EIGHT).name().toLowerCase().replace('_', '-'));
        return json;
    }

    private YearMonth[] span(Indicator indicator) {
        // the dataset's first and last months only when the indicator leaves an end open: the query reads every event
        YearMonth[] events = indicator.from() != null && indicator.to() != null ? new YearMonth[2]
                : store.eventMonths(indicator.datasetId());
        YearMonth from = indicator.from() != null ? indicator.from() : events[0];
        YearMonth to = indicator.to() != null ? indicator.to() : events[1];
        if (from == null || to == null || to.isBefore(from)) {
            throw ApiProblem.badRequest("invalid-request", "indicator " + indicator.id() + " has no months with events to make a series of");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            from = to.minusMonths(MAX_MONTHS - 1);   // the latest ten years
        }
        return new YearMonth[] {from, to};
    }

    /** The months of the span, or the calendar quarters or years that lie wholly inside it. */
    static List<Period> periods(String granularity, YearMonth from, YearMonth to) {
        List<Period> periods = new ArrayList<>();
        int step = switch (granularity) {
            case "months" -> 1;
            case "quarters" -> 3;
            default -> 12;
        };
        YearMonth start = from;
        while ((start.getMonthValue() - 1) % step != 0) {
            start = start.plusMonths(1);
        }
        for (YearMonth m = start; !m.plusMonths(step - 1).isAfter(to); m = m.plusMonths(step)) {
            String label = switch (granularity) {
                case "months" -> m.toString();
                case "quarters" -> m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
                default -> String.valueOf(m.getYear());
            };
            periods.add(new Period(label, m, m.plusMonths(step - 1)));
        }
        return periods;
    }

    /**
     * Funnel plot data for a rate indicator: each area's rate against its population, and the 95% and 99.8%
     * control limits around the partnership rate (Spiegelhalter's exact Poisson limits) across the range of
     * populations; each area says whether it lies inside or above or below either pair.
     */
    Map<String, Object> funnel(IndicatorValues.Table table) {
        Indicator indicator = table.indicator();
        if (!indicator.measure().isRate()) {
            throw ApiProblem.badRequest("invalid-request", "funnel plots are for rate indicators; indicator " + indicator.id()
                    + " is a " + indicator.measure().key());
        }
        Double benchmark = table.partnership().value();
        double multiplier = indicator.measure().multiplier();
        List<Map<String, Object>> points = new ArrayList<>();
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (IndicatorValues.Value area : table.areas()) {
            if (area.value() == null || area.denominator() == null || area.denominator() <= 0) {
                continue;
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("code", area.code());
            point.put("name", area.name());
            point.put("numerator", area.numerator());
            point.put("denominator", area.denominator());
            point.put("value", area.value());
            if (benchmark != null) {
                point.put("position", position(area.value(), benchmark, area.denominator(), multiplier));
            }
            points.add(point);
            smallest = Math.min(smallest, area.denominator());
            largest = Math.max(largest, area.denominator());
        }
        List<Map<String, Object>> limits = new ArrayList<>();
        if (benchmark != null && !points.isEmpty()) {
            for (int i = 0; i <= FUNNEL_STEPS; i++) {
                // evenly spaced on a log scale, where funnels are usually drawn
                double n = smallest == largest ? smallest
                        : Math.exp(Math.log(smallest) + (Math.log(largest) - Math.log(smallest)) * i / FUNNEL_STEPS);
                Interval l95 = FunnelLimits.forRate(benchmark, n, multiplier, ConfidenceLevel.NINETY_FIVE);
                Interval l998 = FunnelLimits.forRate(benchmark, n, multiplier, ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
                Map<String, Object> limit = new LinkedHashMap<>();
                limit.put("denominator", n);
                limit.put("lower95", l95.lower());
                limit.put("upper95", l95.upper());
                limit.put("lower998", l998.lower());
                limit.put("upper998", l998.upper());
                limits.add(limit);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", indicator.json());
        body.put("level", table.level());
        body.put("within", table.within());
        body.put("benchmark", ValueJson.figures(table.partnership()));
        body.put("method", "Spiegelhalter (2005) exact Poisson limits with interpolation around the partnership rate");
        body.put("disclosure", ValueJson.disclosure(table.access()));
        body.put("points", points);
        body.put("limits", limits);
        return body;
    }

    private static String position(double rate, double benchmark, double denominator, double multiplier) {
        Interval l998 = FunnelLimits.forRate(benchmark, denominator, multiplier, ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
        Interval l95 = FunnelLimits.forRate(benchmark, denominator, multiplier, ConfidenceLevel.NINETY_FIVE);
        if (rate > l998.upper()) {
            return "above-998";
        }
        if (rate < l998.lower()) {
            return "below-998";
        }
        if (rate > l95.upper()) {
            return "above-95";
        }
        return rate < l95.lower() ? "below-95" : "within";
    }
}
