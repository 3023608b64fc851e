package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.access.AccessMatrix.Outcome.ABSENT;
import static org.patchwork.access.AccessMatrix.Outcome.DENIED;
import static org.patchwork.access.AccessMatrix.Outcome.EXACT;
import static org.patchwork.access.AccessMatrix.Outcome.GEOGRAPHY;
import static org.patchwork.access.AccessMatrix.Outcome.HIDDEN;
import static org.patchwork.access.AccessMatrix.Outcome.PERTURBED;
import static org.patchwork.access.AccessMatrix.Outcome.ROUNDED;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import org.patchwork.access.AccessMatrix.Outcome;
import org.patchwork.access.AccessMatrix.Row;
import org.patchwork.access.Partnership.Person;
import org.patchwork.access.PublishedCounts.Cell;
import org.patchwork.access.PublishedCounts.Rule;
import org.patchwork.disclosure.DisclosureProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The access matrix ({@link AccessMatrixIT}'s people and outcomes) for the indicator outputs built on the counts:
 * an area's profile (JSON and CSV), an indicator's series and the scatter data of two indicators side by side. The
 * indicator counts the planted small cell's category in its month ({@link CrimeData#plantedCell}), so every
 * person's numbers are checked against the true counts with the rule of their access level; and an attack test: an
 * aggregate user learns from these outputs no count the counts API does not already publish to them (which is what
 * {@link AttackHarnessIT} attacks), and never the planted small count.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIndicatorOutputsIT {

    // {indicator}: a count of the planted category in the planted month, by LSOA; {lsoa}, {msoa}: the planted cell's areas.
    // Profiles are 200 for everyone; ABSENT there means the indicator is not in the profile, GEOGRAPHY that it is listed
    // as unavailable because the agreement's smallest level is larger than the area.
    static final List<Row> ROWS = List.of(
        //     output path                                                   RECORD  AGGREGATE  AGGR.MSOA  PUBLIC   METADATA NONE
        new Row("GET /api/areas/{lsoa}/profile",                             EXACT,  PERTURBED, GEOGRAPHY, ROUNDED, ABSENT,  ABSENT),
        new Row("GET /api/areas/{msoa}/profile",                             EXACT,  PERTURBED, PERTURBED, ROUNDED, ABSENT,  ABSENT),
        new Row("GET /api/areas/{lsoa}/profile?format=csv",                  EXACT,  PERTURBED, GEOGRAPHY, ROUNDED, ABSENT,  ABSENT),
        new Row("GET /api/indicators/{indicator}/series?area={lsoa}",        EXACT,  PERTURBED, GEOGRAPHY, ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/indicators/{indicator}/series?area={msoa}",        EXACT,  PERTURBED, PERTURBED, ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/indicators/compare?x={indicator}&y={indicator}&level=lsoa", EXACT, PERTURBED, GEOGRAPHY, ROUNDED, DENIED, HIDDEN),
        new Row("GET /api/indicators/compare?x={indicator}&y={indicator}&level=msoa", EXACT, PERTURBED, PERTURBED, ROUNDED, DENIED, HIDDEN));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureProperties disclosure;

    CrimeData crime;
    Partnership partnership;
    CrimeData.PlantedCell planted;
    long indicator;

    @BeforeAll
    void createThePartnershipAndTheIndicator() {
        crime = new CrimeData(jdbc);
        planted = crime.plantedCell();
        partnership = new Partnership(new AdminApi(port), crime.datasetId, jdbc.sql("select current_date").query(LocalDate.class).single(), jdbc);
        ApiClient police = partnership.person("police analyst").client(port);
        indicator = police.json(201, police.post("/api/indicators", Map.of("name", "Planted category count (matrix)",
                "datasetId", crime.datasetId, "measure", "count", "categories", List.of(planted.category()),
                "from", planted.month(), "to", planted.month(), "level", "lsoa"))).path("id").asLong();
    }

    @AfterAll
    void withdrawTheAgreements() {
        partnership.withdrawAgreements();
    }

    @TestFactory
    Stream<DynamicTest> everyPersonThroughEveryIndicatorOutput() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : ROWS) {
            for (Person person : partnership.people.values()) {
                Outcome expected = row.outcome(person.level());
                tests.add(DynamicTest.dynamicTest(person.name() + " (" + person.level() + ") · " + row.path() + " → " + expected,
                        () -> check(person, row.path(), expected)));
            }
        }
        return tests.stream();
    }

    private Rule rule(Outcome outcome) {
        return switch (outcome) {
            case EXACT -> Rule.NONE;
            case PERTURBED -> Rule.aggregate(disclosure);
            case ROUNDED -> Rule.publicLevel(disclosure);
            default -> throw new IllegalArgumentException(outcome.name());
        };
    }

    private void check(Person person, String path, Outcome expected) {
        String target = path.substring("GET ".length()).replace("{indicator}", String.valueOf(indicator))
                .replace("{lsoa}", planted.lsoa()).replace("{msoa}", planted.msoa());
        String what = person.name() + " GET " + target;
        Reply reply = person.client(port).get(target);
        String level = target.contains(planted.lsoa()) || target.contains("level=lsoa") ? "lsoa" : "msoa";
        String area = level.equals("lsoa") ? planted.lsoa() : planted.msoa();
        Map<String, Long> truth = crime.counts(level, planted.filter());
        switch (expected) {
            case GEOGRAPHY, DENIED, HIDDEN -> {
                if (target.contains("/profile")) {
                    assertThat(expected).as("profiles answer 200").isEqualTo(GEOGRAPHY);
                    assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(200);
                    assertThat(numerator(target, reply)).as(what).isNull();
                    assertThat(unavailable(target, reply)).as(what).contains(person.level().levels.toString());
                    return;
                }
                int status = expected == HIDDEN ? 404 : 403;
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(status);
                assertThat(reply.isProblem()).as(what).isTrue();
                assertThat(reply.json().path("type").asString()).as(what).isEqualTo(switch (expected) {
                    case GEOGRAPHY -> "/problems/geography-not-allowed";
                    case DENIED -> "/problems/access-denied";
                    default -> "/problems/unknown-indicator";
                });
                if (expected == HIDDEN) {
                    assertThat(reply.body()).as(what).doesNotContain("Planted category", "Street crime", CrimeData.OWNER);
                }
            }
            case ABSENT -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(200);
                assertThat(listed(target, reply)).as("%s: the indicator is not in the profile", what).isFalse();
            }
            default -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(200);
                Rule rule = rule(expected);
                if (target.contains("/compare")) {
                    Map<String, Cell> published = new HashMap<>();
                    reply.json().path("areas").forEach(a -> published.put(a.path("code").asString(),
                            new Cell(a.path("x").path("numerator").asLong(), false)));
                    reply.json().path("unpaired").forEach(a -> published.put(a.path("code").asString(), new Cell(null, true)));
                    PublishedCounts.assertProtected(what, published, truth, rule);
                    assertThat(reply.json().path("x").path("disclosure").path("access").asString()).as(what).isEqualTo(rule.access());
                } else {
                    Long count = numerator(target, reply);
                    assertThat(count).as("%s: a number", what).isNotNull();
                    assertThat(rule.wrong(count, truth.get(area))).as(what).isNull();
                }
            }
        }
    }

    /** Whether the indicator is in a profile (JSON or CSV). */
    private boolean listed(String target, Reply reply) {
        if (target.contains("format=csv")) {
            return csvRow(reply) != null;
        }
        return profileEntry(reply) != null;
    }

    /** The planted cell's count as the output gives it (null when it gives none). */
    private Long numerator(String target, Reply reply) {
        if (target.contains("/series")) {
            JsonNode months = reply.json().path("months");
            assertThat(months.size()).isEqualTo(1);
            return months.get(0).path("numerator").isNumber() ? months.get(0).path("numerator").asLong() : null;
        }
        if (target.contains("format=csv")) {
            CSVRecord row = csvRow(reply);
            assertThat(row).as("the indicator's row").isNotNull();
            return row.get("numerator").isEmpty() ? null : Long.parseLong(row.get("numerator"));
        }
        JsonNode entry = profileEntry(reply);
        assertThat(entry).as("the indicator is in the profile").isNotNull();
        JsonNode n = entry.path("value").path("numerator");
        return n.isNumber() ? n.asLong() : null;
    }

    private String unavailable(String target, Reply reply) {
        return target.contains("format=csv") ? csvRow(reply).get("note") : profileEntry(reply).path("unavailable").asString();
    }

    private JsonNode profileEntry(Reply reply) {
        for (JsonNode e : reply.json().path("indicators")) {
            if (e.path("indicator").path("id").asLong() == indicator) {
                return e;
            }
        }
        return null;
    }

    private CSVRecord csvRow(Reply reply) {
        try {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(reply.body()))) {
                if (row.get("kind").equals("indicator") && row.get("indicator_id").equals(String.valueOf(indicator))) {
                    return row;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The attack: an aggregate user reads the planted cell (3 events in its LSOA, and in its MSOA and ward) through the
     * profile, series and scatter of a rate indicator as well. Every numerator equals the count the counts API
     * publishes to them for the same area and filter (so these outputs add nothing to what {@link AttackHarnessIT}
     * attacks), no rate or interval carries another count (rate × population / 1,000 gives back the published count),
     * the correlation is that of the published values, and the true 3 is never shown.
     */
    @Test
    void anAggregateUserLearnsNoCountBeyondThePublishedOnesFromProfilesSeriesOrScatter() {
        ApiClient police = partnership.person("police analyst").client(port);
        long rate = police.json(201, police.post("/api/indicators", Map.of("name", "Planted category rate (attack)",
                "datasetId", crime.datasetId, "measure", "rate-per-1000", "categories", List.of(planted.category()),
                "from", planted.month(), "to", planted.month(), "level", "lsoa"))).path("id").asLong();
        ApiClient council = partnership.person("council analyst").client(port);
        Rule rule = Rule.aggregate(disclosure);
        List<Long> seen = new ArrayList<>();
        for (String level : List.of("lsoa", "msoa", "ward")) {
            String area = switch (level) {
                case "lsoa" -> planted.lsoa();
                case "msoa" -> planted.msoa();
                default -> planted.ward();
            };
            long truth = crime.counts(level, planted.filter()).get(area);
            assertThat(truth).as("the planted cell's %s count", level).isEqualTo(3);
            Long published = PublishedCounts.fromApi(council.getJson("/api/datasets/" + crime.datasetId + "/counts?level=" + level
                    + planted.filter().query()), "areas").get(area).count();
            assertThat(rule.wrong(published, truth)).as(level).isNull();

            JsonNode profile = council.getJson("/api/areas/" + area + "/profile");
            for (JsonNode e : profile.path("indicators")) {
                long id = e.path("indicator").path("id").asLong();
                if (id == indicator || id == rate) {
                    JsonNode v = e.path("value");
                    assertThat(v.path("numerator").asLong()).as("profile %s %s", level, id).isEqualTo(published);
                    if (id == rate) {
                        assertThat(v.path("value").asDouble() * v.path("denominator").asLong() / 1000.0)
                                .as("the rate carries only the published count").isCloseTo(published, org.assertj.core.api.Assertions.within(1e-6));
                        assertThat(v.path("disclosure").path("perturbationVariance").asDouble())
                                .as("the interval carries the perturbation's noise").isPositive();
                    }
                    seen.add(v.path("numerator").asLong());
                }
            }
            JsonNode series = council.getJson("/api/indicators/" + rate + "/series?area=" + area);
            assertThat(series.path("months").get(0).path("numerator").asLong()).as("series %s", level).isEqualTo(published);
            seen.add(published);
        }
        JsonNode scatter = council.getJson("/api/indicators/compare?x=" + rate + "&y=" + indicator + "&level=lsoa&within=" + planted.district());
        Map<String, Cell> counts = PublishedCounts.fromApi(council.getJson("/api/datasets/" + crime.datasetId + "/counts?level=lsoa"
                + planted.filter().query()), "areas");
        List<double[]> pairs = new ArrayList<>();
        for (JsonNode a : scatter.path("areas")) {
            long n = counts.get(a.path("code").asString()).count();
            assertThat(a.path("x").path("numerator").asLong()).isEqualTo(n);
            assertThat(a.path("y").path("numerator").asLong()).isEqualTo(n);
            pairs.add(new double[] {a.path("x").path("value").asDouble(), a.path("y").path("value").asDouble()});
        }
        // Pearson's r of the published pairs, written out: the server's r is of these, not of the true counts
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = pairs.stream().mapToDouble(p -> (p[0] - mx) * (p[1] - my)).sum();
        double sxx = pairs.stream().mapToDouble(p -> (p[0] - mx) * (p[0] - mx)).sum();
        double syy = pairs.stream().mapToDouble(p -> (p[1] - my) * (p[1] - my)).sum();
        if (sxx > 0 && syy > 0) {
            assertThat(scatter.path("pearson").path("r").asDouble())
                    .isCloseTo(sxy / Math.sqrt(sxx * syy), org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(seen).as("the true small count is never shown").doesNotContain(3L);
        assertThat(seen).allMatch(n -> n == 0 || n > rule.threshold());
    }
}
