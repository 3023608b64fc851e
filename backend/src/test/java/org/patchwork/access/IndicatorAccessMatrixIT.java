package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.patchwork.access.Partnership.Level;
import org.patchwork.access.Partnership.Person;
import org.patchwork.access.PublishedCounts.Rule;
import org.patchwork.disclosure.DisclosureProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix for indicators: an indicator on the governed crime data (the planted cell's category and month,
 * counted by LSOA) through every path it has (the API's values, series and profiles, its OGC API Features collection
 * and its vector tiles) for every person of {@link Partnership}. Numerators are within the person's protection of the
 * true counts (SQL, {@link CrimeData}), and equal to what the counts API gives the same person for the same cells:
 * one access decision, one published number per cell, whatever the path.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorAccessMatrixIT {

    enum Outcome { LISTED, ABSENT, OK, COUNTS, SERIES, PROFILE, TILE, GEOGRAPHY, DENIED, HIDDEN }

    record Row(String path, Outcome... byLevel) {
        Outcome outcome(Level level) {
            return byLevel[level.ordinal()];
        }
    }

    static final List<Row> ROWS = List.of(
        //     output path                                          RECORD    AGGREGATE AGGR.MSOA  PUBLIC    METADATA  NONE
        new Row("/api/indicators",                                  Outcome.LISTED, Outcome.LISTED, Outcome.LISTED, Outcome.LISTED, Outcome.ABSENT, Outcome.ABSENT),
        new Row("/api/indicators/{ind}",                            Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/api/indicators/{ind}/values?level=lsoa",          Outcome.COUNTS, Outcome.COUNTS, Outcome.GEOGRAPHY, Outcome.COUNTS, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/api/indicators/{ind}/values?level=msoa",          Outcome.COUNTS, Outcome.COUNTS, Outcome.COUNTS, Outcome.COUNTS, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/api/indicators/{ind}/values?level=district",      Outcome.COUNTS, Outcome.COUNTS, Outcome.COUNTS, Outcome.COUNTS, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/api/indicators/{ind}/series?area={lsoa}",         Outcome.SERIES, Outcome.SERIES, Outcome.GEOGRAPHY, Outcome.SERIES, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/api/indicators/{ind}/series?area={msoa}",         Outcome.SERIES, Outcome.SERIES, Outcome.SERIES, Outcome.SERIES, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/api/areas/{lsoa}/profile",                        Outcome.PROFILE, Outcome.PROFILE, Outcome.PROFILE, Outcome.PROFILE, Outcome.PROFILE, Outcome.PROFILE),
        new Row("/ogc/collections/indicator-{ind}",                 Outcome.OK, Outcome.OK, Outcome.GEOGRAPHY, Outcome.OK, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/ogc/collections/indicator-{ind}/items?limit=10000", Outcome.COUNTS, Outcome.COUNTS, Outcome.GEOGRAPHY, Outcome.COUNTS, Outcome.DENIED, Outcome.HIDDEN),
        new Row("/ogc/collections/indicator-{ind}/tiles/WebMercatorQuad/12/1326/2013?f=mvt",
                                                                    Outcome.TILE, Outcome.TILE, Outcome.GEOGRAPHY, Outcome.TILE, Outcome.DENIED, Outcome.HIDDEN));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureProperties disclosure;

    CrimeData crime;
    CrimeData.PlantedCell planted;
    Partnership partnership;
    long indicator;

    @BeforeAll
    void thePartnershipAndAnIndicator() {
        crime = new CrimeData(jdbc);
        planted = crime.plantedCell();
        partnership = new Partnership(new AdminApi(port), crime.datasetId, jdbc.sql("select current_date").query(LocalDate.class).single(), jdbc);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", "Planted category and month, counted (matrix)");
        body.put("datasetId", crime.datasetId);
        body.put("measure", "count");
        body.put("categories", List.of(planted.category()));
        body.put("from", planted.month());
        body.put("to", planted.month());
        body.put("level", "lsoa");
        Reply defined = partnership.person("police analyst").client(port).post("/api/indicators", body);
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        indicator = defined.json().path("id").asLong();
    }

    @AfterAll
    void withdrawTheAgreements() {
        partnership.withdrawAgreements();
    }

    @TestFactory
    Stream<DynamicTest> everyPersonThroughEveryIndicatorPath() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : ROWS) {
            for (Person person : partnership.people.values()) {
                Outcome expected = row.outcome(person.level());
                tests.add(DynamicTest.dynamicTest(person.name() + " (" + person.level() + ") · " + row.path() + " → " + expected,
                        () -> check(person, resolve(row.path()), expected)));
            }
        }
        return tests.stream();
    }

    private void check(Person person, String target, Outcome expected) {
        ApiClient client = person.client(port);
        Reply reply = client.get(target);
        String what = person.name() + " GET " + target;
        switch (expected) {
            case LISTED, ABSENT -> {
                boolean listed = client.json(200, reply).valueStream().anyMatch(i -> i.path("id").asLong() == indicator);
                assertThat(listed).as(what).isEqualTo(expected == Outcome.LISTED);
            }
            case OK -> assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(200);
            case COUNTS -> {
                JsonNode body = client.json(200, reply);
                boolean ogc = target.startsWith("/ogc/");
                String level = ogc ? "lsoa" : target.replaceFirst(".*level=", "");
                Map<String, Long> published = new TreeMap<>();
                if (ogc) {
                    body.path("features").forEach(f -> published.put(f.path("id").asString(), f.path("properties").path("numerator").asLong()));
                } else {
                    body.path("areas").forEach(a -> published.put(a.path("code").asString(), a.path("numerator").asLong()));
                }
                assertThat(published).as("%s: the same numbers as the counts API gives this person", what).isEqualTo(counts(client, level));
                Map<String, Long> truth = crime.counts(level, planted.filter());
                assertThat(published.keySet()).as(what).isEqualTo(truth.keySet());
                Rule rule = rule(person.level());
                List<String> wrong = new ArrayList<>();
                published.forEach((code, count) -> {
                    String why = rule.wrong(count, truth.get(code));
                    if (why != null) {
                        wrong.add(code + " " + why);
                    }
                });
                assertThat(wrong).as(what).isEmpty();
            }
            case SERIES -> {
                JsonNode body = client.json(200, reply);
                String code = body.path("area").path("code").asString();
                String level = body.path("area").path("level").asString();
                JsonNode month = body.path("months").valueStream().filter(m -> m.path("period").asString().equals(planted.month()))
                        .findFirst().orElseThrow(() -> new AssertionError(what + ": no " + planted.month() + " in " + body));
                assertThat(month.path("numerator").asLong()).as(what).isEqualTo(counts(client, level).get(code));
                assertThat(rule(person.level()).wrong(month.path("numerator").asLong(), 3)).as(what).isNull();
            }
            case PROFILE -> {
                JsonNode body = client.json(200, reply);
                JsonNode entry = body.path("indicators").valueStream().filter(i -> i.path("indicator").path("id").asLong() == indicator)
                        .findFirst().orElse(null);
                switch (person.level()) {
                    case RECORD, AGGREGATE, PUBLIC -> {
                        assertThat(entry).as(what).isNotNull();
                        long numerator = entry.path("value").path("numerator").asLong();
                        assertThat(numerator).as(what).isEqualTo(counts(client, "lsoa").get(planted.lsoa()));
                        assertThat(rule(person.level()).wrong(numerator, 3)).as(what).isNull();
                    }
                    case AGGREGATE_MSOA -> {
                        assertThat(entry).as(what).isNotNull();
                        assertThat(entry.has("value")).as("%s: no LSOA figures under an MSOA agreement", what).isFalse();
                    }
                    default -> assertThat(entry).as("%s: the indicator does not exist for them", what).isNull();
                }
            }
            case TILE -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isIn(200, 204);
                assertThat(reply.header("Cache-Control")).as(what).isEqualTo("private, max-age=60");
            }
            case GEOGRAPHY, DENIED -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(403);
                assertThat(reply.json().path("type").asString()).as(what)
                        .isEqualTo(expected == Outcome.DENIED ? "/problems/access-denied" : "/problems/geography-not-allowed");
            }
            case HIDDEN -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(404);
                assertThat(reply.body()).as(what).doesNotContain("Planted category");
            }
        }
    }

    /** What the counts API gives this person for the indicator's cells at a level. */
    private Map<String, Long> counts(ApiClient client, String level) {
        Map<String, Long> counts = new TreeMap<>();
        client.getJson("/api/datasets/" + crime.datasetId + "/counts?level=" + level + planted.filter().query()).path("areas")
                .forEach(a -> counts.put(a.path("code").asString(), a.path("count").asLong()));
        return counts;
    }

    private Rule rule(Level level) {
        return switch (level) {
            case AGGREGATE, AGGREGATE_MSOA -> Rule.aggregate(disclosure);
            case PUBLIC -> Rule.publicLevel(disclosure);
            default -> Rule.NONE;
        };
    }

    private String resolve(String path) {
        return path.replace("{ind}", String.valueOf(indicator)).replace("{lsoa}", planted.lsoa()).replace("{msoa}", planted.msoa());
    }
}
