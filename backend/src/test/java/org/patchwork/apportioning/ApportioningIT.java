package org.patchwork.apportioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.sql.SqlScripts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Areal apportioning (sql/apportioning/apportion.sql, the query the API runs) on a hand-made pair of
 * overlapping geographies, in metres:
 * <pre>
 *   sources  S1 = [0,2]×[0,2] (area 4): count 100, rate 10      S2 = [2,4]×[0,2] (area 4): count 40, rate 30
 *   targets  T1 = [1,3]×[0,2]: half of S1 (2 m²) and half of S2 (2 m²)
 *            T2 = [0,1]×[0,1]: a quarter of S1 (1 m²)
 *            T3 = [3,5]×[1,3]: a quarter of S2 (1 m²), the rest (3 m²) outside every source
 *            T4 = [9,10]×[9,10]: touches no source
 * </pre>
 * Worked by hand: extensive T1 = 100×2/4 + 40×2/4 = 70, T2 = 100×1/4 = 25, T3 = 40×1/4 = 10; intensive (area-weighted
 * mean over the covered part) T1 = (10×2 + 30×2)/4 = 20, T2 = 10, T3 = 30; coverage T1 = 4/4 = 1, T2 = 1/1 = 1,
 * T3 = 1/4 = 0.25, T4 = 0 with no value.
 */
@PatchworkIntegrationTest
class ApportioningIT {

    static final String SOURCES = """
            select id, value, ST_GeomFromText(wkt, 27700) as geom from (values
              ('S1', cast({{column}} as double precision), 'POLYGON((0 0,2 0,2 2,0 2,0 0))'),
              ('S2', cast({{other}} as double precision), 'POLYGON((2 0,4 0,4 2,2 2,2 0))')) s(id, value, wkt)""";
    static final String TARGETS = """
            select code, code as name, ST_GeomFromText(wkt, 27700) as geom from (values
              ('T1', 'POLYGON((1 0,3 0,3 2,1 2,1 0))'), ('T2', 'POLYGON((0 0,1 0,1 1,0 1,0 0))'),
              ('T3', 'POLYGON((3 1,5 1,5 3,3 3,3 1))'), ('T4', 'POLYGON((9 9,10 9,10 10,9 10,9 9))')) t(code, wkt)""";

    @Autowired
    JdbcClient jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private Map<String, Double[]> run(String first, String second) {
        String sql = SqlScripts.load("apportioning/apportion", Map.of("sources", SOURCES.replace("{{column}}", first)
                .replace("{{other}}", second), "targets", TARGETS));
        Map<String, Double[]> rows = new java.util.TreeMap<>();
        jdbc.sql(sql).query(rs -> {
            rows.put(rs.getString("code"), new Double[] {(Double) rs.getObject("extensive", Double.class),
                (Double) rs.getObject("intensive", Double.class), rs.getDouble("coverage")});
        });
        return rows;
    }

    @Test
    void countsAreSharedByAreaAndRatesAveragedByArea() {
        Map<String, Double[]> counts = run("100", "40");
        assertThat(counts.keySet()).containsExactly("T1", "T2", "T3", "T4");
        assertThat(counts.get("T1")[0]).isCloseTo(70.0, within(1e-9));
        assertThat(counts.get("T2")[0]).isCloseTo(25.0, within(1e-9));
        assertThat(counts.get("T3")[0]).isCloseTo(10.0, within(1e-9));
        assertThat(counts.get("T4")[0]).isNull();
        assertThat(List.of(counts.get("T1")[2], counts.get("T2")[2], counts.get("T3")[2], counts.get("T4")[2]))
                .containsExactly(1.0, 1.0, 0.25, 0.0);

        Map<String, Double[]> rates = run("10", "30");
        assertThat(rates.get("T1")[1]).isCloseTo(20.0, within(1e-9));
        assertThat(rates.get("T2")[1]).isCloseTo(10.0, within(1e-9));
        assertThat(rates.get("T3")[1]).isCloseTo(30.0, within(1e-9));
        assertThat(rates.get("T4")[1]).isNull();
    }

    @Test
    void aSourceWithNoValueIsLeftOutOfBoth() {
        Map<String, Double[]> rows = run("null", "30");
        assertThat(rows.get("T1")[0]).isCloseTo(15.0, within(1e-9));   // 30 × 2/4
        assertThat(rows.get("T1")[1]).isCloseTo(30.0, within(1e-9));   // only S2's half is covered by a value
        assertThat(rows.get("T1")[2]).isCloseTo(0.5, within(1e-9));
        assertThat(rows.get("T2")[0]).isNull();
    }

    /**
     * Through the API, statistics by district (uploaded here) apportioned onto the districts themselves: each district
     * is wholly covered by its own polygon and meets the others only along shared edges (no area), so a count comes back
     * as itself and so does a rate; the requested kind overrides the default, and bad requests are refused.
     */
    @Test
    void districtStatisticsApportionedOntoDistrictsComeBackAsThemselves() throws java.io.IOException {
        java.nio.file.Path csv = dir.resolve("district-statistics.csv");
        java.nio.file.Files.writeString(csv, """
                lad21cd,households,crime_rate
                E08000011,1000,12.5
                E08000012,2000,30.25
                E08000013,3000,7.5
                E08000014,4000,9.75
                E08000015,5000,11
                """);
        org.patchwork.uploads.UploadClient owner = org.patchwork.uploads.UploadClient.ofPartner(port, "Merseyside Police");
        tools.jackson.databind.JsonNode job = owner.load(csv, Map.of("title", org.patchwork.AdminApi.unique("Apportioning by district"),
                "theme", "other"));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        long id = job.path("result").path("datasetId").asLong();
        org.patchwork.ApiClient api = owner.api();
        Map<String, Double> expected = Map.of("E08000011", 1000.0, "E08000012", 2000.0, "E08000013", 3000.0, "E08000014", 4000.0,
                "E08000015", 5000.0);

        tools.jackson.databind.JsonNode counts = api.getJson("/api/datasets/" + id + "/apportioned?to=district&measure=households");
        assertThat(counts.path("kind").asString()).isEqualTo("extensive");
        assertThat(counts.path("from").asString()).isEqualTo("district");
        Map<String, Double> got = new java.util.TreeMap<>();
        counts.path("areas").forEach(a -> {
            got.put(a.path("code").asString(), a.path("value").asDouble());
            assertThat(a.path("coverage").asDouble()).as(a.path("code").asString()).isCloseTo(1.0, within(1e-6));
        });
        assertThat(got.keySet()).isEqualTo(expected.keySet());
        expected.forEach((code, value) -> assertThat(got.get(code)).as(code).isCloseTo(value, within(value * 1e-6)));

        tools.jackson.databind.JsonNode rates = api.getJson("/api/datasets/" + id + "/apportioned?to=district&measure=crime_rate");
        assertThat(rates.path("kind").asString()).isEqualTo("intensive");
        assertThat(rates.path("areas").valueStream().filter(a -> a.path("code").asString().equals("E08000012")).findFirst().orElseThrow()
                .path("value").asDouble()).isCloseTo(30.25, within(1e-6));
        assertThat(api.getJson("/api/datasets/" + id + "/apportioned?to=district&measure=households&kind=intensive").path("kind")
                .asString()).isEqualTo("intensive");

        for (String bad : List.of("to=parish&measure=households", "to=district&measure=households&kind=sum", "to=district&measure=nope")) {
            org.patchwork.ApiClient.Reply reply = api.get("/api/datasets/" + id + "/apportioned?" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.isProblem()).as(bad).isTrue();
        }
    }
}
