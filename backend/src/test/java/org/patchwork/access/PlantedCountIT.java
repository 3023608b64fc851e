package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.access.Partnership.Level;
import org.patchwork.access.Partnership.Person;
import org.patchwork.access.PublishedCounts.Rule;
import org.patchwork.disclosure.DisclosureProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The planted small count: an LSOA, category and month of the real data with exactly 3 crimes, in an MSOA
 * and a ward that also have exactly 3 (found by SQL, see {@link CrimeData#plantedCell}). A person with
 * record access sees the 3; for everyone else it must never be published as 3 on any output path (the
 * cell-key method publishes no positive count at or below its threshold), the same cell must get the same
 * number on every path and phrasing (a custom area of the LSOA, of the MSOA's or the ward's LSOAs is the
 * same events, so the same key and the same noise), a custom area that would single it out by subtraction
 * is refused, and every number a wider table (the year, all crime types) publishes is within the method's
 * bounds of its true count.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedCountIT {

    /** One way of asking about the planted cell; returns what it gives away (empty: nothing), given the person's protection (null: none may be shown). */
    record Probe(String name, java.util.function.BiFunction<ApiClient, Rule, Optional<String>> givesAway) {
    }

    private static final Pattern HTML_ROW = Pattern.compile("<tr><td>([^<]*)</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureProperties disclosure;

    CrimeData crime;
    CrimeData.PlantedCell planted;
    Partnership partnership;

    @BeforeAll
    void plant() {
        crime = crimeData();
        planted = crime.plantedCell();
        partnership = new Partnership(new AdminApi(port), crime.datasetId, jdbc.sql("select current_date").query(LocalDate.class).single(), jdbc,
                crime.owner);
    }

    /** The governed data: Merseyside Police's, in the shared test database (SecondAreaPlantedCountIT: another area's). */
    CrimeData crimeData() {
        return new CrimeData(jdbc);
    }

    @AfterAll
    void withdrawTheAgreements() {
        partnership.withdrawAgreements();
    }

    @Test
    void aPersonWithRecordAccessSeesTheThreeEverywhere() {
        ApiClient police = partnership.person("police analyst").client(port);
        for (String level : List.of("lsoa", "msoa", "ward")) {
            String code = area(level);
            assertThat(cell(police.getJson(counts(level)).path("areas"), "code", code).path("count").asLong()).as(level).isEqualTo(3);
            assertThat(cell(police.getJson(ogcCounts(level, "json")).path("features"), "id", code).path("properties").path("count").asLong())
                    .as("OGC " + level).isEqualTo(3);
            assertThat(htmlCell(police.get(ogcCounts(level, "html")).body(), code)).as("HTML " + level).isEqualTo("3");
        }
        assertThat(police.postJson(custom(), planted.filter().customBody(Set.of(planted.lsoa()))).path("area").path("count").asLong())
                .isEqualTo(3);
        JsonNode points = police.getJson(points("json"));
        assertThat(points.path("numberMatched").asLong()).isEqualTo(3);
        assertThat(points.path("features").valueStream().map(f -> f.path("properties").path("lsoa_code").asString()))
                .hasSize(3).containsOnly(planted.lsoa());
    }

    @TestFactory
    Stream<DynamicTest> nobodyWithoutRecordAccessSeesTheThree() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Person person : partnership.people.values()) {
            if (person.level() == Level.RECORD) {
                continue;
            }
            Rule rule = switch (person.level()) {
                case AGGREGATE, AGGREGATE_MSOA -> Rule.aggregate(disclosure);
                case PUBLIC -> Rule.publicLevel(disclosure);
                default -> null;
            };
            for (Probe probe : probes()) {
                tests.add(DynamicTest.dynamicTest(person.name() + " (" + person.level() + ") · " + probe.name(), () ->
                        assertThat(probe.givesAway().apply(person.client(port), rule)).as(probe.name()).isEmpty()));
            }
        }
        return tests.stream();
    }

    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String level : List.of("lsoa", "msoa", "ward")) {
            String code = area(level);
            probes.add(new Probe("GET counts by " + level, (client, rule) -> plantedCell(client, rule, level,
                    jsonCell(client.get(counts(level)), "areas", "code", code))));
            probes.add(new Probe("GET OGC count items by " + level, (client, rule) -> plantedCell(client, rule, level,
                    jsonCell(client.get(ogcCounts(level, "json")), "features", "id", code))));
            probes.add(new Probe("GET OGC count items by " + level + " as HTML", (client, rule) -> {
                Reply reply = client.get(ogcCounts(level, "html"));
                return plantedCell(client, rule, level, reply.status() == 200 ? Published.of(htmlCell(reply.body(), code)) : Published.refused(reply));
            }));
            probes.add(new Probe("GET OGC count item " + code + " by " + level, (client, rule) -> plantedCell(client, rule, level,
                    featureCell(client.get("/ogc/collections/" + crime.slug + "-by-" + level + "/items/" + code + "?f=json"
                            + planted.filter().query())))));
        }
        Set<String> msoa = crime.lsoasOf("msoa", planted.msoa());
        Set<String> districtWithout = new TreeSet<>(crime.lsoasOf("district", planted.district()));
        districtWithout.remove(planted.lsoa());
        Set<String> twoMsoas = new TreeSet<>(msoa);
        String neighbour = crime.areas("msoa").keySet().stream().filter(m -> !m.equals(planted.msoa())
                && crime.lsoasOf("msoa", m).stream().anyMatch(districtWithout::contains)).findFirst().orElseThrow();
        twoMsoas.addAll(crime.lsoasOf("msoa", neighbour));
        probes.add(customProbe("the LSOA alone (its LSOA's own count)", Set.of(planted.lsoa()), "lsoa"));
        probes.add(customProbe("the LSOAs of its MSOA (the MSOA's own count)", msoa, "msoa"));
        probes.add(customProbe("the LSOAs of its ward (the ward's own count)", crime.lsoasOf("ward", planted.ward()), "ward"));
        probes.add(new Probe("POST custom area: its district without it (district minus custom = 3): refused", (client, rule) -> {
            Reply reply = client.post(custom(), planted.filter().customBody(districtWithout));
            if (reply.status() == 200) {
                return Optional.of("counted a custom area one LSOA short of a district: " + reply.json().path("area"));
            }
            return refused(reply);
        }));
        probes.add(new Probe("POST custom area: its MSOA with the neighbouring MSOA " + neighbour + ": within bounds, perturbed from its own events",
                (client, rule) -> {
                    Reply reply = client.post(custom(), planted.filter().customBody(twoMsoas));
                    if (reply.status() != 200) {
                        return refused(reply);
                    }
                    long truth = crime.counts("lsoa", planted.filter()).entrySet().stream().filter(e -> twoMsoas.contains(e.getKey()))
                            .mapToLong(java.util.Map.Entry::getValue).sum();
                    return numbers(rule, java.util.Map.of("custom", reply.json().path("area").path("count").asLong()), java.util.Map.of("custom", truth));
                }));
        CrimeData.Filter year = new CrimeData.Filter(planted.category(), "2022-01", "2022-12");
        CrimeData.Filter allTypes = new CrimeData.Filter(null, planted.month(), planted.month());
        for (CrimeData.Filter wider : List.of(year, allTypes)) {
            String what = wider.category() == null ? "all crime types in its month" : "its crime type over 2022";
            probes.add(new Probe("GET counts by lsoa of " + what, (client, rule) -> {
                Reply reply = client.get(counts("lsoa", wider));
                return reply.status() != 200 ? refused(reply) : numbers(rule, values(PublishedCounts.fromApi(reply.json(), "areas")),
                        crime.counts("lsoa", wider));
            }));
            probes.add(new Probe("GET OGC count items by lsoa of " + what, (client, rule) -> {
                Reply reply = client.get("/ogc/collections/" + crime.slug + "-by-lsoa/items?f=json&limit=10000" + wider.query());
                return reply.status() != 200 ? refused(reply) : numbers(rule, values(PublishedCounts.fromOgc(reply.json())),
                        crime.counts("lsoa", wider));
            }));
        }
        CrimeData.Filter eleven = new CrimeData.Filter(planted.category(), "2022-01", "2022-11");
        probes.add(new Probe("GET counts by lsoa of its crime type over 2022-01..11 (not a month, quarter or year): refused",
                (client, rule) -> {
                    Reply reply = client.get(counts("lsoa", eleven));
                    return reply.status() == 200 ? Optional.of("counted months that overlap a year: " + reply.status()) : refused(reply);
                }));
        probes.add(new Probe("GET category totals: within bounds", (client, rule) -> {
            Reply reply = client.get("/api/datasets/" + crime.datasetId + "/categories");
            return reply.status() != 200 ? refused(reply) : numbers(rule, values(PublishedCounts.fromApi(reply.json(), "categories")),
                    crime.categoryTotals());
        }));
        probes.add(new Probe("GET its points", (client, rule) -> shownPoints(client.get(points("json")))));
        probes.add(new Probe("GET its points as HTML", (client, rule) -> shownPoints(client.get(points("html")))));
        long event = crime.eventIds(planted.lsoa(), planted.category(), planted.month()).get(0);
        probes.add(new Probe("GET one of its points", (client, rule) -> shownPoints(client.get("/ogc/collections/" + crime.slug + "/items/" + event))));
        return probes;
    }

    /** What a path gave for the planted cell: a number, or a proper refusal (checked when made). */
    private record Published(Long count, boolean refused) {
        static Published of(String text) {
            return new Published(text == null || text.equals("null") || text.isEmpty() ? null : Long.parseLong(text), false);
        }

        static Published refused(Reply reply) {
            PlantedCountIT.refused(reply);
            return new Published(null, true);
        }
    }

    /**
     * The planted cell (true count 3) at {@code level}: refused, or a number that is not 3, obeys the
     * person's protection and is the same as the counts API publishes for it (one cell, one noise).
     */
    private Optional<String> plantedCell(ApiClient client, Rule rule, String level, Published published) {
        if (published.refused()) {
            return Optional.empty();
        }
        if (rule == null) {
            return Optional.of("a count for someone without aggregate access: " + published.count());
        }
        if (published.count() == null) {
            return Optional.of("no number and no refusal");
        }
        if (published.count() == 3) {
            return Optional.of("the true small count 3");
        }
        String wrong = rule.wrong(published.count(), 3);
        if (wrong != null) {
            return Optional.of(wrong);
        }
        Long api = PublishedCounts.fromApi(client.getJson(counts(level)), "areas").get(area(level)).count();
        return api.equals(published.count()) ? Optional.empty() : Optional.of(published.count() + " here but " + api + " from the counts API");
    }

    private Probe customProbe(String name, Set<String> lsoas, String level) {
        return new Probe("POST custom area: " + name, (client, rule) -> {
            Reply reply = client.post(custom(), planted.filter().customBody(lsoas));
            if (reply.status() != 200) {
                return refused(reply);
            }
            Reply standard = client.get(counts(level));
            if (standard.status() != 200) {
                // a level below the agreement's smallest: the custom area is then counted from its own events like any other
                JsonNode area = reply.json().path("area");
                return rule == null ? Optional.of("custom count " + area) : area.path("count").asLong() == 3
                        ? Optional.of("the true small count 3") : Optional.ofNullable(rule.wrong(area.path("count").asLong(), 3));
            }
            return plantedCell(client, rule, level, new Published(reply.json().path("area").path("count").asLong(), false));
        });
    }

    /** Every number within the person's protection of its true count (none at all for someone without aggregate access). */
    private static Optional<String> numbers(Rule rule, java.util.Map<String, Long> published, java.util.Map<String, Long> truth) {
        if (rule == null) {
            return published.isEmpty() ? Optional.empty() : Optional.of(published.size() + " counts for someone without aggregate access");
        }
        List<String> wrong = new ArrayList<>();
        published.forEach((code, count) -> {
            String why = count == null ? "no number" : rule.wrong(count, truth.getOrDefault(code, 0L));
            if (why != null) {
                wrong.add(code + " " + why);
            }
        });
        return wrong.isEmpty() ? Optional.empty() : Optional.of(wrong.size() + " wrong, e.g. " + wrong.get(0));
    }

    private static java.util.Map<String, Long> values(java.util.Map<String, PublishedCounts.Cell> cells) {
        java.util.Map<String, Long> values = new java.util.TreeMap<>();
        cells.forEach((code, cell) -> values.put(code, cell.count()));
        return values;
    }

    private static Published jsonCell(Reply reply, String array, String key, String code) {
        if (reply.status() != 200) {
            return Published.refused(reply);
        }
        JsonNode cell = cell(reply.json().path(array), key, code);
        JsonNode values = cell.has("properties") ? cell.path("properties") : cell;
        return new Published(values.path("count").isNumber() ? values.path("count").asLong() : null, false);
    }

    /** The count of one OGC feature, or its refusal. */
    private static Published featureCell(Reply reply) {
        if (reply.status() != 200) {
            return Published.refused(reply);
        }
        JsonNode values = reply.json().path("properties");
        return new Published(values.path("count").isNumber() ? values.path("count").asLong() : null, false);
    }

    private static Optional<String> shownPoints(Reply reply) {
        return reply.status() == 200 ? Optional.of("record-level data: " + reply) : refused(reply);
    }

    /** A refusal gives nothing away: 403, 404, 429, or 400 for months or a custom area the rules do not release; anything else fails the probe. */
    private static Optional<String> refused(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isIn(400, 403, 404, 429);
        assertThat(reply.isProblem()).isTrue();
        if (reply.status() == 400) {
            assertThat(reply.json().path("type").asString()).as("%s", reply).isIn("/problems/period-not-allowed", "/problems/custom-area-refused");
        }
        return Optional.empty();
    }

    private static JsonNode cell(JsonNode cells, String key, String code) {
        return cells.valueStream().filter(c -> c.path(key).asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among the published areas"));
    }

    /** The count column of the area's row in an OGC HTML page, or null when the row says it is suppressed. */
    private static String htmlCell(String html, String code) {
        Matcher row = HTML_ROW.matcher(html);
        while (row.find()) {
            if (row.group(1).equals(code)) {
                return row.group(3).equals("true") ? "null" : row.group(2);
            }
        }
        throw new AssertionError("no row for " + code);
    }

    private String area(String level) {
        return switch (level) {
            case "lsoa" -> planted.lsoa();
            case "msoa" -> planted.msoa();
            default -> planted.ward();
        };
    }

    private String counts(String level) {
        return counts(level, planted.filter());
    }

    private String counts(String level, CrimeData.Filter filter) {
        return "/api/datasets/" + crime.datasetId + "/counts?level=" + level + filter.query();
    }

    private String ogcCounts(String level, String format) {
        return "/ogc/collections/" + crime.slug + "-by-" + level + "/items?f=" + format + planted.filter().query();
    }

    private String custom() {
        return "/api/datasets/" + crime.datasetId + "/counts/custom";
    }

    private String points(String format) {
        return "/ogc/collections/" + crime.slug + "/items?f=" + format + "&lsoa_code=" + planted.lsoa()
                + "&category=" + ApiClient.encode(planted.category()) + "&month=" + planted.month();
    }
}
