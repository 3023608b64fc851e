package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.access.AccessMatrix.Outcome.ABSENT;
import static org.patchwork.access.AccessMatrix.Outcome.DENIED;
import static org.patchwork.access.AccessMatrix.Outcome.GEOGRAPHY;

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
import org.patchwork.access.AccessMatrix.Outcome;
import org.patchwork.access.AccessMatrix.Row;
import org.patchwork.access.Partnership.Level;
import org.patchwork.access.Partnership.Person;
import org.patchwork.access.PublishedCounts.Rule;
import org.patchwork.disclosure.DisclosureProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who gets what from the partner-owned crime data, through every output path: for each person of
 * {@link Partnership} (every role at every access level) and each path of {@link AccessMatrix}, the
 * outcome the access rules promise. Counts are compared with the true counts from the database, for the
 * month and category of the planted small count (so that small counts are plentiful at every level). Under disclosure
 * control every count is perturbed (cell-key method) within the method's bounds, at every level from the
 * agreement's smallest, for one month, a quarter, a year or all months, any category or all, margins
 * (category totals, the outside count) included; other month ranges are refused.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureProperties disclosure;

    CrimeData crime;
    Partnership partnership;
    CrimeData.PlantedCell planted;
    Set<String> customArea;
    HotspotMatrixRuns hotspots;

    @BeforeAll
    void createThePartnership() {
        crime = crimeData();
        planted = crime.plantedCell();
        partnership = new Partnership(new AdminApi(port), crime.datasetId, today(), jdbc, crime.owner);
        Map<String, Long> districts = crime.counts("district", planted.filter());
        customArea = crime.lsoasOf("district", districts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        ApiClient police = partnership.person("police analyst").client(port);
        savedCustomArea = police.postJson("/api/custom-areas", Map.of("name", "Busiest district, as LSOAs", "lsoas", List.copyOf(customArea)))
                .path("code").asString();
        Map<String, Object> indicator = new java.util.LinkedHashMap<>();
        indicator.put("name", "Planted category and month by custom area");
        indicator.put("datasetId", crime.datasetId);
        indicator.put("measure", "count");
        indicator.put("categories", List.of(planted.category()));
        indicator.put("from", planted.month());
        indicator.put("to", planted.month());
        indicator.put("level", "custom");
        customIndicator = police.postJson("/api/indicators", indicator).path("id").asLong();
        hotspots = new HotspotMatrixRuns(partnership, port, crime.datasetId, planted);
    }

    String savedCustomArea;
    long customIndicator;

    /** The governed data the matrix runs on: Merseyside Police's, in the shared test database (SecondAreaAccessMatrixIT: another area's). */
    CrimeData crimeData() {
        return new CrimeData(jdbc);
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
        for (Row row : AccessMatrix.ROWS) {
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
        if (MapPictures.isPicture(target) && List.of(Outcome.OK, Outcome.EXACT, Outcome.PERTURBED, Outcome.ROUNDED).contains(expected)) {
            Rule rule = switch (expected) {
                case EXACT -> Rule.NONE;
                case PERTURBED -> Rule.aggregate(disclosure);
                case ROUNDED -> Rule.publicLevel(disclosure);
                default -> null;
            };
            Map<String, Long> truth = rule == null ? Map.of() : crime.counts(target.replaceAll(".*[?&]level=(\\w+).*", "$1"), CrimeData.Filter.of(target));
            try {
                MapPictures.check(person.name() + " " + method + " " + target, person, port, target, rule, truth, crime.datasetId);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        ApiClient client = person.client(port);
        Reply reply = method.equals("POST") ? client.post(target.replaceFirst("&.*", ""), CrimeData.Filter.of(target).customBody(customArea))
                : client.get(target);
        String what = person.name() + " " + method + " " + target;
        switch (expected) {
            case LISTED, ABSENT -> {
                JsonNode mine = client.json(200, reply).valueStream()
                        .filter(d -> d.path("dataset").path("slug").asString().equals(crime.slug)).findFirst().orElse(null);
                if (expected == ABSENT) {
                    assertThat(mine).as(what).isNull();
                } else {
                    assertThat(mine).as(what).isNotNull();
                    assertThat(mine.path("access").path("level").asString()).as(what).isEqualTo(person.level().key);
                }
            }
            case COLLECTIONS -> {
                assertThat(reply.status()).as(what).isEqualTo(200);
                Set<String> expectedIds = new TreeSet<>(person.level().levels.stream().map(l -> crime.slug + "-by-" + l).toList());
                if (person.level() == Level.RECORD) {
                    expectedIds.add(crime.slug);
                }
                Set<String> shown = new TreeSet<>();
                if (target.contains("f=html")) {
                    Stream.concat(Stream.of(""), CrimeData.LEVELS.stream().map(l -> "-by-" + l)).map(s -> crime.slug + s)
                            .filter(id -> reply.body().contains("/collections/" + id + "?f=html")).forEach(shown::add);
                } else {
                    reply.json().path("collections").forEach(c -> shown.add(c.path("id").asString()));
                    shown.removeIf(id -> !id.startsWith(crime.slug));
                }
                assertThat(shown).as(what).isEqualTo(expectedIds);
            }
            case OK -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(200);
                if (target.contains("f=html")) {
                    assertThat(reply.contentType()).as(what).startsWith("text/html");
                } else if (reply.contentType().startsWith("application/json") && reply.json().has("access")) {
                    assertThat(reply.json().path("access").path("level").asString()).as(what).isEqualTo(person.level().key);
                    JsonNode geography = reply.json().path("access").path("minGeography");
                    assertThat(geography.isString() ? geography.asString() : null).as(what).isEqualTo(switch (person.level()) {
                        case METADATA -> null;
                        case AGGREGATE_MSOA -> "msoa";
                        default -> "lsoa";
                    });
                }
            }
            case EXACT -> checkCounts(what, target, client.json(200, reply), Rule.NONE, client);
            case PERTURBED -> checkCounts(what, target, client.json(200, reply), Rule.aggregate(disclosure), client);
            case ROUNDED -> checkCounts(what, target, client.json(200, reply), Rule.publicLevel(disclosure), client);
            case PERIOD -> PublishedCounts.assertPeriodRefused(what, reply);
            case GEOGRAPHY, DENIED -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(403);
                assertThat(reply.isProblem()).as(what).isTrue();
                assertThat(reply.json().path("type").asString()).as(what)
                        .isEqualTo(expected == DENIED ? "/problems/access-denied" : "/problems/geography-not-allowed");
                if (expected == GEOGRAPHY) {
                    assertThat(reply.json().path("detail").asString()).as(what).contains(person.level().levels.toString());
                }
            }
            case HIDDEN -> {
                assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(404);
                assertThat(reply.isProblem()).as(what).isTrue();
                assertThat(reply.body()).as(what).doesNotContain("Street crime", crime.owner);
            }
        }
    }

    private void checkCounts(String what, String target, JsonNode body, Rule rule, ApiClient client) {
        CrimeData.Filter filter = CrimeData.Filter.of(target);
        if (target.contains("/series?area=")) {
            // a custom area's series: the planted month counted from its LSOAs, the same published count as its value
            JsonNode month = body.path("months").valueStream().filter(m -> m.path("period").asString().equals(planted.month()))
                    .findFirst().orElseThrow(() -> new AssertionError(what + ": no " + planted.month()));
            long customTruth = crime.counts("lsoa", planted.filter()).entrySet().stream().filter(e -> customArea.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(month.path("numerator").isNumber()).as("%s: a whole district is released", what).isTrue();
            assertThat(rule.wrong(month.path("numerator").asLong(), customTruth)).as(what).isNull();
            JsonNode value = client.getJson("/api/indicators/" + customIndicator + "/values?level=custom").path("areas").valueStream()
                    .filter(a -> a.path("code").asString().equals(savedCustomArea)).findFirst().orElseThrow();
            assertThat(month.path("numerator").asLong()).as(what).isEqualTo(value.path("numerator").asLong());
            assertThat(body.path("disclosure").path("exact").asBoolean()).as(what).isEqualTo(rule.exact());
            return;
        }
        if (target.contains("level=custom")) {
            JsonNode area = body.path("areas").valueStream().filter(a -> a.path("code").asString().equals(savedCustomArea)).findFirst()
                    .orElseThrow();
            long customTruth = crime.counts("lsoa", planted.filter()).entrySet().stream().filter(e -> customArea.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(area.path("numerator").isNumber()).as("%s: a whole district is released", what).isTrue();
            assertThat(rule.wrong(area.path("numerator").asLong(), customTruth)).as(what).isNull();
            assertThat(body.path("disclosure").path("exact").asBoolean()).as(what).isEqualTo(rule.exact());
            return;
        }
        if (target.contains("/counts/custom")) {
            JsonNode area = body.path("area");
            assertThat(area.path("count").isNumber()).as("%s: a whole district is released", what).isTrue();
            long count = area.path("count").asLong();
            long customTruth = crime.counts("lsoa", filter).entrySet().stream().filter(e -> customArea.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(rule.wrong(count, customTruth)).as(what).isNull();
            // the same events as the district: the same cell key, so the same published count
            String district = crime.lsoas.stream().filter(l -> customArea.contains(l.in("lsoa"))).findFirst().orElseThrow().in("district");
            JsonNode districts = client.getJson("/api/datasets/" + crime.datasetId + "/counts?level=district" + filter.query());
            assertThat(PublishedCounts.fromApi(districts, "areas").get(district).count()).as("%s: the district's own count", what).isEqualTo(count);
            return;
        }
        boolean export = target.contains("/api/export/");
        if (export) {
            assertThat(body.path("metadata").path("disclosure").path("method").asString()).as(what).isEqualTo(rule.exact() ? "none" : "cell-key");
        }
        if (target.contains("/api/") && !export) {
            JsonNode disclosureBody = body.path("disclosure");
            assertThat(disclosureBody.path("access").asString()).as(what).isEqualTo(rule.access());
            assertThat(disclosureBody.path("method").asString()).as(what).isEqualTo(rule.exact() ? "none" : "cell-key");
            assertThat(disclosureBody.has("suppressedUpTo")).as(what).isFalse();
            if (!rule.exact()) {
                assertThat(disclosureBody.path("roundedTo").asInt()).as(what).isEqualTo(rule.rounding());
            }
            JsonNode outside = body.path("outside");
            if (target.contains("/counts?")) {
                assertThat(outside.path("count").isNumber()).as("%s: the outside count, for everyone", what).isTrue();
                assertThat(rule.wrong(outside.path("count").asLong(), crime.outside(filter))).as("%s: outside", what).isNull();
            }
        }
        if (target.contains("/categories")) {
            PublishedCounts.assertProtected(what, PublishedCounts.fromApi(body, "categories"), crime.categoryTotals(), rule);
            return;
        }
        String level = CrimeData.LEVELS.stream().filter(l -> target.contains("level=" + l) || target.contains("-by-" + l + "/")
                        || target.contains("-by-" + l + "?")).findFirst().orElseThrow();
        var published = export ? PublishedCounts.fromExport(body) : target.contains("/ogc/") ? PublishedCounts.fromOgc(body)
                : PublishedCounts.fromApi(body, "areas");
        Map<String, Long> truth = crime.counts(level, filter);
        PublishedCounts.assertProtected(what, published, truth, rule);
        if (level.equals("lsoa") && !rule.exact() && filter.equals(planted.filter())) {
            assertThat(truth.values()).as("%s: the filter has small counts to protect", what).anyMatch(n -> n >= 1 && n <= rule.threshold());
        }
    }

    private String resolve(String path) {
        return hotspots.resolve(path).replace("{id}", String.valueOf(crime.datasetId))
                .replace("{customArea}", savedCustomArea).replace("{customIndicator}", String.valueOf(customIndicator))
                .replace("{slug}", crime.slug)
                .replace("{filter}", planted.filter().query())
                .replace("{range}", new CrimeData.Filter(planted.category(), "2022-01", "2022-12").query())
                .replace("{months}", new CrimeData.Filter(planted.category(), "2022-01", "2022-11").query())
                .replace("{month}", new CrimeData.Filter(null, planted.month(), planted.month()).query())
                .replace("{points}", "lsoa_code=" + planted.lsoa() + "&category=" + ApiClient.encode(planted.category())
                        + "&month=" + planted.month())
                .replace("{event}", String.valueOf(crime.eventIds(planted.lsoa(), planted.category(), planted.month()).get(0)));
    }
}
