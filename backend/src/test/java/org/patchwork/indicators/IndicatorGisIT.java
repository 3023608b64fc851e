package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * An indicator read as a GIS client reads it: as an OGC API Features collection ({@code indicator-{id}}) and as
 * vector tiles with its figures as properties, decoded by GDAL's MVT driver ({@code ogrinfo MVT:}). A record-level
 * analyst's numerators are checked against SQL on the events; an aggregate viewer's against what the values API
 * gives the same viewer (protected counts, widened intervals); a partner without an agreement finds nothing.
 * The tile is the zoom-12 tile over Liverpool Town Hall worked out by hand in VectorTilesIT (row 1326, column 2013).
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorGisIT {

    static final String TILE = "12/1326/2013";
    private static final Pattern FIELD = Pattern.compile("^  (\\w+) \\((\\w+)\\) = (.*)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    long crime;
    long agreement;
    ApiClient police;
    ApiClient council;
    ApiClient stranger;
    long indicator;

    @BeforeAll
    void anIndicatorAndThreeViewers() {
        admin = new AdminApi(port);
        crime = jdbc.sql("select id from dataset where slug = :slug").param("slug", IndicatorsIT.CRIME).query(Long.class).single();
        police = admin.user(admin.partnerId("Merseyside Police"), "analyst").basic(port);
        long councilId = admin.partner("GIS council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        council = admin.user(councilId, "analyst").basic(port);
        stranger = admin.user(admin.partner("GIS stranger", "voluntary"), "analyst").basic(port);
        ApiClient.Reply defined = police.post("/api/indicators", IndicatorsIT.body("Burglary per 1,000 in 2022 (GIS)", crime,
                "rate-per-1000", List.of("Burglary"), "2022-01", "2022-12", "lsoa"));
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        indicator = defined.json().path("id").asLong();
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    @Test
    void theIndicatorIsAFeaturesCollectionWithItsFiguresForThoseWhoMaySeeThem() {
        String id = "indicator-" + indicator;
        for (ApiClient viewer : List.of(police, council)) {
            assertThat(viewer.getJson("/ogc/collections").path("collections").valueStream().map(c -> c.path("id").asString()))
                    .contains(id);
            JsonNode collection = viewer.getJson("/ogc/collections/" + id);
            assertThat(collection.path("title").asString()).isEqualTo("Burglary per 1,000 in 2022 (GIS) by lsoa");
            assertThat(collection.path("links").valueStream().map(l -> l.path("href").asString()))
                    .contains("http://localhost:" + port + "/ogc/collections/" + id + "/tiles");
        }
        assertThat(stranger.getJson("/ogc/collections").path("collections").valueStream().map(c -> c.path("id").asString()))
                .doesNotContain(id);
        assertThat(stranger.get("/ogc/collections/" + id + "/items").status()).isEqualTo(404);

        // record level: the numerators and populations of SQL, and the values API's figures
        Map<String, long[]> truth = new IndicatorsTruth(jdbc, crime).truth("lsoa", List.of("Burglary"), "2022-01", "2022-12");
        JsonNode items = police.getJson("/ogc/collections/" + id + "/items?limit=10000");
        assertThat(items.path("numberMatched").asInt()).isEqualTo(truth.size());
        for (JsonNode feature : items.path("features")) {
            JsonNode p = feature.path("properties");
            long[] expected = truth.get(p.path("code").asString());
            assertThat(new long[] {p.path("numerator").asLong(), p.path("denominator").asLong()}).as(p.path("code").asString())
                    .containsExactly(expected);
            assertThat(p.path("value").asDouble()).isCloseTo(1000.0 * expected[0] / expected[1], within(1e-9));
            assertThat(feature.path("geometry").path("type").asString()).isIn("Polygon", "MultiPolygon");
        }
        // aggregate level: exactly what the values API gives the same viewer
        Map<String, JsonNode> api = byCode(council.getJson("/api/indicators/" + indicator + "/values").path("areas"));
        JsonNode councilItems = council.getJson("/ogc/collections/" + id + "/items?limit=10000");
        assertThat(councilItems.path("numberMatched").asInt()).isEqualTo(api.size());
        for (JsonNode feature : councilItems.path("features")) {
            JsonNode p = feature.path("properties");
            JsonNode a = api.get(p.path("code").asString());
            for (String key : List.of("numerator", "denominator", "value", "lower95", "upper95", "lower998", "upper998")) {
                assertThat(p.path(key).toString()).as("%s %s", p.path("code").asString(), key).isEqualTo(a.path(key).toString());
            }
            assertThat(p.path("comparison_district").asString()).isEqualTo(a.path("comparison").path("district").asString());
        }
    }

    @Test
    void indicatorTilesCarryEachViewersFiguresAndGdalReadsThem(@TempDir Path dir) throws Exception {
        String path = "/ogc/collections/indicator-" + indicator + "/tiles/WebMercatorQuad/" + TILE + "?f=mvt";
        Map<String, long[]> truth = new IndicatorsTruth(jdbc, crime).truth("lsoa", List.of("Burglary"), "2022-01", "2022-12");
        List<String> reaching = jdbc.sql("""
                select a.code from area a where a.level = 'lsoa' and ST_Intersects(ST_Transform(a.geom, 3857),
                      ST_Expand(ST_TileEnvelope(12, 2013, 1326), 2 * 20037508.3427892 / 4096 / 64)) order by 1""")
                .query(String.class).list();
        assertThat(reaching).hasSizeGreaterThan(50);

        HttpResponse<byte[]> tile = get(path, token(police));
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        assertThat(tile.headers().firstValue("Cache-Control")).hasValue("private, max-age=60");
        assertThat(tile.headers().allValues("Vary").toString()).contains("Authorization");
        Map<String, Map<String, String>> features = decode(dir.resolve("police.mvt"), tile.body());
        assertThat(features.keySet()).containsExactlyInAnyOrderElementsOf(reaching);
        features.forEach((code, fields) -> {
            assertThat(Long.parseLong(fields.get("numerator"))).as(code).isEqualTo(truth.get(code)[0]);
            assertThat(Long.parseLong(fields.get("denominator"))).as(code).isEqualTo(truth.get(code)[1]);
            assertThat(Double.parseDouble(fields.get("value"))).as(code).isCloseTo(1000.0 * truth.get(code)[0] / truth.get(code)[1],
                    within(1e-6));
        });

        // the aggregate viewer's tile: the protected figures the values API gives them, not the true ones
        String councilToken = token(council);
        HttpResponse<byte[]> councilTile = get(path, councilToken);
        Map<String, Map<String, String>> councilFeatures = decode(dir.resolve("council.mvt"), councilTile.body());
        Map<String, JsonNode> api = byCode(council.getJson("/api/indicators/" + indicator + "/values").path("areas"));
        assertThat(councilFeatures.keySet()).containsExactlyInAnyOrderElementsOf(reaching);
        int differing = 0;
        for (Map.Entry<String, Map<String, String>> feature : councilFeatures.entrySet()) {
            JsonNode a = api.get(feature.getKey());
            Map<String, String> fields = feature.getValue();
            if (a.path("numerator").isNull()) {
                assertThat(fields).doesNotContainKey("numerator");
                continue;
            }
            assertThat(Long.parseLong(fields.get("numerator"))).as(feature.getKey()).isEqualTo(a.path("numerator").asLong());
            assertThat(Double.parseDouble(fields.get("upper95"))).isCloseTo(a.path("upper95").asDouble(), within(1e-6));
            assertThat(fields.get("comparison_partnership")).isEqualTo(a.path("comparison").path("partnership").asString());
            differing += a.path("numerator").asLong() != truth.get(feature.getKey())[0] ? 1 : 0;
        }
        assertThat(differing).as("perturbed counts differ from the true ones somewhere in the tile").isPositive();
        assertThat(councilTile.headers().firstValue("ETag")).isNotEqualTo(tile.headers().firstValue("ETag"));
        HttpResponse<byte[]> again = get(path, councilToken, "If-None-Match", councilTile.headers().firstValue("ETag").orElseThrow());
        assertThat(again.statusCode()).isEqualTo(304);

        // a partner without an agreement: no such tileset; no one signed in: the same
        assertThat(get(path, token(stranger)).statusCode()).isEqualTo(404);
        assertThat(get(path, null).statusCode()).isIn(401, 404);
        JsonNode tileset = police.getJson("/ogc/collections/indicator-" + indicator + "/tiles/WebMercatorQuad");
        assertThat(tileset.path("layers").get(0).path("id").asString()).isEqualTo("lsoa");
        assertThat(tileset.path("tileMatrixSetLimits")).hasSize(19);
    }

    private String token(ApiClient client) {
        return client.postJson("/api/me/tokens", Map.of("name", "gis", "days", 1)).path("token").asString();
    }

    private HttpResponse<byte[]> get(String path, String token, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, JsonNode> byCode(JsonNode areas) {
        Map<String, JsonNode> byCode = new HashMap<>();
        areas.forEach(a -> byCode.put(a.path("code").asString(), a));
        return byCode;
    }

    /** Each feature of the tile's single layer "lsoa", by its code: field name to value as ogrinfo prints it. */
    private static Map<String, Map<String, String>> decode(Path file, byte[] tile) throws Exception {
        Files.write(file, tile);
        Process ogr = new ProcessBuilder("ogrinfo", "-ro", "-al", "-q", "-oo", "CLIP=NO", "-oo", "X=2013", "-oo", "Y=1326", "-oo", "Z=12",
                "MVT:" + file).redirectErrorStream(true).start();
        String out = new String(ogr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ogr.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ogr.exitValue()).as(out).isZero();
        Map<String, Map<String, String>> features = new LinkedHashMap<>();
        String[] blocks = out.split("OGRFeature\\(");
        for (int i = 1; i < blocks.length; i++) {
            assertThat(blocks[i]).startsWith("lsoa)");
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = FIELD.matcher(blocks[i]);
            while (field.find()) {
                fields.put(field.group(1), field.group(3).strip());
            }
            features.put(fields.get("code"), fields);
        }
        return features;
    }
}
