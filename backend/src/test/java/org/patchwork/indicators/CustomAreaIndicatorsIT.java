package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.uploads.UploadClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Indicators for custom areas beyond a single value: the series of a rate by month, quarter and year (counts
 * from SQL on {@code feature_event} over the area's LSOAs, population from {@code lsoa_population}, Byar's limits
 * and the chi-square test for trend written out here), and area statistics combined from their LSOAs: a score
 * as the population-weighted mean (hand-worked from a file written here and checked again by SQL on
 * {@code area_statistic}), a count as the sum, a rank or decile refused with {@code not-averageable}.
 */
@PatchworkIntegrationTest
class CustomAreaIndicatorsIT {

    static final String LIVERPOOL = "E08000012";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    ApiClient police() {
        AdminApi admin = new AdminApi(port);
        return admin.user(admin.partnerId("Merseyside Police"), "analyst").basic(port);
    }

    List<String> liverpoolLsoas(int n) {
        return jdbc.sql("select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = :lad order by h.lsoa_code limit :n").param("lad", LIVERPOOL).param("n", n).query(String.class).list();
    }

    long population(List<String> lsoas) {
        return jdbc.sql("select sum(total) from lsoa_population where lsoa_code = any(cast(:codes as text[]))")
                .param("codes", "{" + String.join(",", lsoas) + "}").query(Long.class).single();
    }

    long events(long dataset, List<String> lsoas, String category, String from, String to) {
        return jdbc.sql("select count(*) from feature_event where dataset_id = :d and category = :c and month between :f and :t "
                        + "and lsoa_code = any(cast(:codes as text[]))")
                .param("d", dataset).param("c", category).param("f", from).param("t", to)
                .param("codes", "{" + String.join(",", lsoas) + "}").query(Long.class).single();
    }

    String customArea(ApiClient client, String name, List<String> lsoas) {
        return client.postJson("/api/custom-areas", Map.of("name", name + " " + System.nanoTime(), "lsoas", lsoas)).path("code").asString();
    }

    long define(ApiClient client, Map<String, Object> body) {
        return client.json(201, client.post("/api/indicators", body)).path("id").asLong();
    }

    @Test
    void aCustomAreasSeriesCountsItsLsoasEventsEachMonthQuarterAndYearAsSqlDoes() {
        ApiClient police = police();
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        String category = "Violence and sexual offences";
        long id = define(police, Map.of("name", "Violence per 1,000 (custom series)", "datasetId", crime, "measure", "rate-per-1000",
                "categories", List.of(category), "from", "2022-01", "to", "2022-12", "level", "lsoa"));
        List<String> lsoas = liverpoolLsoas(20);
        String code = customArea(police, "Twenty Liverpool LSOAs", lsoas);
        long people = population(lsoas);

        JsonNode series = police.getJson("/api/indicators/" + id + "/series?area=" + code);
        assertThat(series.path("area").path("code").asString()).isEqualTo(code);
        assertThat(series.path("area").path("level").asString()).isEqualTo("custom");
        assertThat(series.path("area").path("district").asString()).isEqualTo(LIVERPOOL);
        assertThat(series.path("months").size()).isEqualTo(12);
        assertThat(series.path("quarters").size()).isEqualTo(4);
        assertThat(series.path("years").size()).isEqualTo(1);
        double[] counts = new double[12];
        for (int m = 1; m <= 12; m++) {
            String month = String.format("2022-%02d", m);
            JsonNode point = series.path("months").get(m - 1);
            long expected = events(crime, lsoas, category, month, month);
            assertThat(point.path("period").asString()).isEqualTo(month);
            assertThat(point.path("numerator").asLong()).as(month).isEqualTo(expected);
            assertThat(point.path("denominator").asLong()).isEqualTo(people);
            assertThat(point.path("value").asDouble()).isCloseTo(1000.0 * expected / people, within(1e-9));
            counts[m - 1] = expected;
        }
        for (int q = 0; q < 4; q++) {
            long expected = events(crime, lsoas, category, String.format("2022-%02d", 3 * q + 1), String.format("2022-%02d", 3 * q + 3));
            assertThat(series.path("quarters").get(q).path("period").asString()).isEqualTo("2022-Q" + (q + 1));
            assertThat(series.path("quarters").get(q).path("numerator").asLong()).isEqualTo(expected)
                    .isEqualTo((long) (counts[3 * q] + counts[3 * q + 1] + counts[3 * q + 2]));
        }
        long year = events(crime, lsoas, category, "2022-01", "2022-12");
        assertThat(year).as("enough events for Byar's formula").isGreaterThanOrEqualTo(10);
        JsonNode whole = series.path("years").get(0);
        assertThat(whole.path("numerator").asLong()).isEqualTo(year);
        double[] ci95 = IndicatorsIT.byar(year, IndicatorsIT.Z95);
        double[] ci998 = IndicatorsIT.byar(year, IndicatorsIT.Z998);
        assertThat(whole.path("value").asDouble()).isCloseTo(1000.0 * year / people, within(1e-9));
        assertThat(whole.path("lower95").asDouble()).isCloseTo(1000.0 * ci95[0] / people, within(1e-9));
        assertThat(whole.path("upper95").asDouble()).isCloseTo(1000.0 * ci95[1] / people, within(1e-9));
        assertThat(whole.path("lower998").asDouble()).isCloseTo(1000.0 * ci998[0] / people, within(1e-9));
        assertThat(whole.path("upper998").asDouble()).isCloseTo(1000.0 * ci998[1] / people, within(1e-9));

        // the chi-square test for trend in rates (equal denominators), written out: E = mean count, scores 1..12
        double chiSquare = IndicatorsTruth.chiSquareForTrend(counts);
        assertThat(series.path("trend").path("months").path("chiSquare").asDouble()).isCloseTo(chiSquare, within(1e-9));
        assertThat(series.path("trend").path("years").path("tested").asBoolean()).isFalse();

        // the same year as the custom area's value, and its profile links to this series
        JsonNode values = police.getJson("/api/indicators/" + id + "/values?level=custom&within=" + LIVERPOOL);
        JsonNode mine = null;
        for (JsonNode area : values.path("areas")) {
            if (area.path("code").asString().equals(code)) {
                mine = area;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("numerator").asLong()).isEqualTo(year);
        JsonNode profile = police.getJson("/api/areas/" + code + "/profile");
        JsonNode entry = entry(profile, id);
        assertThat(entry.path("series").asString()).isEqualTo("/api/indicators/" + id + "/series?area=" + code);

        // an unknown custom area is a 400 naming the parameter, not a server error
        ApiClient.Reply unknown = police.get("/api/indicators/" + id + "/series?area=custom-999999999");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("type").asString()).isEqualTo("/problems/invalid-parameter");
    }

    @Test
    void anAreaStatisticForACustomAreaIsThePopulationWeightedMeanOfItsLsoasACountTheirSumAndARankIsRefused() throws Exception {
        ApiClient police = police();
        List<String> lsoas = liverpoolLsoas(4);
        String a = lsoas.get(0);
        String b = lsoas.get(1);
        String c = lsoas.get(2);
        String absent = lsoas.get(3);   // not in the file: no value
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, "lsoa11cd,deprivation_score,households,deprivation_decile\n"
                + a + ",10.5,100,2\n" + b + ",40.25,250,9\n" + c + ",25,80,5\n");
        JsonNode done = UploadClient.ofPartner(port, "Merseyside Police").load(file, Map.of("title", "Custom area scores IT "
                + System.nanoTime(), "theme", "other", "publishValidRows", true));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        long dataset = done.path("result").path("datasetId").asLong();
        long score = define(police, Map.of("name", "Deprivation score (custom)", "datasetId", dataset, "measure", "area-statistic",
                "statistic", "deprivation_score", "level", "lsoa"));
        long households = define(police, Map.of("name", "Households (custom)", "datasetId", dataset, "measure", "area-statistic",
                "statistic", "households", "level", "lsoa"));
        long decile = define(police, Map.of("name", "Deprivation decile (custom)", "datasetId", dataset, "measure", "area-statistic",
                "statistic", "deprivation_decile", "level", "lsoa"));

        String ab = customArea(police, "Two scored LSOAs", List.of(a, b));
        String withAbsent = customArea(police, "A scored and an unscored LSOA", List.of(a, absent));
        long pa = population(List.of(a));
        long pb = population(List.of(b));
        long pc = population(List.of(c));
        // hand-worked: Σ score × population / Σ population
        double expected = (10.5 * pa + 40.25 * pb) / (pa + pb);
        // and again by SQL on the published statistics and the population table
        double sql = jdbc.sql("""
                select sum((s.measures ->> 'deprivation_score')::float8 * p.total) / sum(p.total)
                from area_statistic s join dataset d on d.id = s.dataset_id and d.current_version_id = s.version_id
                join lsoa_population p on p.lsoa_code = s.area_code
                where s.dataset_id = :d and s.area_code in (:a, :b)""").param("d", dataset).param("a", a).param("b", b)
                .query(Double.class).single();
        assertThat(sql).isCloseTo(expected, within(1e-9));

        JsonNode values = police.getJson("/api/indicators/" + score + "/values?level=custom&within=" + LIVERPOOL);
        assertThat(values.path("level").asString()).isEqualTo("custom");
        JsonNode two = area(values, ab);
        assertThat(two.path("value").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(two.path("denominator").asLong()).isEqualTo(pa + pb);
        // the district's comparator is the same weighted mean over its scored LSOAs (a, b, c)
        double district = (10.5 * pa + 40.25 * pb + 25 * pc) / (pa + pb + pc);
        JsonNode liverpool = null;
        for (JsonNode d : values.path("districts")) {
            if (d.path("code").asString().equals(LIVERPOOL)) {
                liverpool = d;
            }
        }
        assertThat(liverpool).isNotNull();
        assertThat(liverpool.path("value").asDouble()).isCloseTo(district, within(1e-9));
        assertThat(two.path("comparison").path("district").asString()).isEqualTo(expected > district ? "higher" : "lower");
        JsonNode partial = area(values, withAbsent);
        assertThat(partial.path("value").isNull() || partial.path("value").isMissingNode()).as("%s", partial).isTrue();
        assertThat(partial.path("disclosure").path("reason").asString()).contains(absent, "missing");

        // a count is the sum of its LSOAs' values
        JsonNode sum = area(police.getJson("/api/indicators/" + households + "/values?level=custom&within=" + LIVERPOOL), ab);
        assertThat(sum.path("value").asDouble()).isEqualTo(350.0);

        // a decile is refused, saying why
        ApiClient.Reply refused = police.get("/api/indicators/" + decile + "/values?level=custom");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/not-averageable");
        assertThat(refused.json().path("detail").asString()).contains("deprivation_decile", "cannot be averaged");
        ApiClient.Reply imd = police.get("/api/indicators/" + define(police, Map.of("name", "IMD rank (custom)", "datasetId",
                jdbc.sql("select id from dataset where slug = 'imd2019'").query(Long.class).single(), "measure", "area-statistic",
                "statistic", "imd_rank", "level", "lsoa")) + "/values?level=custom");
        assertThat(imd.status()).isEqualTo(400);
        assertThat(imd.json().path("type").asString()).isEqualTo("/problems/not-averageable");

        // the custom area's profile shows the score and says why the decile has no value
        JsonNode profile = police.getJson("/api/areas/" + ab + "/profile");
        assertThat(entry(profile, score).path("value").path("value").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(entry(profile, decile).path("unavailable").asString()).contains("cannot be averaged");
    }

    private static JsonNode area(JsonNode values, String code) {
        List<String> seen = new ArrayList<>();
        for (JsonNode area : values.path("areas")) {
            if (area.path("code").asString().equals(code)) {
                return area;
            }
            seen.add(area.path("code").asString());
        }
        throw new AssertionError(code + " not among " + seen);
    }

    private static JsonNode entry(JsonNode profile, long id) {
        for (JsonNode entry : profile.path("indicators")) {
            if (entry.path("indicator").path("id").asLong() == id) {
                return entry;
            }
        }
        throw new AssertionError("indicator " + id + " not in the profile");
    }
}
