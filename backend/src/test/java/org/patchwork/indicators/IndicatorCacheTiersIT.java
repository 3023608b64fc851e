package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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
 * Indicator values are kept per access tier (indicators.IndicatorTables): after a record-level reader has made
 * the exact table, a reader with aggregate access to the same indicator must get the protected counts the counts
 * API gives them (never the kept exact ones), in the values, one district of them, the series and the profile;
 * and an agreement that stops at wards is refused LSOAs although an LSOA table is kept. Exact figures are SQL
 * on the source tables (IndicatorsTruth).
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorCacheTiersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    long crime;
    long councilAgreement;
    long wardAgreement;
    ApiClient police;
    ApiClient council;
    ApiClient wardCouncil;

    @BeforeAll
    void people() {
        admin = new AdminApi(port);
        crime = jdbc.sql("select id from dataset where slug = :slug").param("slug", IndicatorsIT.CRIME).query(Long.class).single();
        police = admin.user(admin.partnerId("Merseyside Police"), "analyst").basic(port);
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        long councilId = admin.partner("Cache tiers council", "council");
        councilAgreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        council = admin.user(councilId, "analyst").basic(port);
        long wardId = admin.partner("Cache tiers ward council", "council");
        wardAgreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(wardId, "aggregate", "ward"));
        wardCouncil = admin.user(wardId, "analyst").basic(port);
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(councilAgreement);
        admin.withdraw(wardAgreement);
    }

    @Test
    void aLesserTierNeverGetsTheKeptExactTable() {
        ApiClient.Reply defined = police.post("/api/indicators", IndicatorsIT.body("Bicycle theft, 2022 (cache tiers)", crime,
                "count", List.of("Bicycle theft"), "2022-01", "2022-12", "lsoa"));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        long id = defined.json().path("id").asLong();
        String values = "/api/indicators/" + id + "/values";
        Map<String, long[]> truth = new IndicatorsTruth(jdbc, crime).truth("lsoa", List.of("Bicycle theft"), "2022-01", "2022-12");

        // the record-level reader first: the kept table is the exact one
        JsonNode exact = police.getJson(values);
        exact.path("areas").forEach(a -> assertThat(a.path("numerator").asLong()).isEqualTo(truth.get(a.path("code").asString())[0]));
        police.getJson(values + "?within=E08000012");

        // then the aggregate reader: every numerator is the protected count the counts API gives them
        Map<String, Long> published = new HashMap<>();
        council.getJson("/api/datasets/" + crime + "/counts?level=lsoa&category=Bicycle%20theft&from=2022-01&to=2022-12")
                .path("areas").forEach(a -> published.put(a.path("code").asString(), IndicatorsIT.number(a.path("count"))));
        JsonNode aggregate = council.getJson(values);
        assertThat(aggregate.path("disclosure").path("access").asString()).isEqualTo("aggregate");
        int differ = 0;
        for (JsonNode area : aggregate.path("areas")) {
            String code = area.path("code").asString();
            assertThat(IndicatorsIT.number(area.path("numerator"))).as(code).isEqualTo(published.get(code));
            if (!Long.valueOf(truth.get(code)[0]).equals(IndicatorsIT.number(area.path("numerator")))) {
                differ++;
            }
        }
        assertThat(differ).as("areas whose protected count is not the exact one").isPositive();
        for (JsonNode area : council.getJson(values + "?within=E08000012").path("areas")) {
            assertThat(IndicatorsIT.number(area.path("numerator"))).as(area.path("code").asString())
                    .isEqualTo(published.get(area.path("code").asString()));
        }

        // a profile and a series read by the aggregate reader after the record-level reader: protected too
        String lsoa = aggregate.path("areas").get(0).path("code").asString();
        police.getJson("/api/areas/" + lsoa + "/profile");
        JsonNode profile = council.getJson("/api/areas/" + lsoa + "/profile");
        for (JsonNode entry : profile.path("indicators")) {
            if (entry.path("indicator").path("id").asLong() == id) {
                assertThat(IndicatorsIT.number(entry.path("value").path("numerator"))).isEqualTo(published.get(lsoa));
            }
        }
        police.getJson("/api/indicators/" + id + "/series?area=" + lsoa);
        JsonNode series = council.getJson("/api/indicators/" + id + "/series?area=" + lsoa);
        assertThat(IndicatorsIT.number(series.path("years").get(0).path("numerator"))).isEqualTo(published.get(lsoa));
        JsonNode march = council.getJson("/api/datasets/" + crime + "/counts?level=lsoa&category=Bicycle%20theft&from=2022-03&to=2022-03");
        for (JsonNode area : march.path("areas")) {
            if (area.path("code").asString().equals(lsoa)) {
                assertThat(IndicatorsIT.number(series.path("months").get(2).path("numerator")))
                        .isEqualTo(IndicatorsIT.number(area.path("count")));
            }
        }

        // an agreement that stops at wards is refused LSOAs, kept table or not, and gets its own ward table
        ApiClient.Reply refused = wardCouncil.get(values);
        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/geography-not-allowed");
        JsonNode wards = wardCouncil.getJson(values + "?level=ward");
        assertThat(wards.path("level").asString()).isEqualTo("ward");
        assertThat(wards.path("disclosure").path("levels").toString()).doesNotContain("lsoa");
    }
    /**
     * A kept table's values are compressed once for every request that accepts gzip: each tier's compressed body
     * is byte for byte the body it gets without compression, and the aggregate tier's never holds the exact counts.
     */
    @Test
    void theCompressedValuesAreEachTiersOwnBody() throws Exception {
        ApiClient.Reply defined = police.post("/api/indicators", IndicatorsIT.body("Shoplifting, 2022 (compressed values)", crime,
                "count", List.of("Shoplifting"), "2022-01", "2022-12", "lsoa"));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        long id = defined.json().path("id").asLong();
        Map<String, long[]> truth = new IndicatorsTruth(jdbc, crime).truth("lsoa", List.of("Shoplifting"), "2022-01", "2022-12");

        for (String query : List.of("", "?within=E08000012")) {
            String values = "/api/indicators/" + id + "/values" + query;
            for (ApiClient reader : List.of(police, council)) {
                var compressed = reader.getBytes(values, "Accept-Encoding", "gzip");
                var plain = reader.getBytes(values, "Accept-Encoding", "gzip;q=0");
                assertThat(compressed.statusCode()).isEqualTo(200);
                assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
                assertThat(plain.headers().firstValue("Content-Encoding")).as("q=0 refuses gzip").isEmpty();
                byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed.body())).readAllBytes();
                assertThat(new String(unzipped, java.nio.charset.StandardCharsets.UTF_8)).as("%s %s", reader, values)
                        .isEqualTo(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            JsonNode aggregate = new tools.jackson.databind.ObjectMapper().readTree(new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(council.getBytes(values, "Accept-Encoding", "gzip").body())));
            JsonNode exact = new tools.jackson.databind.ObjectMapper().readTree(new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(police.getBytes(values, "Accept-Encoding", "gzip").body())));
            exact.path("areas").forEach(a -> assertThat(a.path("numerator").asLong()).isEqualTo(truth.get(a.path("code").asString())[0]));
            assertThat(aggregate.path("disclosure").path("exact").asBoolean()).isFalse();
            long differing = 0;
            for (JsonNode area : aggregate.path("areas")) {
                if (!area.path("numerator").isNull() && area.path("numerator").asLong() != truth.get(area.path("code").asString())[0]) {
                    differing++;
                }
            }
            assertThat(differing).as("perturbed counts in the aggregate reader's compressed body (%s)", values).isPositive();
        }
    }
}
