package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
 * Two indicators side by side (burglary per 1,000 residents in 2022 against the IMD 2019 health domain rank, by
 * LSOA in Liverpool) and area profiles as JSON and CSV, on the real Merseyside data. The expected pairs and
 * correlations come from SQL on the source tables ({@code feature_event}, {@code lsoa_population},
 * {@code imd2019}) with PostgreSQL's {@code corr()}, Spearman's as {@code corr()} of average ranks.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorCompareIT {

    static final String LIVERPOOL = "E08000012";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    long crime;
    long imd;
    long agreement;
    ApiClient police;
    ApiClient council;
    String policeUser;
    ApiClient stranger;
    long burglary;
    long health;

    @BeforeAll
    void people() {
        admin = new AdminApi(port);
        crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        imd = jdbc.sql("select id from dataset where slug = 'imd2019'").query(Long.class).single();
        AdminApi.User policeAnalyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        police = policeAnalyst.basic(port);
        policeUser = policeAnalyst.username();
        long councilId = admin.partner("Compare council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        council = admin.user(councilId, "analyst").basic(port);
        stranger = admin.user(admin.partner("Compare stranger", "voluntary"), "analyst").basic(port);
        burglary = define(Map.of("name", "Burglary per 1,000, 2022, LSOA", "datasetId", crime, "measure", "rate-per-1000",
                "categories", List.of("Burglary"), "from", "2022-01", "to", "2022-12", "level", "lsoa"));
        health = define(Map.of("name", "Health deprivation rank", "datasetId", imd, "measure", "area-statistic",
                "statistic", "health_rank", "level", "lsoa"));
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    long define(Map<String, Object> body) {
        ApiClient.Reply reply = police.post("/api/indicators", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    /** LSOA -> {burglary rate per 1,000, health rank}, and n, Pearson and Spearman, all from SQL on the source. */
    static final String TRUTH = """
            with lsoa as (
                select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code where h.lad_code = :lad),
            ev as (
                select e.lsoa_code, count(*) as n from feature_event e
                where e.dataset_id = :dataset and e.category = 'Burglary' and e.month between '2022-01' and '2022-12' group by 1),
            pairs as (
                select l.lsoa_code, 1000.0 * coalesce(ev.n, 0) / p.total as x, i.health_rank::float8 as y
                from lsoa l join lsoa_population p on p.lsoa_code = l.lsoa_code join imd2019 i on i.lsoa_code = l.lsoa_code
                left join ev on ev.lsoa_code = l.lsoa_code
                where p.total > 0 and i.health_rank is not null),
            ranked as (
                select x, y, rank() over (order by x) + (count(*) over (partition by x) - 1) / 2.0 as rx,
                       rank() over (order by y) + (count(*) over (partition by y) - 1) / 2.0 as ry
                from pairs)
            """;

    @Test
    void aRecordLevelAnalystsPairsAndCorrelationsAreThoseOfSqlOnTheSource() {
        JsonNode body = police.getJson("/api/indicators/compare?x=" + burglary + "&y=" + health + "&within=" + LIVERPOOL);
        assertThat(body.path("level").asString()).isEqualTo("lsoa");
        assertThat(body.path("x").path("disclosure").path("access").asString()).isEqualTo("record");

        Map<String, double[]> pairs = new HashMap<>();
        jdbc.sql(TRUTH + "select lsoa_code, x, y from pairs").param("lad", LIVERPOOL).param("dataset", crime)
                .query(rs -> {
                    pairs.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                });
        assertThat(pairs).hasSizeGreaterThan(250);
        assertThat(body.path("areas").size()).isEqualTo(pairs.size());
        for (JsonNode area : body.path("areas")) {
            double[] truth = pairs.get(area.path("code").asString());
            assertThat(truth).as(area.path("code").asString()).isNotNull();
            assertThat(area.path("x").path("value").asDouble()).isCloseTo(truth[0], within(1e-9));
            assertThat(area.path("y").path("value").asDouble()).isEqualTo(truth[1]);
        }
        Map<String, Object> sql = jdbc.sql(TRUTH + "select count(*) as n, corr(x, y) as pearson, corr(rx, ry) as spearman from ranked")
                .param("lad", LIVERPOOL).param("dataset", crime).query().singleRow();
        assertThat(body.path("pearson").path("n").asLong()).isEqualTo(((Number) sql.get("n")).longValue());
        assertThat(body.path("pearson").path("r").asDouble()).isCloseTo(((Number) sql.get("pearson")).doubleValue(), within(1e-10));
        assertThat(body.path("spearman").path("r").asDouble()).isCloseTo(((Number) sql.get("spearman")).doubleValue(), within(1e-10));
        // more burglary where health deprivation is worse (rank 1 is the most deprived): a negative correlation
        assertThat(body.path("spearman").path("r").asDouble()).isNegative();
        JsonNode pearson = body.path("pearson");
        assertThat(pearson.path("lower95").asDouble()).isLessThan(pearson.path("r").asDouble());
        assertThat(pearson.path("upper95").asDouble()).isGreaterThan(pearson.path("r").asDouble());
        assertThat(pearson.path("pValue").asDouble()).isBetween(0.0, 1.0);
        assertThat(jdbc.sql("select count(*) from audit_event where username = :user and output = 'indicator-compare' and detail like :d")
                .param("user", policeUser).param("d", "x=" + burglary + " y=" + health + "%").query(Long.class).single()).isPositive();
    }

    @Test
    void anAggregateUsersScatterIsMadeOfTheCountsPublishedToThemAndItsCorrelationOfThose() {
        JsonNode body = council.getJson("/api/indicators/compare?x=" + burglary + "&y=" + health + "&within=" + LIVERPOOL);
        assertThat(body.path("x").path("disclosure").path("access").asString()).isEqualTo("aggregate");
        JsonNode counts = council.getJson("/api/datasets/" + crime + "/counts?level=lsoa&category=Burglary&from=2022-01&to=2022-12");
        Map<String, Long> published = new HashMap<>();
        counts.path("areas").forEach(a -> published.put(a.path("code").asString(), a.path("count").isNumber() ? a.path("count").asLong() : null));
        int n = body.path("areas").size();
        double[] x = new double[n];
        double[] y = new double[n];
        int i = 0;
        for (JsonNode area : body.path("areas")) {
            String code = area.path("code").asString();
            assertThat(area.path("x").path("numerator").asLong()).as(code).isEqualTo(published.get(code));
            x[i] = area.path("x").path("value").asDouble();
            assertThat(x[i]).isCloseTo(1000.0 * published.get(code) / area.path("x").path("denominator").asLong(), within(1e-9));
            y[i++] = area.path("y").path("value").asDouble();
        }
        assertThat(n + body.path("unpaired").size()).isGreaterThan(250);
        // Pearson's r of the published pairs, written out here (two-pass sums)
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        assertThat(body.path("pearson").path("n").asInt()).isEqualTo(n);
        assertThat(body.path("pearson").path("r").asDouble()).isCloseTo(sxy / Math.sqrt(sxx * syy), within(1e-10));
    }

    @Test
    void badOrForbiddenComparisonsAreSpecificProblems() {
        Map<String, String> bad = Map.of(
                "/api/indicators/compare?y=" + health, "invalid-parameter",
                "/api/indicators/compare?x=seven&y=" + health, "invalid-parameter",
                "/api/indicators/compare?x=" + burglary + "&y=" + health + "&within=E99999999", "invalid-parameter",
                "/api/indicators/compare?x=" + burglary + "&y=" + health + "&level=county", "invalid-parameter",
                "/api/indicators/compare?x=" + burglary + "&y=" + health + "&level=ward", "invalid-parameter");
        bad.forEach((target, type) -> {
            ApiClient.Reply reply = police.get(target);
            assertThat(reply.status()).as("%s %s", target, reply).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).as(target).isEqualTo("/problems/" + type);
            assertThat(reply.body()).doesNotContain("Exception", "org.patchwork", "select ");
        });
        ApiClient.Reply missing = police.get("/api/indicators/compare?x=987654321&y=" + health);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asString()).isEqualTo("/problems/unknown-indicator");
        ApiClient.Reply hidden = stranger.get("/api/indicators/compare?x=" + burglary + "&y=" + health);
        assertThat(hidden.status()).as("%s", hidden).isEqualTo(404);
        assertThat(hidden.json().path("type").asString()).isEqualTo("/problems/unknown-indicator");
    }

    @Test
    void aProfileHasTheSpreadSeriesAndTheSameContentAsCsv() throws Exception {
        String lsoa = jdbc.sql("select min(h.lsoa_code) from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = :lad").param("lad", LIVERPOOL).query(String.class).single();
        JsonNode profile = police.getJson("/api/areas/" + lsoa + "/profile");
        JsonNode entry = null;
        for (JsonNode e : profile.path("indicators")) {
            if (e.path("indicator").path("id").asLong() == burglary) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("series").asString()).isEqualTo("/api/indicators/" + burglary + "/series?area=" + lsoa);
        // the spread over every LSOA of the partnership, from SQL: lowest, highest and the count of areas
        Map<String, Object> spread = jdbc.sql("""
                with ev as (select e.lsoa_code, count(*) as n from feature_event e where e.dataset_id = :dataset
                            and e.category = 'Burglary' and e.month between '2022-01' and '2022-12' group by 1),
                rates as (select 1000.0 * coalesce(ev.n, 0) / p.total as r from area a join lsoa_population p on p.lsoa_code = a.code
                          left join ev on ev.lsoa_code = a.code where a.level = 'lsoa' and p.total > 0)
                select count(*) as n, min(r) as lo, max(r) as hi, percentile_cont(0.5) within group (order by r) as median,
                       percentile_cont(0.25) within group (order by r) as q25 from rates""")
                .param("dataset", crime).query().singleRow();
        JsonNode s = entry.path("spread");
        assertThat(s.path("n").asLong()).isEqualTo(((Number) spread.get("n")).longValue());
        assertThat(s.path("min").asDouble()).isCloseTo(((Number) spread.get("lo")).doubleValue(), within(1e-9));
        assertThat(s.path("max").asDouble()).isCloseTo(((Number) spread.get("hi")).doubleValue(), within(1e-9));
        assertThat(s.path("median").asDouble()).isCloseTo(((Number) spread.get("median")).doubleValue(), within(1e-9));
        assertThat(s.path("q25").asDouble()).isCloseTo(((Number) spread.get("q25")).doubleValue(), within(1e-9));

        ApiClient.Reply csv = police.get("/api/areas/" + lsoa + "/profile?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("profile-" + lsoa + ".csv");
        assertThat(police.get("/api/areas/" + lsoa + "/profile?f=csv").body()).isEqualTo(csv.body());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        List<CSVRecord> indicatorRows = rows.stream().filter(r -> r.get("kind").equals("indicator")).toList();
        assertThat(indicatorRows).hasSize(profile.path("indicators").size());
        for (JsonNode e : profile.path("indicators")) {
            CSVRecord row = indicatorRows.stream().filter(r -> r.get("indicator_id").equals(e.path("indicator").path("id").asString()))
                    .findFirst().orElseThrow();
            assertThat(row.get("area_code")).isEqualTo(lsoa);
            if (e.has("value") && e.path("value").path("value").isNumber()) {
                assertThat(Double.parseDouble(row.get("value"))).isEqualTo(e.path("value").path("value").asDouble());
                assertThat(row.get("vs_district")).isEqualTo(e.path("value").path("comparison").path("district").asString());
            } else {
                assertThat(row.get("value")).isEmpty();
            }
        }
        List<CSVRecord> domains = rows.stream().filter(r -> r.get("kind").equals("imd2019")).toList();
        assertThat(domains).hasSize(8);
        long rank = jdbc.sql("select health_rank from imd2019 where lsoa_code = :c").param("c", lsoa).query(Long.class).single();
        assertThat(domains.stream().filter(r -> r.get("indicator").equals("health")).findFirst().orElseThrow().get("rank"))
                .isEqualTo(String.valueOf(rank));

        ApiClient.Reply wrong = police.get("/api/areas/" + lsoa + "/profile?format=xml");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("type").asString()).isEqualTo("/problems/invalid-parameter");
    }

    @Test
    void theOpenApiDescriptionHasTheCompareEndpoint() {
        assertThat(police.getJson("/v3/api-docs").path("paths").has("/api/indicators/compare")).isTrue();
    }
}
