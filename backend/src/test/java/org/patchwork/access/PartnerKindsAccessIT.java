package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.patchwork.access.Partnership.Level;
import org.patchwork.access.Partnership.Person;
import org.patchwork.access.PublishedCounts.Rule;
import org.patchwork.uploads.UploadClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix for the other kinds of partner dataset: Merseyside Police uploads statistics by LSOA
 * (the real Census 2011 count of unemployed full-time students, with 88 LSOAs between 1 and 4) and
 * polygons (the Liverpool MSOAs), and gives each the agreements of {@link Partnership}. Every person then
 * reads each output path of the two datasets, and gets what their level promises: statistics exact,
 * perturbed (cell-key method, key from a keyed hash of the cell), refused for a geography their agreement
 * does not reach, perturbed with the public ptable and rounded (public), refused (metadata only) or
 * hidden; polygons only at record level.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerKindsAccessIT {

    static final String MEASURE = "Qualifications: Full-time students: Age 18 to 74: Economically active: Unemployed; measures: Value";

    enum Outcome { EXACT, PERTURBED, ROUNDED, OK, LISTED, ABSENT, GEOGRAPHY, DENIED, HIDDEN }

    /** A path ({id}, {slug} and {measure} filled in) and its outcome for RECORD, AGGREGATE, AGGREGATE_MSOA, PUBLIC, METADATA, NONE. */
    record Row(String path, Outcome... byLevel) {
        Outcome outcome(Level level) {
            return byLevel[level.ordinal()];
        }
    }

    static final List<Row> STATISTICS = List.of(
        new Row("/api/datasets/{id}/statistics?measure={measure}", Outcome.EXACT, Outcome.PERTURBED, Outcome.GEOGRAPHY, Outcome.ROUNDED,
                Outcome.DENIED, Outcome.HIDDEN),
        new Row("/ogc/collections/{slug}/items?measure={measure}", Outcome.EXACT, Outcome.PERTURBED, Outcome.GEOGRAPHY, Outcome.ROUNDED,
                Outcome.DENIED, Outcome.HIDDEN),
        new Row("/ogc/collections/{slug}", Outcome.OK, Outcome.OK, Outcome.GEOGRAPHY, Outcome.OK, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/ogc/collections", Outcome.LISTED, Outcome.LISTED, Outcome.ABSENT, Outcome.LISTED, Outcome.ABSENT, Outcome.ABSENT));

    static final List<Row> POLYGONS = List.of(
        new Row("/ogc/collections/{slug}/items", Outcome.OK, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/ogc/collections/{slug}", Outcome.OK, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/ogc/collections", Outcome.LISTED, Outcome.ABSENT, Outcome.ABSENT, Outcome.ABSENT, Outcome.ABSENT, Outcome.ABSENT));

    /** One uploaded dataset with the partnership around it. */
    record Shared(long id, String slug, Partnership partnership) {
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.patchwork.disclosure.DisclosureProperties disclosure;

    Shared statistics;
    Shared polygons;
    final Map<String, Long> truth = new HashMap<>();

    @BeforeAll
    void uploadAndShare() {
        UploadClient police = UploadClient.ofPartner(port, CrimeData.OWNER);
        Path census = SharedDataDirectory.locate().resolve("education/liverpool_census2011_KS501EW_lsoa11.csv");
        statistics = share(police, police.load(census, Map.of("title", "Students unemployed (access IT)", "theme", "education",
                "mapping", Map.of("kind", "area-statistics", "areaCode", "lsoa11cd", "areaLevel", "lsoa", "period", "date",
                        "measures", List.of(MEASURE), "counts", List.of(MEASURE)))));
        polygons = share(police, police.load(SharedDataDirectory.locate().resolve("boundaries/liverpool/liverpool_msoa11_life_expectancy.gpkg"),
                Map.of("title", "Liverpool MSOAs (access IT)", "theme", "health")));
        try (var in = java.nio.file.Files.newBufferedReader(census)) {
            for (var record : org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                truth.put(record.get("lsoa11cd"), Long.parseLong(record.get(MEASURE)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(truth.values().stream().filter(v -> v >= 1 && v <= 4).count()).as("small counts in the real file").isEqualTo(88);
    }

    private Shared share(UploadClient owner, JsonNode job) {
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        long id = job.path("result").path("datasetId").asLong();
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        return new Shared(id, owner.dataset(id).path("slug").asString(), new Partnership(new AdminApi(port), id, today, jdbc));
    }

    @AfterAll
    void withdrawTheAgreements() {
        statistics.partnership().withdrawAgreements();
        polygons.partnership().withdrawAgreements();
    }

    @TestFactory
    Stream<DynamicTest> everyPersonThroughEveryOutputPathOfStatisticsAndPolygons() {
        List<DynamicTest> tests = new ArrayList<>();
        for (var entry : Map.of("statistics", STATISTICS, "polygons", POLYGONS).entrySet()) {
            Shared dataset = entry.getKey().equals("statistics") ? statistics : polygons;
            for (Row row : entry.getValue()) {
                for (Person person : dataset.partnership().people.values()) {
                    Outcome expected = row.outcome(person.level());
                    String target = row.path().replace("{id}", String.valueOf(dataset.id())).replace("{slug}", dataset.slug())
                            .replace("{measure}", java.net.URLEncoder.encode(MEASURE, java.nio.charset.StandardCharsets.UTF_8));
                    tests.add(DynamicTest.dynamicTest(entry.getKey() + " · " + person.name() + " (" + person.level() + ") · " + row.path()
                            + " → " + expected, () -> check(person, dataset, target, expected)));
                }
            }
        }
        return tests.stream();
    }

    private void check(Person person, Shared dataset, String target, Outcome expected) {
        ApiClient client = person.client(port);
        Reply reply = client.get(target);
        String what = person.name() + " GET " + target;
        switch (expected) {
            case EXACT -> assertValues(what, client.json(200, reply), target, Rule.NONE);
            case PERTURBED -> assertValues(what, client.json(200, reply), target, Rule.aggregate(disclosure));
            case ROUNDED -> assertValues(what, client.json(200, reply), target, Rule.publicLevel(disclosure));
            case OK -> assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(200);
            case LISTED, ABSENT -> {
                List<String> ids = client.json(200, reply).path("collections").valueStream().map(c -> c.path("id").asString()).toList();
                if (expected == Outcome.LISTED) {
                    assertThat(ids).as(what).contains(dataset.slug());
                } else {
                    assertThat(ids).as(what).doesNotContain(dataset.slug());
                }
            }
            case GEOGRAPHY, DENIED -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(403);
                assertThat(reply.json().path("type").asString()).as(what)
                        .isEqualTo(expected == Outcome.DENIED ? "/problems/access-denied" : "/problems/geography-not-allowed");
            }
            case HIDDEN -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(404);
                assertThat(reply.isProblem()).as(what).isTrue();
                assertThat(reply.body()).as(what).doesNotContain("access IT", CrimeData.OWNER);
            }
        }
    }

    /**
     * Every LSOA's value as the protection publishes the true count: exact, or perturbed within the
     * method's bounds (zeros zero, no small positive count, rounded as the rule says); never suppressed.
     */
    private void assertValues(String what, JsonNode body, String target, Rule rule) {
        Map<String, String> served = new HashMap<>();
        if (target.startsWith("/ogc/")) {
            body.path("features").forEach(f -> served.put(f.path("properties").path("code").asString(), text(f.path("properties"))));
        } else {
            body.path("values").forEach(v -> served.put(v.path("code").asString(), text(v)));
        }
        assertThat(served.keySet()).as(what).isEqualTo(truth.keySet());
        List<String> wrong = new ArrayList<>();
        served.forEach((code, text) -> {
            String why = text.equals("suppressed") ? "is suppressed" : rule.wrong(Long.parseLong(text), truth.get(code));
            if (why != null) {
                wrong.add(code + " " + why);
            }
        });
        assertThat(wrong).as(what).isEmpty();
    }

    private static String text(JsonNode value) {
        return value.path("suppressed").asBoolean() ? "suppressed" : String.valueOf(Math.round(value.path("value").asDouble()));
    }
}
