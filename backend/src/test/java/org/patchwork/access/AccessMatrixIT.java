package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.access.AccessMatrixIT.Outcome.ABSENT;
import static org.patchwork.access.AccessMatrixIT.Outcome.COLLECTIONS;
import static org.patchwork.access.AccessMatrixIT.Outcome.DENIED;
import static org.patchwork.access.AccessMatrixIT.Outcome.EXACT;
import static org.patchwork.access.AccessMatrixIT.Outcome.HIDDEN;
import static org.patchwork.access.AccessMatrixIT.Outcome.LISTED;
import static org.patchwork.access.AccessMatrixIT.Outcome.OK;
import static org.patchwork.access.AccessMatrixIT.Outcome.ROUNDED;
import static org.patchwork.access.AccessMatrixIT.Outcome.SUPPRESSED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who gets what from the partner-owned crime data, through every output path: for each person of
 * {@link Partnership} (every role at every access level) and each path below, the outcome the access
 * rules promise. Counts are compared with the true counts from the database, for the month and category
 * of the planted small count (so that small counts are plentiful at every level).
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    enum Outcome {
        LISTED,      // 200, the dataset is listed with the person's access level
        ABSENT,      // 200, the dataset is not listed at all
        COLLECTIONS, // 200, exactly the crime collections of CRIME_COLLECTIONS for the level
        OK,          // 200 (JSON with the person's access level, or an HTML page)
        EXACT,       // 200, counts exactly as they are (record level)
        SUPPRESSED,  // 200, counts 1-4 suppressed (null, suppressed=true), the rest exact
        ROUNDED,     // 200, counts 1-7 suppressed, the rest rounded to 5
        DENIED,      // 403 problem: the person knows the dataset, but not at this level or geography
        HIDDEN       // 404 problem: for this person the dataset does not exist
    }

    record Row(String path, Outcome... byLevel) {
        Outcome outcome(Level level) {
            return byLevel[level.ordinal()];
        }
    }

    // {id} dataset id, {slug} its slug, {filter} the planted category and month, {points} the planted LSOA,
    // category and month, {event} one event id. Custom areas: the LSOAs of the MSOA with most crime in 2022.
    private static final List<Row> MATRIX = List.of(
        //     output path                                                 RECORD  AGGREGATE   AGGR.MSOA   PUBLIC   METADATA NONE
        new Row("GET /api/datasets",                                       LISTED, LISTED,     LISTED,     LISTED,  LISTED,  ABSENT),
        new Row("GET /api/datasets/{id}",                                  OK,     OK,         OK,         OK,      OK,      HIDDEN),
        new Row("GET /api/datasets/{id}/agreements",                       OK,     OK,         OK,         OK,      OK,      HIDDEN),
        new Row("GET /api/datasets/{id}/categories",                       EXACT,  SUPPRESSED, SUPPRESSED, ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=lsoa{filter}",        EXACT,  SUPPRESSED, DENIED,     ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=msoa{filter}",        EXACT,  SUPPRESSED, SUPPRESSED, ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=ward{filter}",        EXACT,  SUPPRESSED, SUPPRESSED, ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=district{filter}",    EXACT,  SUPPRESSED, SUPPRESSED, ROUNDED, DENIED,  HIDDEN),
        new Row("POST /api/datasets/{id}/counts/custom",                   EXACT,  SUPPRESSED, SUPPRESSED, ROUNDED, DENIED,  HIDDEN),
        new Row("GET /ogc/collections",                     COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS),
        new Row("GET /ogc/collections?f=html",              COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS),
        new Row("GET /ogc/collections/{slug}",                             OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}?f=html",                      OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}/items?{points}",              OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}/items?f=html&{points}",       OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}/items/{event}",               OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-lsoa",                     OK,     OK,         DENIED,     OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-lsoa/items?f=json{filter}", EXACT, SUPPRESSED, DENIED,     ROUNDED, DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-lsoa/items?f=html{filter}", OK,    OK,         DENIED,     OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-msoa",                     OK,     OK,         OK,         OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-msoa/items?f=json{filter}", EXACT, SUPPRESSED, SUPPRESSED, ROUNDED, DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-ward/items?f=json{filter}", EXACT, SUPPRESSED, SUPPRESSED, ROUNDED, DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-district/items?f=json{filter}", EXACT, SUPPRESSED, SUPPRESSED, ROUNDED, DENIED, HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-district/items?f=html{filter}", OK, OK,        OK,         OK,      DENIED,  HIDDEN));

    /** The crime collections (suffixes of the slug) each level should find in the OGC collection list. */
    private static final Map<Level, List<String>> CRIME_COLLECTIONS = Map.of(
            Level.RECORD, List.of("", "-by-lsoa", "-by-msoa", "-by-ward", "-by-district"),
            Level.AGGREGATE, List.of("-by-lsoa", "-by-msoa", "-by-ward", "-by-district"),
            Level.AGGREGATE_MSOA, List.of("-by-msoa", "-by-ward", "-by-district"),
            Level.PUBLIC, List.of("-by-lsoa", "-by-msoa", "-by-ward", "-by-district"),
            Level.METADATA, List.of(),
            Level.NONE, List.of());

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CrimeData crime;
    Partnership partnership;
    CrimeData.PlantedCell planted;
    Set<String> customArea;
    long customTruth;

    @BeforeAll
    void createThePartnership() {
        crime = new CrimeData(jdbc);
        planted = crime.plantedCell();
        partnership = new Partnership(new AdminApi(port), crime.datasetId, today());
        Map<String, Long> msoas = crime.counts("msoa", CrimeData.Filter.ALL);
        String busiest = msoas.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        customArea = crime.lsoasOf("msoa", busiest);
        customTruth = msoas.get(busiest);
    }

    private LocalDate today() {
        return jdbc.sql("select current_date").query(LocalDate.class).single();
    }

    @AfterAll
    void withdrawTheAgreements() {
        partnership.withdrawAgreements();
    }

    @TestFactory
    Stream<DynamicTest> everyPersonThroughEveryOutputPath() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : MATRIX) {
            for (Person person : partnership.people.values()) {
                Outcome expected = row.outcome(person.level());
                tests.add(DynamicTest.dynamicTest(person.name() + " (" + person.level() + ") · " + row.path() + " → " + expected,
                        () -> check(person, row.path(), expected)));
            }
        }
        return tests.stream();
    }

    private void check(Person person, String path, Outcome expected) {
        String method = path.substring(0, path.indexOf(' '));
        String target = resolve(path.substring(method.length() + 1));
        ApiClient client = person.client(port);
        Reply reply = method.equals("POST") ? client.post(target, CrimeData.Filter.ALL.customBody(customArea)) : client.get(target);
        String what = person.name() + " " + method + " " + target;
        switch (expected) {
            case LISTED, ABSENT -> {
                JsonNode mine = client.json(200, reply).valueStream()
                        .filter(d -> d.path("dataset").path("slug").asString().equals(CrimeData.SLUG)).findFirst().orElse(null);
                if (expected == ABSENT) {
                    assertThat(mine).as(what).isNull();
                } else {
                    assertThat(mine).as(what).isNotNull();
                    assertThat(mine.path("access").path("level").asString()).as(what).isEqualTo(person.level().key);
                }
            }
            case COLLECTIONS -> {
                assertThat(reply.status()).as(what).isEqualTo(200);
                Set<String> expectedIds = new TreeSet<>(CRIME_COLLECTIONS.get(person.level()).stream().map(s -> CrimeData.SLUG + s).toList());
                Set<String> shown = new TreeSet<>();
                if (target.contains("f=html")) {
                    CRIME_COLLECTIONS.get(Level.RECORD).stream().map(s -> CrimeData.SLUG + s)
                            .filter(id -> reply.body().contains("/collections/" + id + "?f=html")).forEach(shown::add);
                } else {
                    reply.json().path("collections").forEach(c -> shown.add(c.path("id").asString()));
                    shown.removeIf(id -> !id.startsWith(CrimeData.SLUG));
                }
                assertThat(shown).as(what).isEqualTo(expectedIds);
            }
            case OK -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(200);
                if (target.contains("f=html")) {
                    assertThat(reply.contentType()).as(what).startsWith("text/html");
                } else if (reply.json().has("access")) {
                    assertThat(reply.json().path("access").path("level").asString()).as(what).isEqualTo(person.level().key);
                    JsonNode geography = reply.json().path("access").path("minGeography");
                    assertThat(geography.isString() ? geography.asString() : null).as(what).isEqualTo(switch (person.level()) {
                        case METADATA -> null;
                        case AGGREGATE_MSOA -> "msoa";
                        default -> "lsoa";
                    });
                }
            }
            case EXACT -> checkCounts(what, target, client.json(200, reply), Rule.NONE);
            case SUPPRESSED -> checkCounts(what, target, client.json(200, reply), Rule.AGGREGATE);
            case ROUNDED -> checkCounts(what, target, client.json(200, reply), Rule.PUBLIC);
            case DENIED -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(403);
                assertThat(reply.isProblem()).as(what).isTrue();
                assertThat(reply.json().path("type").asString()).as(what).isIn("/problems/access-denied", "/problems/geography-not-allowed");
            }
            case HIDDEN -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(404);
                assertThat(reply.isProblem()).as(what).isTrue();
                assertThat(reply.body()).as(what).doesNotContain("Street crime", CrimeData.OWNER);
            }
        }
    }

    private void checkCounts(String what, String target, JsonNode body, Rule rule) {
        if (target.endsWith("/counts/custom")) {
            JsonNode area = body.path("area");
            assertThat(area.path("suppressed").asBoolean()).as("%s: a whole MSOA is released", what).isFalse();
            long count = area.path("count").asLong();
            if (rule.rounding() == 1) {
                assertThat(count).as(what).isEqualTo(customTruth);
            } else {
                assertThat(count % rule.rounding()).as("%s: %d is rounded", what, count).isZero();
                assertThat(Math.abs(count - customTruth)).as(what).isLessThanOrEqualTo(3L * customArea.size());
            }
            return;
        }
        if (target.contains("/api/")) {
            JsonNode disclosure = body.path("disclosure");
            assertThat(disclosure.path("access").asString()).as(what).isEqualTo(rule.access());
            assertThat(disclosure.path("suppressedUpTo").asInt()).as(what).isEqualTo(rule.maxSuppressed());
            assertThat(disclosure.path("roundedTo").asInt()).as(what).isEqualTo(rule.rounding());
        }
        if (target.contains("/categories")) {
            PublishedCounts.assertProtected(what, PublishedCounts.fromApi(body, "categories"), crime.categoryTotals(), rule);
            return;
        }
        String level = CrimeData.LEVELS.stream().filter(l -> target.contains("level=" + l) || target.contains("-by-" + l + "/"))
                .findFirst().orElseThrow();
        var published = target.contains("/ogc/") ? PublishedCounts.fromOgc(body) : PublishedCounts.fromApi(body, "areas");
        PublishedCounts.assertProtected(what, published, crime.counts(level, planted.filter()), rule);
        if (level.equals("lsoa") && rule.maxSuppressed() > 0) {
            assertThat(published.values()).as("%s: the filter exercises suppression", what).anyMatch(PublishedCounts.Cell::suppressed);
        }
    }

    private String resolve(String path) {
        return path.replace("{id}", String.valueOf(crime.datasetId))
                .replace("{slug}", CrimeData.SLUG)
                .replace("{filter}", planted.filter().query())
                .replace("{points}", "lsoa_code=" + planted.lsoa() + "&category=" + ApiClient.encode(planted.category())
                        + "&month=" + planted.month())
                .replace("{event}", String.valueOf(crime.eventIds(planted.lsoa(), planted.category(), planted.month()).get(0)));
    }
}
