package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The planted small count: an LSOA, category and month of the real data with exactly 3 crimes, in an MSOA
 * and a ward that also have exactly 3 (found by SQL, see {@link CrimeData#plantedCell}). A person with
 * record access sees the 3; for everyone else it must not show through any output path, directly, as a
 * custom area that would give it away by subtraction, or as a wider table (two months, all crime types)
 * that it could be subtracted from.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedCountIT {

    /** One way of asking about the planted cell; returns what it gives away (empty: nothing). */
    record Probe(String name, Function<ApiClient, Optional<String>> givesAway) {
    }

    private static final Pattern HTML_ROW = Pattern.compile("<tr><td>([^<]*)</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CrimeData crime;
    CrimeData.PlantedCell planted;
    Partnership partnership;

    @BeforeAll
    void plant() {
        crime = new CrimeData(jdbc);
        planted = crime.plantedCell();
        partnership = new Partnership(new AdminApi(port), crime.datasetId, jdbc.sql("select current_date").query(LocalDate.class).single(), jdbc);
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
            for (Probe probe : probes()) {
                tests.add(DynamicTest.dynamicTest(person.name() + " (" + person.level() + ") · " + probe.name(), () ->
                        assertThat(probe.givesAway().apply(person.client(port))).as(probe.name()).isEmpty()));
            }
        }
        return tests.stream();
    }

    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String level : List.of("lsoa", "msoa", "ward")) {
            String code = area(level);
            probes.add(new Probe("GET counts by " + level, client -> jsonCell(client.get(counts(level)), "areas", "code", code)));
            probes.add(new Probe("GET OGC count items by " + level, client -> jsonCell(client.get(ogcCounts(level, "json")), "features", "id", code)));
            probes.add(new Probe("GET OGC count items by " + level + " as HTML", client -> {
                Reply reply = client.get(ogcCounts(level, "html"));
                return reply.status() == 200 ? Optional.ofNullable(htmlCell(reply.body(), code)).filter(c -> !c.equals("null")) : refused(reply);
            }));
            probes.add(new Probe("GET OGC count item " + code + " by " + level, client ->
                    refused(client.get("/ogc/collections/" + CrimeData.SLUG + "-by-" + level + "/items/" + code))));
        }
        Set<String> msoa = crime.lsoasOf("msoa", planted.msoa());
        Set<String> districtWithout = new TreeSet<>(crime.lsoasOf("district", planted.district()));
        districtWithout.remove(planted.lsoa());
        Set<String> twoMsoas = new TreeSet<>(msoa);
        String neighbour = crime.areas("msoa").keySet().stream().filter(m -> !m.equals(planted.msoa())
                && crime.lsoasOf("msoa", m).stream().anyMatch(districtWithout::contains)).findFirst().orElseThrow();
        twoMsoas.addAll(crime.lsoasOf("msoa", neighbour));
        probes.add(customProbe("the LSOA alone", Set.of(planted.lsoa())));
        probes.add(customProbe("the LSOAs of its MSOA", msoa));
        probes.add(customProbe("the LSOAs of its ward", crime.lsoasOf("ward", planted.ward())));
        probes.add(customProbe("its district without it (district minus custom = 3)", districtWithout));
        probes.add(customProbe("its MSOA with the neighbouring MSOA " + neighbour + " (custom minus neighbour = 3)", twoMsoas));
        CrimeData.Filter twoMonths = planted.month().equals("2022-11") ? new CrimeData.Filter(planted.category(), "2022-10", "2022-11")
                : new CrimeData.Filter(planted.category(), planted.month(), "2022-11");
        CrimeData.Filter allTypes = new CrimeData.Filter(null, planted.month(), planted.month());
        for (CrimeData.Filter wider : List.of(twoMonths, allTypes)) {
            String what = wider.category() == null ? "all crime types in its month" : "its crime type over " + wider.from() + ".." + wider.to();
            probes.add(new Probe("GET counts by lsoa of " + what, client -> jsonCell(client.get(counts("lsoa", wider)),
                    "areas", "code", planted.lsoa())));
            probes.add(new Probe("GET OGC count items by lsoa of " + what, client -> jsonCell(client.get("/ogc/collections/"
                    + CrimeData.SLUG + "-by-lsoa/items?f=json" + wider.query()), "features", "id", planted.lsoa())));
            probes.add(new Probe("POST custom area: the LSOA alone, " + what, client -> {
                Reply reply = client.post(custom(), wider.customBody(Set.of(planted.lsoa())));
                return reply.status() == 200 ? Optional.of("custom count " + reply.json().path("area").path("count")) : refused(reply);
            }));
        }
        probes.add(new Probe("GET category totals (margins to subtract from)", client -> {
            Reply reply = client.get("/api/datasets/" + crime.datasetId + "/categories");
            return reply.status() != 200 ? refused(reply) : reply.json().path("categories").valueStream()
                    .filter(c -> c.path("count").isNumber()).findFirst().map(c -> "total " + c);
        }));
        probes.add(new Probe("GET its points", client -> shownPoints(client.get(points("json")))));
        probes.add(new Probe("GET its points as HTML", client -> shownPoints(client.get(points("html")))));
        long event = crime.eventIds(planted.lsoa(), planted.category(), planted.month()).get(0);
        probes.add(new Probe("GET one of its points", client -> shownPoints(client.get("/ogc/collections/" + CrimeData.SLUG + "/items/" + event))));
        return probes;
    }

    private Probe customProbe(String name, Set<String> lsoas) {
        return new Probe("POST custom area: " + name, client -> {
            Reply reply = client.post(custom(), planted.filter().customBody(lsoas));
            if (reply.status() != 200) {
                return refused(reply);
            }
            JsonNode area = reply.json().path("area");
            return area.path("suppressed").asBoolean() ? Optional.empty() : Optional.of("custom count " + area.path("count"));
        });
    }

    private static Optional<String> jsonCell(Reply reply, String array, String key, String code) {
        if (reply.status() != 200) {
            return refused(reply);
        }
        JsonNode cell = cell(reply.json().path(array), key, code);
        JsonNode values = cell.has("properties") ? cell.path("properties") : cell;
        return values.path("count").isNumber() || !values.path("suppressed").asBoolean()
                ? Optional.of("count " + values.path("count")) : Optional.empty();
    }

    private static Optional<String> shownPoints(Reply reply) {
        return reply.status() == 200 ? Optional.of("record-level data: " + reply) : refused(reply);
    }

    /** A refusal gives nothing away: 403, 404, or 400 for a table wider than one slice; anything else fails the probe. */
    private static Optional<String> refused(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isIn(400, 403, 404);
        assertThat(reply.isProblem()).isTrue();
        if (reply.status() == 400) {
            assertThat(reply.json().path("type").asString()).as("%s", reply).isEqualTo("/problems/single-slice-required");
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
        return "/ogc/collections/" + CrimeData.SLUG + "-by-" + level + "/items?f=" + format + planted.filter().query();
    }

    private String custom() {
        return "/api/datasets/" + crime.datasetId + "/counts/custom";
    }

    private String points(String format) {
        return "/ogc/collections/" + CrimeData.SLUG + "/items?f=" + format + "&lsoa_code=" + planted.lsoa()
                + "&category=" + ApiClient.encode(planted.category()) + "&month=" + planted.month();
    }
}
