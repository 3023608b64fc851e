package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.Recipient;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Indicators on the real Merseyside 2022 street crime, as a Merseyside Police analyst (record level), a
 * council analyst (aggregates by LSOA) and a partner with no agreement see them. Expected numerators and
 * denominators come from SQL on {@code feature_event}, {@code lsoa_hierarchy} and {@code lsoa_population};
 * intervals from Byar's formula written out here (PHE, "Technical Guide: Confidence intervals").
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsIT {

    static final String CRIME = "merseyside-street-crime-2022";
    static final double Z95 = 1.959963984540054;
    static final double Z998 = 3.090232306167813;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    long crime;
    long agreement;
    ApiClient police;
    ApiClient council;
    String councilUser;
    ApiClient stranger;

    @BeforeAll
    void people() {
        admin = new AdminApi(port);
        crime = jdbc.sql("select id from dataset where slug = :slug").param("slug", CRIME).query(Long.class).single();
        police = admin.user(admin.partnerId("Merseyside Police"), "analyst").basic(port);
        long councilId = admin.partner("Indicator council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        AdminApi.User councilAnalyst = admin.user(councilId, "analyst");
        council = councilAnalyst.basic(port);
        councilUser = councilAnalyst.username();
        stranger = admin.user(admin.partner("Indicator stranger", "voluntary"), "analyst").basic(port);
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    long define(ApiClient client, Map<String, Object> body) {
        ApiClient.Reply reply = client.post("/api/indicators", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        long id = reply.json().path("id").asLong();
        assertThat(reply.header("Location")).endsWith("/api/indicators/" + id);
        return id;
    }

    static Map<String, Object> body(String name, Object datasetId, String measure, List<String> categories, String from, String to,
                                    String level) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("datasetId", datasetId);
        body.put("measure", measure);
        body.put("categories", categories);
        body.put("from", from);
        body.put("to", to);
        body.put("level", level);
        return body;
    }

    @Test
    void aRateForARecordLevelUserEqualsCountsAndPopulationFromSqlWithByarIntervalsAndComparisons() {
        List<String> categories = List.of("Burglary", "Robbery");
        long id = define(police, body("Burglary and robbery per 1,000, first half of 2022", crime, "rate-per-1000", categories,
                "2022-01", "2022-06", "ward"));
        JsonNode saved = police.getJson("/api/indicators/" + id);
        assertThat(saved.path("measure").asString()).isEqualTo("rate-per-1000");
        assertThat(saved.path("categories").valueStream().map(JsonNode::asString).toList()).isEqualTo(categories);
        assertThat(police.getJson("/api/indicators").valueStream().map(i -> i.path("id").asLong()).toList()).contains(id);

        String liverpool = "E08000012";
        JsonNode body = police.getJson("/api/indicators/" + id + "/values?within=" + liverpool);
        assertThat(body.path("level").asString()).isEqualTo("ward");
        assertThat(body.path("disclosure").path("access").asString()).isEqualTo("record");

        Map<String, long[]> expected = truth("ward", categories, "2022-01", "2022-06");
        Map<String, long[]> districts = truth("district", categories, "2022-01", "2022-06");
        long[] partnership = districts.values().stream().reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        assertThat(body.path("partnership").path("numerator").asLong()).isEqualTo(partnership[0]);
        assertThat(body.path("partnership").path("denominator").asLong()).isEqualTo(partnership[1]);
        Map<String, Double> districtRates = new HashMap<>();
        for (JsonNode d : body.path("districts")) {
            long[] truth = districts.get(d.path("code").asString());
            assertThat(new long[] {d.path("numerator").asLong(), d.path("denominator").asLong()}).as(d.path("code").asString())
                    .containsExactly(truth);
            districtRates.put(d.path("code").asString(), 1000.0 * truth[0] / truth[1]);
        }
        assertThat(districtRates).containsOnlyKeys(districts.keySet());
        double partnershipRate = 1000.0 * partnership[0] / partnership[1];

        List<String> liverpoolWards = jdbc.sql("select distinct h.ward_code from lsoa_hierarchy h join area a on a.level = 'lsoa' "
                + "and a.code = h.lsoa_code where h.lad_code = :lad order by 1").param("lad", liverpool).query(String.class).list();
        List<String> seen = new ArrayList<>();
        int byar = 0;
        Map<String, Integer> comparisons = new HashMap<>();
        for (JsonNode area : body.path("areas")) {
            String code = area.path("code").asString();
            seen.add(code);
            long[] truth = expected.get(code);
            assertThat(area.path("numerator").asLong()).as(code).isEqualTo(truth[0]);
            assertThat(area.path("denominator").asLong()).as(code).isEqualTo(truth[1]);
            double rate = 1000.0 * truth[0] / truth[1];
            assertThat(area.path("value").asDouble()).as(code).isCloseTo(rate, within(1e-9));
            if (truth[0] >= 10) {
                byar++;
                double[] ci95 = byar(truth[0], Z95);
                double[] ci998 = byar(truth[0], Z998);
                assertThat(area.path("lower95").asDouble()).as(code).isCloseTo(ci95[0] * 1000 / truth[1], within(1e-9));
                assertThat(area.path("upper95").asDouble()).as(code).isCloseTo(ci95[1] * 1000 / truth[1], within(1e-9));
                assertThat(area.path("lower998").asDouble()).as(code).isCloseTo(ci998[0] * 1000 / truth[1], within(1e-9));
                assertThat(area.path("upper998").asDouble()).as(code).isCloseTo(ci998[1] * 1000 / truth[1], within(1e-9));
            }
            double lower = area.path("lower95").asDouble();
            double upper = area.path("upper95").asDouble();
            assertThat(area.path("comparison").path("district").asString()).as(code)
                    .isEqualTo(side(lower, upper, districtRates.get(liverpool)));
            assertThat(area.path("comparison").path("partnership").asString()).as(code).isEqualTo(side(lower, upper, partnershipRate));
            assertThat(area.path("disclosure").path("suppressed").asBoolean()).isFalse();
            comparisons.merge(area.path("comparison").path("district").asString(), 1, Integer::sum);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(liverpoolWards);
        assertThat(byar).as("wards with 10 or more events, checked by Byar's formula").isGreaterThan(20);
        assertThat(comparisons).as("Liverpool's wards differ: some above, some like the district").containsKeys("higher", "similar");
    }

    /**
     * Small counts get exact Poisson limits: for LSOAs with 0, 1 and 9 burglaries in 2022 the limits are
     * R's poisson.test values (95%) and SciPy's chi2.ppf values (99.8%), as in PoissonIntervalTest, per 1,000 residents.
     */
    @Test
    void smallCountsHaveTheExactPoissonLimitsOfRAndSciPy() {
        long id = define(police, body("Burglary per 1,000, 2022, by LSOA", crime, "rate-per-1000", List.of("Burglary"),
                "2022-01", "2022-12", "lsoa"));
        Map<String, long[]> truth = truth("lsoa", List.of("Burglary"), "2022-01", "2022-12");
        Map<Long, double[]> limits = Map.of(
                0L, new double[] {0, 3.6888794541, 0, 6.9077552790},
                1L, new double[] {0.0253178080, 5.5716433909, 0.0010005003, 9.2334134765},
                9L, new double[] {4.1153730974, 17.0848034514, 2.4524244044, 22.6573733091});
        Map<Long, Integer> checked = new HashMap<>();
        for (JsonNode area : police.getJson("/api/indicators/" + id + "/values").path("areas")) {
            long[] t = truth.get(area.path("code").asString());
            double[] expected = limits.get(t[0]);
            if (expected == null) {
                continue;
            }
            String what = area.path("code").asString() + " with " + t[0];
            assertThat(area.path("lower95").asDouble()).as(what).isCloseTo(expected[0] * 1000 / t[1], within(1e-8));
            assertThat(area.path("upper95").asDouble()).as(what).isCloseTo(expected[1] * 1000 / t[1], within(1e-8));
            assertThat(area.path("lower998").asDouble()).as(what).isCloseTo(expected[2] * 1000 / t[1], within(1e-8));
            assertThat(area.path("upper998").asDouble()).as(what).isCloseTo(expected[3] * 1000 / t[1], within(1e-8));
            checked.merge(t[0], 1, Integer::sum);
        }
        assertThat(checked).as("LSOAs with 0, 1 and 9 burglaries in 2022").containsKeys(1L, 9L);
    }

    @Test
    void anAggregateUserGetsTheProtectedCountsTheCountsApiGivesThem() {
        long id = define(police, body("Shoplifting, January 2022, by LSOA", crime, "rate-per-1000", List.of("Shoplifting"),
                "2022-01", "2022-01", "lsoa"));
        JsonNode values = council.getJson("/api/indicators/" + id + "/values");
        assertThat(values.path("disclosure").path("access").asString()).isEqualTo("aggregate");
        JsonNode counts = council.getJson("/api/datasets/" + crime + "/counts?level=lsoa&category=Shoplifting&from=2022-01&to=2022-01");
        Map<String, JsonNode> published = new HashMap<>();
        counts.path("areas").forEach(a -> published.put(a.path("code").asString(), a));
        Map<String, long[]> truth = truth("lsoa", List.of("Shoplifting"), "2022-01", "2022-01");
        int protectedAreas = 0;
        for (JsonNode area : values.path("areas")) {
            String code = area.path("code").asString();
            JsonNode count = published.get(code);
            assertThat(count).as(code).isNotNull();
            assertThat(number(area.path("numerator"))).as(code).isEqualTo(number(count.path("count")));
            assertThat(area.path("disclosure").path("suppressed").asBoolean()).as(code).isEqualTo(count.path("suppressed").asBoolean());
            if (number(area.path("numerator")) == null) {
                assertThat(area.path("value").isMissingNode() || area.path("value").isNull()).as(code).isTrue();
                assertThat(area.path("comparison").path("district").asString()).isEqualTo("not-compared");
            }
            assertThat(area.path("denominator").asLong()).isEqualTo(truth.get(code)[1]);
            if (number(area.path("numerator")) == null || number(area.path("numerator")) != truth.get(code)[0]) {
                protectedAreas++;
            }
        }
        assertThat(values.path("areas").size()).isEqualTo(published.size());
        assertThat(protectedAreas).as("areas whose count is withheld or changed for the aggregate user").isPositive();
        // every read is audited; a level finer than an agreement allows is refused and the refusal audited
        assertThat(audited(councilUser, "aggregate-access", "allowed", "indicator-values", "indicator=" + id)).isPositive();
        long wardsOnlyId = admin.partner("Indicator ward council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        long wardsOnly = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(wardsOnlyId, "aggregate", "ward"));
        try {
            AdminApi.User wardAnalyst = admin.user(wardsOnlyId, "analyst");
            ApiClient.Reply lsoa = wardAnalyst.basic(port).get("/api/indicators/" + id + "/values?level=lsoa");
            assertThat(lsoa.status()).as("%s", lsoa).isEqualTo(403);
            assertThat(lsoa.json().path("type").asString()).isEqualTo("/problems/geography-not-allowed");
            assertThat(audited(wardAnalyst.username(), "denied", "denied", "indicator-values", "geography lsoa")).isPositive();
        } finally {
            admin.withdraw(wardsOnly);
        }
        // the police analyst, with record access, sees the truth for the same indicator
        JsonNode exact = police.getJson("/api/indicators/" + id + "/values");
        exact.path("areas").forEach(a -> assertThat(a.path("numerator").asLong()).isEqualTo(truth.get(a.path("code").asString())[0]));
    }

    @Test
    void someoneWithoutAccessDoesNotLearnTheIndicatorExists() {
        long id = define(police, body("Drugs per 100,000, 2022", crime, "rate-per-100000", List.of("Drugs"), null, null, "district"));
        for (String target : List.of("", "/values", "/series?area=E08000012", "/funnel")) {
            ApiClient.Reply reply = stranger.get("/api/indicators/" + id + target);
            assertThat(reply.status()).as(target + " " + reply).isEqualTo(404);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().path("type").asString()).isEqualTo("/problems/unknown-indicator");
        }
        assertThat(stranger.getJson("/api/indicators").valueStream().map(i -> i.path("id").asLong()).toList()).doesNotContain(id);
        ApiClient.Reply define = stranger.post("/api/indicators", body("Mine", crime, "count", List.of(), null, null, "lsoa"));
        assertThat(define.status()).isEqualTo(404);
        assertThat(define.json().path("type").asString()).isEqualTo("/problems/unknown-dataset");
    }

    @Test
    void badDefinitionsAndParametersAreSpecificProblemsAndSaveNothing() {
        long before = jdbc.sql("select count(*) from indicator").query(Long.class).single();
        List<Object[]> bad = List.of(
                new Object[] {body(null, crime, "count", List.of(), null, null, "lsoa"), 400, "invalid-request", "name"},
                new Object[] {body("x", "seven", "count", List.of(), null, null, "lsoa"), 400, "invalid-request", "datasetId"},
                new Object[] {body("x", crime, "per-head", List.of(), null, null, "lsoa"), 400, "invalid-request", "measure"},
                new Object[] {body("x", crime, "count", List.of(), null, null, "county"), 400, "invalid-request", "level"},
                new Object[] {body("x", crime, "count", List.of(), "2022-06", "2022-01", "lsoa"), 400, "invalid-request", "before"},
                new Object[] {body("x", crime, "count", List.of(), "June", null, "lsoa"), 400, "invalid-request", "YYYY-MM"},
                new Object[] {body("x", crime, "count", List.of("Piracy"), null, null, "lsoa"), 400, "unknown-category", "Piracy"},
                new Object[] {body("x", crime, "area-statistic", List.of(), null, null, "lsoa"), 400, "invalid-request", "statistic"},
                new Object[] {body("x", 987654321L, "count", List.of(), null, null, "lsoa"), 404, "unknown-dataset", "987654321"});
        for (Object[] c : bad) {
            ApiClient.Reply reply = police.post("/api/indicators", c[0]);
            assertThat(reply.status()).as("%s -> %s", c[0], reply).isEqualTo(c[1]);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().path("type").asString()).as("%s", c[0]).isEqualTo("/problems/" + c[2]);
            assertThat(reply.json().path("detail").asString()).as("%s", c[0]).contains((String) c[3]);
            assertThat(reply.body()).doesNotContain("select ", "Exception", "org.patchwork");
        }
        assertThat(jdbc.sql("select count(*) from indicator").query(Long.class).single()).isEqualTo(before);

        long id = define(police, body("Robbery count", crime, "count", List.of("Robbery"), null, null, "ward"));
        for (String target : List.of("/values?level=county", "/values?within=E99999999", "/series", "/series?area=nowhere", "/funnel")) {
            ApiClient.Reply reply = police.get("/api/indicators/" + id + target);
            assertThat(reply.status()).as(target + " " + reply).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
        }
        ApiClient.Reply missing = police.get("/api/indicators/987654321");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asString()).isEqualTo("/problems/unknown-indicator");
    }

    @Test
    void aSeriesCountsEachMonthQuarterAndYearAsSqlDoes() {
        long id = define(police, body("Violence per 1,000", crime, "rate-per-1000", List.of("Violence and sexual offences"),
                "2022-01", "2022-12", "ward"));
        String ward = jdbc.sql("select min(h.ward_code) from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = 'E08000012'").query(String.class).single();
        JsonNode series = police.getJson("/api/indicators/" + id + "/series?area=" + ward);
        assertThat(series.path("months").size()).isEqualTo(12);
        assertThat(series.path("quarters").size()).isEqualTo(4);
        assertThat(series.path("years").size()).isEqualTo(1);
        double[] counts = new double[12];
        double population = truth("ward", List.of("Violence and sexual offences"), "2022-01", "2022-01").get(ward)[1];
        for (int m = 1; m <= 12; m++) {
            String month = String.format("2022-%02d", m);
            JsonNode point = series.path("months").get(m - 1);
            assertThat(point.path("period").asString()).isEqualTo(month);
            long expected = truth("ward", List.of("Violence and sexual offences"), month, month).get(ward)[0];
            assertThat(point.path("numerator").asLong()).as(month).isEqualTo(expected);
            assertThat(point.path("denominator").asLong()).isEqualTo((long) population);
            counts[m - 1] = expected;
        }
        for (int q = 0; q < 4; q++) {
            assertThat(series.path("quarters").get(q).path("numerator").asLong())
                    .isEqualTo((long) (counts[3 * q] + counts[3 * q + 1] + counts[3 * q + 2]));
        }
        // the chi-square test for trend in rates (equal denominators), written out: E = mean count, scores 1..12
        double chiSquare = IndicatorsTruth.chiSquareForTrend(counts);
        assertThat(series.path("trend").path("months").path("chiSquare").asDouble()).isCloseTo(chiSquare, within(1e-9));
        assertThat(series.path("trend").path("years").path("tested").asBoolean()).isFalse();
    }

    @Test
    void aFunnelHasEveryAreaAndLimitsAroundThePartnershipRate() {
        long id = define(police, body("Burglary per 1,000, 2022, by MSOA", crime, "rate-per-1000", List.of("Burglary"),
                "2022-01", "2022-12", "msoa"));
        JsonNode funnel = police.getJson("/api/indicators/" + id + "/funnel");
        Map<String, long[]> truth = truth("msoa", List.of("Burglary"), "2022-01", "2022-12");
        assertThat(funnel.path("points").size()).isEqualTo(truth.size());
        long events = truth.values().stream().mapToLong(t -> t[0]).sum();
        long people = truth.values().stream().mapToLong(t -> t[1]).sum();
        assertThat(funnel.path("benchmark").path("value").asDouble()).isCloseTo(1000.0 * events / people, within(1e-9));
        JsonNode limits = funnel.path("limits");
        assertThat(limits.size()).isEqualTo(41);
        for (JsonNode limit : limits) {
            assertThat(limit.path("lower998").asDouble()).isLessThan(limit.path("lower95").asDouble());
            assertThat(limit.path("upper95").asDouble()).isLessThan(limit.path("upper998").asDouble());
        }
        // the funnel narrows as the population grows
        assertThat(limits.get(40).path("upper95").asDouble()).isLessThan(limits.get(0).path("upper95").asDouble());
    }

    @Test
    void anImdIndicatorGivesTheRankAsLoadedAgainstTheDistrictMean() {
        long imd = jdbc.sql("select id from dataset where slug = 'imd2019'").query(Long.class).single();
        Map<String, Object> body = body("IMD rank", imd, "area-statistic", null, null, null, "lsoa");
        body.put("statistic", "imd_rank");
        long id = define(police, body);
        JsonNode values = police.getJson("/api/indicators/" + id + "/values?within=E08000011");
        Map<String, Long> ranks = new HashMap<>();
        jdbc.sql("select i.lsoa_code, i.imd_rank from imd2019 i join lsoa_hierarchy h on h.lsoa_code = i.lsoa_code "
                + "join area a on a.level = 'lsoa' and a.code = i.lsoa_code where h.lad_code = 'E08000011'")
                .query(rs -> {
                    ranks.put(rs.getString(1), rs.getLong(2));
                });
        double mean = ranks.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        JsonNode district = null;
        for (JsonNode d : values.path("districts")) {
            if (d.path("code").asString().equals("E08000011")) {
                district = d;
            }
        }
        assertThat(district).isNotNull();
        assertThat(district.path("value").asDouble()).isCloseTo(mean, within(1e-6));
        assertThat(values.path("areas").size()).isEqualTo(ranks.size());
        for (JsonNode area : values.path("areas")) {
            long rank = ranks.get(area.path("code").asString());
            assertThat(area.path("value").asDouble()).isEqualTo((double) rank);
            assertThat(area.path("lower95").isMissingNode() || area.path("lower95").isNull()).isTrue();
            assertThat(area.path("comparison").path("district").asString()).isEqualTo(rank > mean ? "higher" : "lower");
        }
    }

    @Test
    void anAreaProfileListsTheIndicatorsTheViewerMaySeeWithTheSameValuesAndTheImdDomains() {
        long id = define(police, body("Criminal damage per 1,000, 2022", crime, "rate-per-1000", List.of("Criminal damage and arson"),
                "2022-01", "2022-12", "lsoa"));
        String lsoa = jdbc.sql("select min(h.lsoa_code) from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = 'E08000012'").query(String.class).single();
        JsonNode profile = police.getJson("/api/areas/" + lsoa + "/profile");
        assertThat(profile.path("area").path("level").asString()).isEqualTo("lsoa");
        JsonNode entry = null;
        for (JsonNode e : profile.path("indicators")) {
            if (e.path("indicator").path("id").asLong() == id) {
                entry = e;
            }
        }
        assertThat(entry).as("the new indicator is in the profile").isNotNull();
        JsonNode expected = null;
        for (JsonNode a : police.getJson("/api/indicators/" + id + "/values?within=E08000012").path("areas")) {
            if (a.path("code").asString().equals(lsoa)) {
                expected = a;
            }
        }
        long[] truth = truth("lsoa", List.of("Criminal damage and arson"), "2022-01", "2022-12").get(lsoa);
        assertThat(entry.path("value").path("numerator").asLong()).isEqualTo(truth[0]);
        assertThat(entry.path("value").path("denominator").asLong()).isEqualTo(truth[1]);
        for (String field : List.of("value", "lower95", "upper95", "lower998", "upper998")) {
            assertThat(entry.path("value").path(field).asDouble()).as(field).isEqualTo(expected.path(field).asDouble());
        }
        assertThat(entry.path("value").path("comparison")).isEqualTo(expected.path("comparison"));
        long rank = jdbc.sql("select imd_rank from imd2019 where lsoa_code = :code").param("code", lsoa).query(Long.class).single();
        assertThat(profile.path("deprivation").path("imd").path("rank").asLong()).isEqualTo(rank);

        assertThat(stranger.getJson("/api/areas/" + lsoa + "/profile").path("indicators").valueStream()
                .map(e -> e.path("indicator").path("id").asLong()).toList()).doesNotContain(id);
        ApiClient.Reply unknown = police.get("/api/areas/E99999999/profile");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).isEqualTo("/problems/unknown-area");
    }

    @Test
    void theOpenApiDescriptionHasTheIndicatorEndpoints() {
        JsonNode paths = police.getJson("/v3/api-docs").path("paths");
        for (String path : List.of("/api/indicators", "/api/indicators/{id}", "/api/indicators/{id}/values", "/api/indicators/{id}/series",
                "/api/indicators/{id}/funnel", "/api/areas/{code}/profile")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/indicators/{id}/values").path("get").path("summary").asString()).isEqualTo("An indicator's values by area");
    }

    long audited(String username, String action, String outcome, String output, String detail) {
        return jdbc.sql("select count(*) from audit_event where username = :user and action = :action and outcome = :outcome "
                        + "and output = :output and dataset_id = :dataset and detail like :detail")
                .param("user", username).param("action", action).param("outcome", outcome).param("output", output)
                .param("dataset", crime).param("detail", "%" + detail + "%").query(Long.class).single();
    }

    /** Code -> {events, population} for every area of the level, from the source tables. */
    Map<String, long[]> truth(String level, List<String> categories, String from, String to) {
        return new IndicatorsTruth(jdbc, crime).truth(level, categories, from, to);
    }

    /** Byar's limits for a count of 10 or more (PHE Technical Guide: Confidence intervals, 2018). */
    static double[] byar(long count, double z) {
        double o = count;
        double o1 = count + 1;
        return new double[] {o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3),
            o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3)};
    }

    static String side(double lower, double upper, double benchmark) {
        return lower > benchmark ? "higher" : upper < benchmark ? "lower" : "similar";
    }

    static Long number(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asLong();
    }
}
