package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.ObjectMapper;

/**
 * A hotspot run's layer as vector tiles, read back with GDAL's MVT driver and checked against the same run's items from
 * the OGC API Features endpoint for the same area: every feature in the tile is one of the items that reach the tile
 * grown by its buffer, with the same class, and every item inside the tile itself is in it. The tile is the one over
 * Liverpool Town Hall at zoom 12 (worked out by hand in tiles.VectorTilesIT: column 2013, row 1326).
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotTilesIT {

    private static final int Z = 12;
    private static final int COL = 2013;
    private static final int ROW = 1326;
    private static final Pattern FEATURE = Pattern.compile("^OGRFeature\\(([^)]+)\\):(\\d+)$", Pattern.MULTILINE);
    private static final Pattern FIELD = Pattern.compile("^  (\\w+) \\((\\w+)\\) = (.*)$", Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path directory;

    AdminApi admin;
    long crime;
    long agreement;
    AdminApi.User police;
    AdminApi.User council;
    AdminApi.User stranger;
    long recordRun;

    @BeforeAll
    void people() {
        admin = new AdminApi(port);
        crime = jdbc.sql("select id from dataset where slug = :slug").param("slug", HotspotsIT.CRIME).query(Long.class).single();
        police = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        long councilId = admin.partner("Hotspot tiles council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        council = admin.user(councilId, "analyst");
        stranger = admin.user(admin.partner("Hotspot tiles stranger", "voluntary"), "analyst");
        // Gi* on hexagons: thousands of cells of every class from -3 to 3 across Merseyside
        recordRun = HotspotRunClient.run(police.basic(port), HotspotRunClient.body(crime, List.of(HotspotsIT.BURGLARY), "2022-03", "2022-03",
                "gistar", Map.of("grid", "hex"))).path("id").asLong();
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    @Test
    void aTileHoldsTheRunsItemsThatReachItWithTheirClassesAsGdalReadsIt() throws Exception {
        HttpResponse<byte[]> tile = get(police, tilePath(recordRun));
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        Path file = directory.resolve("hotspots.mvt");
        Files.write(file, tile.body());
        Map<Long, Map<String, String>> inTile = decode(file);

        // the same area from the Features API: the tile itself, and the tile grown by the 64-unit buffer of 4096
        Map<Long, JsonNode> inside = items(police, recordRun, bbox(0));
        Map<Long, JsonNode> reaching = items(police, recordRun, bbox(64.0 / 4096));
        assertThat(inside).as("Liverpool's centre is covered by hexagons").hasSizeGreaterThan(50);
        assertThat(inTile.keySet()).containsAll(inside.keySet());
        assertThat(reaching.keySet()).containsAll(inTile.keySet());
        for (Map.Entry<Long, Map<String, String>> feature : inTile.entrySet()) {
            JsonNode item = reaching.get(feature.getKey()).path("properties");
            assertThat(Integer.parseInt(feature.getValue().get("hotspot_class"))).as("class of %s", feature.getKey())
                    .isEqualTo(item.path("hotspot_class").asInt());
            assertThat(feature.getValue().get("kind")).isEqualTo("grid-cell").isEqualTo(item.path("kind").asString());
            assertThat(feature.getValue().get("label")).isEqualTo(item.path("label").asString());
        }
        assertThat(inTile.values().stream().map(f -> f.get("hotspot_class")).distinct().count())
                .as("the tile holds hotspots and cells of other classes").isGreaterThan(1);
    }

    @Test
    void theTilesetDescribesTheLayerAndTilesAreCachedPerViewer() throws Exception {
        JsonNode tileset = JSON.readTree(body(get(police, "/ogc/collections/hotspots-" + recordRun + "/tiles/WebMercatorQuad"), 200));
        assertThat(tileset.path("layers").get(0).path("id").asString()).isEqualTo("hotspots-" + recordRun);
        JsonNode limits = tileset.path("tileMatrixSetLimits").get(Z);
        assertThat(limits.path("minTileCol").asInt()).isLessThanOrEqualTo(COL);
        assertThat(limits.path("maxTileCol").asInt()).isGreaterThanOrEqualTo(COL);
        assertThat(limits.path("minTileRow").asInt()).isLessThanOrEqualTo(ROW);
        assertThat(limits.path("maxTileRow").asInt()).isGreaterThanOrEqualTo(ROW);
        JsonNode tileJson = JSON.readTree(body(get(police, "/ogc/collections/hotspots-" + recordRun + "/tiles/WebMercatorQuad?f=tilejson"), 200));
        assertThat(tileJson.path("vector_layers").get(0).path("fields").path("hotspot_class").asString()).isEqualTo("Number");
        JsonNode collection = JSON.readTree(body(get(police, "/ogc/collections/hotspots-" + recordRun), 200));
        assertThat(collection.path("links").valueStream().anyMatch(l -> l.path("href").asString()
                .endsWith("/ogc/collections/hotspots-" + recordRun + "/tiles"))).isTrue();
        // a tile outside the run's limits does not exist
        assertThat(get(police, "/ogc/collections/hotspots-" + recordRun + "/tiles/WebMercatorQuad/12/0/0?f=mvt").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> first = get(police, tilePath(recordRun));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, max-age=60");
        HttpResponse<byte[]> again = get(police, tilePath(recordRun), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void viewersWhoMayNotReadTheRunGetWhatItsItemsGiveThemAndRecordReadsAreAudited() {
        String items = "/ogc/collections/hotspots-" + recordRun + "/items";
        String tileset = "/ogc/collections/hotspots-" + recordRun + "/tiles/WebMercatorQuad";
        // aggregate viewers may know the dataset but not read a run from the events' locations: 403; a partner without
        // access may not know the dataset: 404; both exactly as on the items
        for (AdminApi.User viewer : List.of(council, stranger)) {
            HttpResponse<byte[]> onItems = get(viewer, items);
            int expected = viewer == council ? 403 : 404;
            assertThat(onItems.statusCode()).as(viewer.username()).isEqualTo(expected);
            String type = JSON.readTree(onItems.body()).path("type").asString();
            for (String path : List.of(tileset, tilePath(recordRun), "/ogc/collections/hotspots-" + recordRun + "/tiles")) {
                HttpResponse<byte[]> onTiles = get(viewer, path);
                assertThat(onTiles.statusCode()).as("%s %s", viewer.username(), path).isEqualTo(expected);
                assertThat(JSON.readTree(onTiles.body()).path("type").asString()).isEqualTo(type);
                assertThat(new String(onTiles.body(), StandardCharsets.UTF_8)).doesNotContain("Exception", "select ");
            }
        }
        long before = audited("record-access", police.username());
        assertThat(get(police, tilePath(recordRun)).statusCode()).isEqualTo(200);
        assertThat(audited("record-access", police.username())).isEqualTo(before + 1);
        assertThat(audited("denied", council.username())).isPositive();

        // a run from protected counts is for the aggregate viewer who made it, in tiles too
        long aggregateRun = HotspotRunClient.run(council.basic(port), HotspotRunClient.body(crime, List.of(HotspotsIT.BURGLARY), "2022-03",
                "2022-03", "top-areas", Map.of())).path("id").asLong();
        JsonNode tiled = JSON.readTree(body(get(council, "/ogc/collections/hotspots-" + aggregateRun + "/tiles/WebMercatorQuad"), 200));
        assertThat(tiled.path("layers").get(0).path("id").asString()).isEqualTo("hotspots-" + aggregateRun);
        assertThat(get(stranger, "/ogc/collections/hotspots-" + aggregateRun + "/tiles/WebMercatorQuad").statusCode()).isEqualTo(404);
    }

    @Test
    void aKdeRunsHeatSurfaceImageGoesThroughTheSameDecisionAndCoversItsPolygons() throws Exception {
        long kde = HotspotRunClient.run(police.basic(port), HotspotRunClient.body(crime, List.of(HotspotsIT.BURGLARY), "2022-03", "2022-03",
                "kde", Map.of())).path("id").asLong();
        JsonNode heat = JSON.readTree(body(get(police, "/api/hotspots/" + kde + "/heat"), 200));
        String image = heat.path("image").asString();
        assertThat(image).startsWith("data:image/png;base64,");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1))));
        assertThat(png.getWidth()).isEqualTo(heat.path("width").asInt());
        assertThat(png.getHeight()).isEqualTo(heat.path("height").asInt());
        // the surface covers the run's class polygons (their extent from PostGIS, in WGS 84)
        Map<String, Object> extent = jdbc.sql("""
                select ST_XMin(e) as west, ST_YMin(e) as south, ST_XMax(e) as east, ST_YMax(e) as north
                from (select ST_Extent(ST_Transform(geom, 4326)) as e from hotspot_feature where run_id = :run) x""")
                .param("run", kde).query().singleRow();
        assertThat(heat.path("west").asDouble()).isLessThanOrEqualTo(((Number) extent.get("west")).doubleValue());
        assertThat(heat.path("south").asDouble()).isLessThanOrEqualTo(((Number) extent.get("south")).doubleValue());
        assertThat(heat.path("east").asDouble()).isGreaterThanOrEqualTo(((Number) extent.get("east")).doubleValue());
        assertThat(heat.path("north").asDouble()).isGreaterThanOrEqualTo(((Number) extent.get("north")).doubleValue());

        assertThat(get(council, "/api/hotspots/" + kde + "/heat").statusCode()).as("aggregate viewer, record-level run").isEqualTo(403);
        assertThat(get(stranger, "/api/hotspots/" + kde + "/heat").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> giStar = get(police, "/api/hotspots/" + recordRun + "/heat");
        assertThat(giStar.statusCode()).as("Gi* has no surface").isEqualTo(404);
        assertThat(JSON.readTree(giStar.body()).path("type").asString()).isEqualTo("/problems/unknown-hotspot-run");
    }

    private long audited(String action, String username) {
        return jdbc.sql("select count(*) from audit_event where action = :action and username = :user and output = 'hotspot-tiles'")
                .param("action", action).param("user", username).query(Long.class).single();
    }

    private static String tilePath(long run) {
        return "/ogc/collections/hotspots-" + run + "/tiles/WebMercatorQuad/" + Z + "/" + ROW + "/" + COL + "?f=mvt";
    }

    /** The tile's longitude/latitude bounds grown by {@code grow} of its width on each side (Slippy map tilenames formulas). */
    private static String bbox(double grow) {
        double n = Math.pow(2, Z);
        double west = (COL - grow) / n * 360 - 180;
        double east = (COL + 1 + grow) / n * 360 - 180;
        double north = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (ROW - grow) / n))));
        double south = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (ROW + 1 + grow) / n))));
        return String.format(Locale.ROOT, "%.9f,%.9f,%.9f,%.9f", west, south, east, north);
    }

    /** The run's items meeting the bbox, by feature id (all of them: fewer than one page). */
    private Map<Long, JsonNode> items(AdminApi.User viewer, long run, String bbox) {
        JsonNode page = JSON.readTree(body(get(viewer, "/ogc/collections/hotspots-" + run + "/items?limit=10000&bbox=" + bbox), 200));
        assertThat(page.path("numberReturned").asLong()).isEqualTo(page.path("numberMatched").asLong());
        Map<Long, JsonNode> byId = new LinkedHashMap<>();
        page.path("features").forEach(f -> byId.put(f.path("id").asLong(), f));
        return byId;
    }

    /** Each feature of the tile by its id (the MVT feature id, which GDAL reports as mvt_id): field name to value as ogrinfo prints it. */
    private static Map<Long, Map<String, String>> decode(Path file) throws Exception {
        Process process = new ProcessBuilder("ogrinfo", "-ro", "-al", "-q", "-oo", "CLIP=NO", "-oo", "X=" + COL, "-oo", "Y=" + ROW,
                "-oo", "Z=" + Z, "MVT:" + file).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail("ogrinfo failed:\n" + out);
        }
        Map<Long, Map<String, String>> features = new LinkedHashMap<>();
        String[] blocks = out.split("(?m)^(?=OGRFeature\\()");
        for (String block : blocks) {
            Matcher feature = FEATURE.matcher(block);
            if (!feature.find()) {
                continue;
            }
            assertThat(feature.group(1)).as("the layer").startsWith("hotspots-");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("layer", feature.group(1));
            Matcher field = FIELD.matcher(block);
            while (field.find()) {
                fields.put(field.group(1), field.group(3).strip());
            }
            assertThat(fields).as("GDAL reports the MVT feature id as mvt_id: %s", block).containsKey("mvt_id");
            features.put(Long.parseLong(fields.get("mvt_id")), fields);
        }
        return features;
    }

    private static String body(HttpResponse<byte[]> response, int status) {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(text).isEqualTo(status);
        return text;
    }

    private HttpResponse<byte[]> get(AdminApi.User viewer, String path, String... headers) {
        return viewer.basic(port).getBytes(path, headers);
    }
}
