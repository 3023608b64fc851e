package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.Recipient;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Hotspot runs on the real Merseyside 2022 street crime. Expected values come from elsewhere than the run:
 * event counts, PAI and RRI from SQL on {@code event} and the saved hotspot polygons (ST_Intersects), the
 * surface's integral from GDAL's statistics of the GeoTIFF, and Gi* z of an LSOA from its queen neighbours
 * found by PostGIS and the Ord-Getis formula written out in SQL.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotsIT {

    static final String CRIME = "merseyside-street-crime-2022";
    static final String BURGLARY = "Burglary";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path directory;

    AdminApi admin;
    long crime;
    long agreement;
    AdminApi.User policeUser;
    ApiClient police;
    ApiClient council;
    ApiClient stranger;

    @BeforeAll
    void people() {
        admin = new AdminApi(port);
        crime = jdbc.sql("select id from dataset where slug = :slug").param("slug", CRIME).query(Long.class).single();
        policeUser = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        police = policeUser.basic(port);
        long councilId = admin.partner("Hotspot council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        council = admin.user(councilId, "analyst").basic(port);
        stranger = admin.user(admin.partner("Hotspot stranger", "voluntary"), "analyst").basic(port);
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    /** Events of a category and month in the loaded LSOAs (the study area), straight from the table. */
    long events(String category, String month) {
        return jdbc.sql("""
                select count(*) from event e
                join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id
                where e.dataset_id = :dataset and e.category = :category and to_char(e.month, 'YYYY-MM') = :month
                  and exists (select 1 from area a where a.level = 'lsoa' and a.code = e.lsoa_code)""")
                .param("dataset", crime).param("category", category).param("month", month).query(Long.class).single();
    }

    /** Events of a category and month in the study area that fall in the run's hotspot polygons. */
    long eventsInHotspots(long run, String category, String month) {
        return jdbc.sql("""
                with hot as (select ST_Union(f.geom) as geom from hotspot_feature f where f.run_id = :run and f.hotspot)
                select count(*) from event e
                join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id
                cross join hot
                where e.dataset_id = :dataset and e.category = :category and to_char(e.month, 'YYYY-MM') = :month
                  and exists (select 1 from area a where a.level = 'lsoa' and a.code = e.lsoa_code)
                  and ST_Intersects(hot.geom, e.geom)""")
                .param("run", run).param("dataset", crime).param("category", category).param("month", month).query(Long.class).single();
    }

    double hotspotArea(long run) {
        return jdbc.sql("select ST_Area(ST_Union(geom)) from hotspot_feature where run_id = :run and hotspot")
                .param("run", run).query(Double.class).single();
    }

    double studyArea() {
        return jdbc.sql("select sum(ST_Area(geom)) from area where level = 'lsoa'").query(Double.class).single();
    }

    @Test
    void kdeIntegratesToTheEventCountAndItsPaiAndRriAgreeWithSql() throws Exception {
        JsonNode run = HotspotRunClient.run(police, HotspotRunClient.body(crime, List.of(BURGLARY), "2022-03", "2022-03", "kde", Map.of()));
        long id = run.path("id").asLong();
        long march = events(BURGLARY, "2022-03");
        long april = events(BURGLARY, "2022-04");
        assertThat(march).isGreaterThan(300);
        JsonNode result = run.path("result");
        assertThat(run.path("basis").asString()).isEqualTo("record");
        assertThat(result.path("events").asDouble()).isEqualTo(march);
        assertThat(run.path("next").path("from").asString()).isEqualTo("2022-04");

        // the GeoTIFF, read by GDAL: mean × cells × cell area is the integral, which is the number of events
        ApiClient.Reply tif = police.get("/api/hotspots/" + id + "/surface.tif");
        assertThat(tif.status()).isEqualTo(200);
        byte[] bytes = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/hotspots/" + id + "/surface.tif"))
                .header("Authorization", ApiClient.basicHeader(policeUser.username(), policeUser.password())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        Path file = directory.resolve("surface.tif");
        Files.write(file, bytes);
        JsonNode info = new ObjectMapper().readTree(gdal("gdalinfo", "-json", "-stats", file.toString()));
        double cell = info.path("geoTransform").get(1).asDouble();
        long pixels = info.path("size").get(0).asLong() * info.path("size").get(1).asLong();
        double mean = Double.parseDouble(info.path("bands").get(0).path("metadata").path("").path("STATISTICS_MEAN").asString());
        assertThat(cell).isEqualTo(result.path("parameters").path("cellSize").asDouble(), within(1e-9));
        assertThat(mean * pixels * cell * cell / 1e6).isCloseTo(march, within(march * 0.005));

        // PAI and RRI, recomputed in SQL from the saved hotspot polygons and the events of March and April
        JsonNode accuracy = result.path("accuracy");
        long n1 = eventsInHotspots(id, BURGLARY, "2022-03");
        long n2 = eventsInHotspots(id, BURGLARY, "2022-04");
        double a = hotspotArea(id);
        double area = studyArea();
        assertThat(n1).isGreaterThan(0);
        assertThat(accuracy.path("builtEvents").asDouble()).isEqualTo(n1);
        assertThat(accuracy.path("nextEvents").asDouble()).isEqualTo(n2);
        assertThat(accuracy.path("nextAllEvents").asDouble()).isEqualTo(april);
        assertThat(accuracy.path("hotspotSquareKilometres").asDouble()).isCloseTo(a / 1e6, within(1e-6));
        double pai = ((double) n2 / april) / (a / area);
        double rri = ((double) n2 / n1) / ((double) april / march);
        assertThat(accuracy.path("pai").asDouble()).isCloseTo(pai, within(1e-9 * pai));
        assertThat(accuracy.path("rri").asDouble()).isCloseTo(rri, within(1e-9 * rri));
        assertThat(pai).as("hotspots of March predict April better than chance").isGreaterThan(1);

        // the method comparison: three methods at the same share of the study area
        JsonNode comparison = result.path("comparison");
        assertThat(comparison.valueStream().map(r -> r.path("method").asString()).toList()).containsExactly("kde", "gistar", "top-areas");
        comparison.forEach(row -> assertThat(row.path("areaShare").asDouble()).isCloseTo(accuracy.path("areaShare").asDouble(), within(0.02)));

        // the layer is an OGC API Features collection
        JsonNode items = police.getJson("/ogc/collections/hotspots-" + id + "/items");
        assertThat(items.path("features").size()).isEqualTo(result.path("features").asInt()).isGreaterThan(0);
        assertThat(items.path("features").get(0).path("properties").path("kind").asString()).isEqualTo("kde-class");
        assertThat(police.getJson("/api/hotspots?datasetId=" + crime).valueStream().anyMatch(r -> r.path("id").asLong() == id)).isTrue();

        // exported: the surface as GeoTIFF (as computed, and warped to WGS84) and the layer as GeoPackage, read by GDAL
        Path exported = directory.resolve("exported.tif");
        Files.write(exported, bytes(policeUser, "/api/export/hotspots-" + id + "?format=tif"));
        JsonNode same = new ObjectMapper().readTree(gdal("gdalinfo", "-json", "-stats", exported.toString()));
        assertThat(same.path("size")).isEqualTo(info.path("size"));
        assertThat(same.path("coordinateSystem").path("wkt").asString()).contains("ID[\"EPSG\",27700]");
        assertThat(Double.parseDouble(same.path("bands").get(0).path("metadata").path("").path("STATISTICS_MEAN").asString()))
                .isCloseTo(mean, within(1e-9 * mean));
        Path wgs84 = directory.resolve("exported-4326.tif");
        Files.write(wgs84, bytes(policeUser, "/api/export/hotspots-" + id + "?format=tif&crs=4326"));
        assertThat(new ObjectMapper().readTree(gdal("gdalinfo", "-json", wgs84.toString())).path("coordinateSystem").path("wkt").asString())
                .contains("ID[\"EPSG\",4326]");
        Path gpkg = directory.resolve("hotspots.gpkg");
        Files.write(gpkg, bytes(policeUser, "/api/export/hotspots-" + id + "?format=gpkg"));
        assertThat(gdal("ogrinfo", "-so", "-al", gpkg.toString())).contains("Feature Count: " + result.path("features").asInt());

        // the A4 briefing of the layer states its PAI and RRI
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes(policeUser, "/api/briefing?collection=hotspots-" + id))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(String.format(java.util.Locale.UK, "Predictive Accuracy Index (PAI) against the next period: %.2f.", pai))
                    .contains(String.format(java.util.Locale.UK, "Recapture Rate Index: %.2f.", rri));
        }
    }

    /**
     * Gi* z of every LSOA by the Ord and Getis formula in SQL, highest first: x = March 2022 burglaries by LSOA (zeros
     * included), the neighbours of i the LSOAs j with {@code neighbours} true, binary weights with i itself included.
     */
    private List<Map<String, Object>> ordGetisZ(String neighbours) {
        return jdbc.sql("""
                with x as (
                    select a.code, a.geom, count(e.id)::float8 as x
                    from area a
                    left join event e on e.lsoa_code = a.code and e.dataset_id = :dataset and e.category = :category
                         and to_char(e.month, 'YYYY-MM') = '2022-03'
                         and e.version_id = (select current_version_id from dataset where id = :dataset)
                    where a.level = 'lsoa'
                    group by a.code, a.geom),
                stats as (select count(*)::float8 as n, avg(x) as mean, sqrt(avg(x * x) - avg(x) * avg(x)) as s from x),
                local as (
                    select i.code, i.x + coalesce(sum(j.x), 0) as total, 1 + count(j.code) as w
                    from x i left join x j on j.code <> i.code and NEIGHBOURS
                    group by i.code, i.x)
                select l.code, (l.total - st.mean * l.w) / (st.s * sqrt((st.n * l.w - l.w * l.w) / (st.n - 1))) as z
                from local l cross join stats st
                order by z desc""".replace("NEIGHBOURS", neighbours))
                .param("dataset", crime).param("category", BURGLARY).query().listOfRows();
    }

    private byte[] bytes(AdminApi.User user, String path) throws Exception {
        java.net.http.HttpResponse<byte[]> reply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", ApiClient.basicHeader(user.username(), user.password())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(reply.statusCode()).as("%s: %s", path, new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        return reply.body();
    }

    @Test
    void giStarOnLsoasGivesTheZOfTheOrdGetisFormulaOnQueenNeighboursFromPostgis() {
        JsonNode run = HotspotRunClient.run(police, HotspotRunClient.body(crime, List.of(BURGLARY), "2022-03", "2022-03", "gistar",
                Map.of("grid", "areas", "level", "lsoa")));
        long id = run.path("id").asLong();
        // z for every LSOA in SQL: x = burglaries by LSOA (zeros included), neighbours by ST_Touches, W = 1 + neighbours
        List<Map<String, Object>> expected = ordGetisZ("ST_Touches(i.geom, j.geom)");
        Map<String, Double> byCode = new java.util.HashMap<>();
        jdbc.sql("select code, z from hotspot_feature where run_id = :run").param("run", id)
                .query(rs -> {
                    byCode.put(rs.getString(1), rs.getDouble(2));
                });
        assertThat(byCode).hasSize(expected.size());
        for (Map<String, Object> row : List.of(expected.get(0), expected.get(1), expected.get(expected.size() / 2))) {
            assertThat(byCode.get((String) row.get("code"))).as("z of %s", row.get("code")).isCloseTo((Double) row.get("z"), within(1e-9));
        }
        JsonNode top = police.getJson("/ogc/collections/hotspots-" + id + "/items?code=" + expected.get(0).get("code"));
        assertThat(top.path("features").get(0).path("properties").path("hotspot_class").asInt()).isEqualTo(3);
    }

    @Test
    void giStarOnLsoasWithADistanceBandGivesTheZOfTheOrdGetisFormulaOnNeighboursWithinItFromPostgis() {
        JsonNode run = HotspotRunClient.run(police, HotspotRunClient.body(crime, List.of(BURGLARY), "2022-03", "2022-03", "gistar",
                Map.of("grid", "areas", "level", "lsoa", "distanceBand", 800)));
        long id = run.path("id").asLong();
        assertThat(run.path("result").path("parameters").path("distanceBand").asDouble()).isEqualTo(800);
        // the same formula with neighbours = LSOAs whose points on surface lie within 800 m (ST_DWithin), W = 1 + neighbours
        List<Map<String, Object>> expected = ordGetisZ("ST_DWithin(ST_PointOnSurface(i.geom), ST_PointOnSurface(j.geom), 800)");
        Map<String, Double> byCode = new java.util.HashMap<>();
        jdbc.sql("select code, z from hotspot_feature where run_id = :run").param("run", id)
                .query(rs -> {
                    byCode.put(rs.getString(1), rs.getDouble(2));
                });
        assertThat(byCode).hasSize(expected.size());
        for (Map<String, Object> row : expected) {
            assertThat(byCode.get((String) row.get("code"))).as("z of %s", row.get("code")).isCloseTo((Double) row.get("z"), within(1e-9));
        }
    }

    @Test
    void anAggregateViewerGetsHotspotsFromProtectedCountsAndCannotReadRecordLevelRuns() {
        JsonNode run = HotspotRunClient.run(council, HotspotRunClient.body(crime, List.of(BURGLARY), "2022-03", "2022-03", "kde", Map.of()));
        assertThat(run.path("basis").asString()).isEqualTo("aggregate");
        assertThat(run.path("result").path("disclosure").path("method").asString()).isEqualTo("cell-key");
        // the surface integrates to the published (perturbed) LSOA counts, which the counts API gives this viewer too
        JsonNode counts = council.getJson("/api/datasets/" + crime + "/counts?level=lsoa&category=" + BURGLARY + "&from=2022-03&to=2022-03");
        double published = counts.path("areas").valueStream().mapToDouble(a -> a.path("count").asDouble()).sum();
        assertThat(run.path("result").path("events").asDouble()).isEqualTo(published);

        JsonNode recordRun = HotspotRunClient.run(police, HotspotRunClient.body(crime, List.of(BURGLARY), "2022-03", "2022-03", "top-areas", Map.of()));
        long recordId = recordRun.path("id").asLong();
        assertThat(council.get("/api/hotspots/" + recordId).status()).isEqualTo(403);
        assertThat(council.get("/ogc/collections/hotspots-" + recordId + "/items").status()).isEqualTo(403);
        assertThat(council.getJson("/api/hotspots").valueStream().noneMatch(r -> r.path("id").asLong() == recordId)).isTrue();
        assertThat(stranger.get("/api/hotspots/" + recordId).status()).isEqualTo(404);

        // record-level locations are not for aggregate viewers: Gi* on a grid is refused, as are months outside the lattice
        ApiClient.Reply grid = council.post("/api/hotspots", HotspotRunClient.body(crime, List.of(), "2022-03", "2022-03", "gistar", Map.of("grid", "hex")));
        assertThat(grid.status()).isEqualTo(403);
        assertThat(grid.json().path("type").asString()).isEqualTo("/problems/geography-not-allowed");
        ApiClient.Reply months = council.post("/api/hotspots", HotspotRunClient.body(crime, List.of(), "2022-02", "2022-03", "kde", Map.of()));
        assertThat(months.status()).isEqualTo(400);
        assertThat(months.json().path("type").asString()).isEqualTo("/problems/period-not-allowed");
    }

    @Test
    void badRequestsAreSpecificProblemsAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from hotspot_run").query(Long.class).single();
        Object[][] cases = {
            {HotspotRunClient.body(crime, List.of(), "2022-03", "2022-03", "voronoi", Map.of()), 400, "invalid-request"},
            {HotspotRunClient.body(crime, List.of(), "2022-03", "2022-02", "kde", Map.of()), 400, "invalid-request"},
            {HotspotRunClient.body(crime, List.of(), "2022-13", "2022-13", "kde", Map.of()), 400, "invalid-request"},
            {HotspotRunClient.body(crime, List.of(), "2022-03", "2022-03", "kde", Map.of("bandwidth", -5)), 400, "invalid-request"},
            {HotspotRunClient.body(crime, List.of(), "2022-03", "2022-03", "kde", Map.of("grid", "hex")), 400, "invalid-request"},
            {HotspotRunClient.body(crime, List.of("Alien abduction"), "2022-03", "2022-03", "kde", Map.of()), 400, "unknown-category"},
            {HotspotRunClient.body(999_999, List.of(), "2022-03", "2022-03", "kde", Map.of()), 404, "unknown-dataset"},
        };
        for (Object[] c : cases) {
            ApiClient.Reply reply = police.post("/api/hotspots", c[0]);
            assertThat(reply.status()).as("%s", reply).isEqualTo(c[1]);
            assertThat(reply.json().path("type").asString()).as("%s", reply).isEqualTo("/problems/" + c[2]);
            assertThat(reply.body()).doesNotContain("hotspot_run", "Exception");
        }
        assertThat(jdbc.sql("select count(*) from hotspot_run").query(Long.class).single()).isEqualTo(before);
        assertThat(police.get("/api/hotspots/987654321").json().path("type").asString()).isEqualTo("/problems/unknown-hotspot-run");
    }

    private String gdal(String... command) throws Exception {
        Path output = directory.resolve("gdal-output.txt");
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
