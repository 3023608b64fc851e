package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.Recipient;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.access.CrimeData.Filter;
import org.patchwork.access.PublishedCounts.Cell;
import org.patchwork.access.PublishedCounts.Rule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disclosure control on the real Merseyside 2022 street crime, as a council analyst with an agreement
 * for aggregates by LSOA sees it: for several categories and months, every level is checked against the
 * true counts, the levels against each other, and against recovering a suppressed count by subtraction.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuppressionOnRealDataIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CrimeData crime;
    AdminApi admin;
    long agreement;
    ApiClient analyst;
    final Map<Filter, Map<String, Map<String, Cell>>> published = new HashMap<>();
    final Map<String, Map<String, List<String>>> covering = new HashMap<>();

    @BeforeAll
    void councilAnalyst() {
        crime = new CrimeData(jdbc);
        admin = new AdminApi(port);
        long council = admin.partner("Sefton Council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime.datasetId, today, today.plusDays(30), Recipient.partner(council, "aggregate", "lsoa"));
        analyst = admin.user(council, "analyst").basic(port);
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    static Stream<Filter> filters() {
        return Stream.of(
                new Filter("Burglary", "2022-03", "2022-03"),
                new Filter("Shoplifting", "2022-01", "2022-01"),
                new Filter("Theft from the person", "2022-07", "2022-07"),
                new Filter("Bicycle theft", "2022-06", "2022-08"),
                new Filter("Possession of weapons", "2022-01", "2022-06"),
                new Filter("Robbery", null, null),
                new Filter(null, "2022-11", "2022-11"));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void everyLevelIsProtectedAndTheLevelsAddUp(Filter filter) {
        Map<String, Map<String, Cell>> published = published(filter);
        for (String level : CrimeData.LEVELS) {
            PublishedCounts.assertProtected(level + " " + filter, published.get(level), crime.counts(level, filter), Rule.AGGREGATE);
        }
        assertThat(published.get("lsoa").values()).as("small counts occur in %s", filter).anyMatch(Cell::suppressed);
        List<String> inconsistent = new ArrayList<>();
        eachPublishedWhole(published, whole -> {
            if (whole.parts().stream().noneMatch(Cell::suppressed)) {
                long sum = whole.parts().stream().mapToLong(Cell::count).sum();
                if (sum != whole.count()) {
                    inconsistent.add(whole.name() + " but its parts add up to " + sum);
                }
            }
        });
        assertThat(inconsistent).as("wholes whose published parts do not add up, %s", filter).isEmpty();
    }

    /** A published area whose parts (at any finer level) are all published but one gives that one away. */
    @ParameterizedTest
    @MethodSource("filters")
    void noSuppressedCountIsTheOnlyUnknownPartOfAPublishedArea(Filter filter) {
        List<String> recoverable = new ArrayList<>();
        eachPublishedWhole(published(filter), whole -> {
            if (whole.parts().stream().filter(Cell::suppressed).count() == 1) {
                recoverable.add(whole.name() + " minus its other parts gives the suppressed one");
            }
        });
        assertThat(recoverable).as("%s", filter).isEmpty();
    }

    /**
     * The disclosure package's exact linear audit: no suppressed cell is a linear combination of published
     * ones (and the partnership total). Skipped when that test utility is not on the class path.
     */
    @ParameterizedTest
    @MethodSource("filters")
    @Disabled("finding: secondary suppression misses chains across three levels. Burglary, 2022-03: ward E05000924 "
            + "(published 8) minus MSOA E02001422 (published 6) minus LSOAs E01006819, E01006821, E01006871, E01006874 "
            + "(published 0 each) = LSOA E01006820, suppressed, true count 2. DisclosureControl.check counts a non-empty "
            + "remainder as unknown even when a third level publishes it (here LSOA E01006874 = 0); see the report")
    void noSuppressedCountFollowsFromThePublishedOnes(Filter filter) {
        var found = LinearAudit.ifPresent(crime, filter, published(filter));
        Assumptions.assumeTrue(found.isPresent(), "org.patchwork.disclosure.LinearDisclosureAudit is not available");
        assertThat(found.get()).as("suppressed cells the published cells determine, %s", filter).isEmpty();
    }

    /**
     * Subtracting two month ranges that differ by one month gives that month's count for an LSOA: when
     * both ranges are published, the single month is known, however small.
     */
    @Test
    @Disabled("finding: month ranges can be subtracted. Counts for category=Burglary from=2022-01..to=2022-11 minus "
            + "from=2022-02..to=2022-11 give each LSOA's January count, hundreds of them 1-4 (suppressed when asked "
            + "directly). EventCounts protects each request on its own; overlapping filters need to be protected together "
            + "(e.g. only fixed periods, or suppression on the monthly table that every range is built from)")
    void monthRangesCannotBeSubtractedToRevealASmallMonth() {
        Filter filter = new Filter("Burglary", null, null);
        Map<Integer, Map<String, Cell>> fromMonth = new TreeMap<>();
        for (int month = 1; month <= 11; month++) {
            Filter range = new Filter(filter.category(), "2022-%02d".formatted(month), "2022-11");
            fromMonth.put(month, PublishedCounts.fromApi(analyst.getJson(counts("lsoa", range)), "areas"));
        }
        List<String> revealed = new ArrayList<>();
        for (int month = 1; month < 11; month++) {
            Map<String, Cell> longer = fromMonth.get(month);
            Map<String, Cell> shorter = fromMonth.get(month + 1);
            for (String lsoa : longer.keySet()) {
                Cell a = longer.get(lsoa);
                Cell b = shorter.get(lsoa);
                if (!a.suppressed() && !b.suppressed() && a.count() - b.count() >= 1 && a.count() - b.count() <= 4) {
                    revealed.add(lsoa + " 2022-%02d: %d".formatted(month, a.count() - b.count()));
                }
            }
        }
        assertThat(revealed).as("single-month LSOA counts from 1 to 4 given away by subtracting ranges").isEmpty();
    }

    /** "Outside the loaded areas" is suppressed when small, but the category total minus the districts gives it. */
    @Test
    @Disabled("finding: the 'outside' count is suppressed on its own (EventCounts.single) but is the category total "
            + "(/categories) minus the sum of the published district counts; e.g. Robbery: 1132 - 1131 = 1. It needs to "
            + "take part in secondary suppression with the district table (or be folded into it)")
    void theOutsideCountCannotBeWorkedOutFromTheTotals() {
        Map<String, Cell> totals = PublishedCounts.fromApi(analyst.getJson("/api/datasets/" + crime.datasetId + "/categories"), "categories");
        List<String> revealed = new ArrayList<>();
        totals.forEach((category, total) -> {
            var body = analyst.getJson(counts("district", new Filter(category, null, null)));
            Cell outside = PublishedCounts.cell(body.path("outside"));
            Map<String, Cell> districts = PublishedCounts.fromApi(body, "areas");
            if (outside.suppressed() && !total.suppressed() && districts.values().stream().noneMatch(Cell::suppressed)) {
                revealed.add(category + ": outside = " + (total.count() - districts.values().stream().mapToLong(Cell::count).sum()));
            }
        });
        assertThat(revealed).isEmpty();
    }

    /** The four levels as the analyst gets them, fetched once per filter. */
    private Map<String, Map<String, Cell>> published(Filter filter) {
        return published.computeIfAbsent(filter, f -> {
            Map<String, Map<String, Cell>> levels = new LinkedHashMap<>();
            CrimeData.LEVELS.forEach(level -> levels.put(level, PublishedCounts.fromApi(analyst.getJson(counts(level, f)), "areas")));
            return levels;
        });
    }

    /** A published area and its parts at one finer level. */
    record Whole(String name, long count, List<Cell> parts) {
    }

    /**
     * Every published area of MSOA, ward or district with its parts at each finer level, where those
     * parts lie wholly inside it and cover it exactly (the whole is then the sum of the parts).
     */
    private void eachPublishedWhole(Map<String, Map<String, Cell>> published, Consumer<Whole> check) {
        for (String container : List.of("msoa", "ward", "district")) {
            for (String part : CrimeData.LEVELS.subList(0, CrimeData.LEVELS.indexOf(container))) {
                partsCovering(container, part).forEach((area, parts) -> {
                    Cell whole = published.get(container).get(area);
                    if (!whole.suppressed()) {
                        check.accept(new Whole(container + " " + area + " (" + whole.count() + ", parts by " + part + ")",
                                whole.count(), parts.stream().map(published.get(part)::get).toList()));
                    }
                });
            }
        }
    }

    /** For each area of the container level, the areas of the part level inside it, when they cover it exactly. */
    private Map<String, List<String>> partsCovering(String container, String part) {
        return covering.computeIfAbsent(container + "/" + part, key -> findPartsCovering(container, part));
    }

    private Map<String, List<String>> findPartsCovering(String container, String part) {
        Map<String, Set<String>> containersOfPart = new TreeMap<>();
        crime.lsoas.forEach(l -> containersOfPart.computeIfAbsent(l.in(part), p -> new TreeSet<>()).add(l.in(container)));
        Map<String, List<String>> inside = new TreeMap<>();
        containersOfPart.forEach((p, where) -> {
            if (where.size() == 1) {
                inside.computeIfAbsent(where.iterator().next(), c -> new ArrayList<>()).add(p);
            }
        });
        inside.entrySet().removeIf(e -> !e.getValue().stream().map(p -> crime.lsoasOf(part, p)).flatMap(Set::stream)
                .collect(Collectors.toSet()).equals(crime.lsoasOf(container, e.getKey())));
        return inside;
    }

    private String counts(String level, Filter filter) {
        return "/api/datasets/" + crime.datasetId + "/counts?level=" + level + filter.query();
    }
}
