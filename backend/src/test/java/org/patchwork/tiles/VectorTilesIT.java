package org.patchwork.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Boundary vector tiles (OGC API – Tiles) on the real Merseyside data, read back with GDAL's MVT driver
 * and checked against PostGIS asked directly which areas reach the tile. Signed in as the first
 * administrator, as a GIS client would be.
 *
 * <p>The tile over Liverpool is the one holding Liverpool Town Hall (53.4075 N, 2.9916 W) at zoom 12, worked
 * out by hand with the Web Mercator tile formulas (OpenStreetMap wiki, "Slippy map tilenames"). The Town
 * Hall is near its east edge, so the tile spans the Mersey: LSOAs of Liverpool and of the Wirral.
 */
@PatchworkIntegrationTest
class VectorTilesIT {

    /** Column: floor((-2.9916 + 180) / 360 * 4096) = floor(2013.96) = 2013. */
    static final int LIVERPOOL_COL = 2013;
    /** Row: tan(53.4075°) = 1.3469, sec = 1.6775, ln(3.0244) = 1.1067; floor((1 - 1.1067 / pi) / 2 * 4096) = floor(1326.5) = 1326. */
    static final int LIVERPOOL_ROW = 1326;
    static final String TILE = "12/" + LIVERPOOL_ROW + "/" + LIVERPOOL_COL;
    private static final Pattern LAYER = Pattern.compile("^(\\w+)\\):\\d+");
    private static final Pattern FIELD = Pattern.compile("^  (code|name|lad_code) \\(String\\) = (.*)$", Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTileOverLiverpoolHoldsExactlyTheLsoasThatReachItAsGdalReadsIt(@TempDir Path dir) throws Exception {
        requireGdal();
        HttpResponse<byte[]> tile = get("/ogc/collections/lsoa/tiles/WebMercatorQuad/" + TILE + "?f=mvt");
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type")).hasValue("application/vnd.mapbox-vector-tile");
        Path file = dir.resolve("liverpool.mvt");
        Files.write(file, tile.body());

        Map<String, List<String>> features = decode(file, LIVERPOOL_COL, LIVERPOOL_ROW, 12);

        // Independently: the LSOAs whose stored geometry, in Web Mercator, meets the tile grown by the
        // 64-unit clipping buffer of a 4096-unit tile (1/64 of the tile's width on each side).
        List<String> expected = jdbc.sql("""
                select a.code || '|' || h.lad_code || '|' || a.name from area a join lsoa_hierarchy h on h.lsoa_code = a.code
                where a.level = 'lsoa' and ST_Intersects(ST_Transform(a.geom, 3857),
                      ST_Expand(ST_TileEnvelope(12, :x, :y), 2 * 20037508.3427892 / 4096 / 64))
                order by 1""").param("x", LIVERPOOL_COL).param("y", LIVERPOOL_ROW).query(String.class).list();
        assertThat(expected).as("Liverpool's waterfront and Birkenhead across the Mersey").hasSizeGreaterThan(50);
        assertThat(features.keySet()).containsExactly("lsoa");
        assertThat(features.get("lsoa")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theDatasetTileHasOneLayerPerBoundaryLevel(@TempDir Path dir) throws Exception {
        requireGdal();
        HttpResponse<byte[]> tile = get("/ogc/tiles/WebMercatorQuad/" + TILE);
        assertThat(tile.statusCode()).isEqualTo(200);
        Path file = dir.resolve("all.mvt");
        Files.write(file, tile.body());

        Map<String, List<String>> features = decode(file, LIVERPOOL_COL, LIVERPOOL_ROW, 12);

        assertThat(features.keySet()).containsExactlyInAnyOrder("lsoa", "msoa", "ward", "district");
        assertThat(features.get("district")).as("the tile spans the Mersey")
                .containsExactlyInAnyOrder("E08000012|E08000012|Liverpool", "E08000015|E08000015|Wirral");
        for (String level : List.of("msoa", "ward")) {
            long reaching = jdbc.sql("""
                    select count(*) from area where level = :level and ST_Intersects(ST_Transform(geom, 3857),
                          ST_Expand(ST_TileEnvelope(12, :x, :y), 2 * 20037508.3427892 / 4096 / 64))""")
                    .param("level", level).param("x", LIVERPOOL_COL).param("y", LIVERPOOL_ROW).query(Long.class).single();
            assertThat(features.get(level)).as(level).hasSize((int) reaching);
        }
    }

    @Test
    void anUnchangedTileIsNotSentAgain() throws Exception {
        String path = "/ogc/collections/msoa/tiles/WebMercatorQuad/" + TILE + "?f=mvt";
        HttpResponse<byte[]> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=3600");

        HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> other = get(path, "If-None-Match", "\"0123456789abcdef0123456789abcdef\"");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(first.body());
    }

    @Test
    void aTileInsideTheLimitsThatNoAreaReachesIsEmpty() {
        // Merseyside's bounding box takes in sea and parts of Lancashire: find a tile within the limits that
        // no ward reaches, by asking PostGIS directly.
        JsonNode limits = json("/ogc/collections/ward/tiles/WebMercatorQuad").path("tileMatrixSetLimits").get(12);
        int[] empty = null;
        for (int row = limits.path("minTileRow").asInt(); empty == null && row <= limits.path("maxTileRow").asInt(); row++) {
            for (int col = limits.path("minTileCol").asInt(); empty == null && col <= limits.path("maxTileCol").asInt(); col++) {
                long reaching = jdbc.sql("""
                        select count(*) from area where level = 'ward' and ST_Intersects(ST_Transform(geom, 3857),
                              ST_Expand(ST_TileEnvelope(12, :x, :y), 2 * 20037508.3427892 / 4096 / 64))""")
                        .param("x", col).param("y", row).query(Long.class).single();
                if (reaching == 0) {
                    empty = new int[] {row, col};
                }
            }
        }
        assertThat(empty).as("Merseyside's bounding box holds sea and Lancashire").isNotNull();

        HttpResponse<byte[]> tile = get("/ogc/collections/ward/tiles/WebMercatorQuad/12/" + empty[0] + "/" + empty[1] + "?f=mvt");
        assertThat(tile.statusCode()).isEqualTo(204);
        assertThat(tile.body()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "/ogc/collections/lsoa/tiles/WebMercatorQuad/12/99999/2013, 404, unknown-tile",
            "/ogc/collections/lsoa/tiles/WebMercatorQuad/12/0/0, 404, unknown-tile",
            "/ogc/collections/lsoa/tiles/WebMercatorQuad/19/0/0, 404, unknown-tile",
            "/ogc/collections/lsoa/tiles/WebMercatorQuad/-1/0/0, 404, unknown-tile",
            "/ogc/collections/lsoa/tiles/WebMercatorQuad/12/2147483647/2147483647, 404, unknown-tile",
            "/ogc/collections/lsoa/tiles/WebMercatorQuad/twelve/1326/2013, 400, invalid-parameter",
            "/ogc/collections/lsoa/tiles/WebMercatorQuad/12/1326/2013.5, 400, invalid-parameter",
            "/ogc/collections/lsoa/tiles/WebMercatorQuad/12/1326/2013?f=png, 400, invalid-parameter",
            "/ogc/collections/lsoa/tiles/WorldCRS84Quad/12/1326/2013, 404, unknown-tile-matrix-set",
            "/ogc/collections/lsoa/tiles/WorldCRS84Quad, 404, unknown-tile-matrix-set",
            "/ogc/tileMatrixSets/WorldCRS84Quad, 404, unknown-tile-matrix-set",
            "/ogc/collections/nowhere/tiles, 404, unknown-tileset",
            "/ogc/collections/lsoa/tiles?f=xml, 400, invalid-parameter",
    })
    void badTileRequestsAreProblems(String path, int status, String type) throws Exception {
        HttpResponse<byte[]> response = get(path, "Accept", "application/vnd.mapbox-vector-tile,*/*;q=0.1");
        String body = new String(response.body(), StandardCharsets.UTF_8);

        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("type").asString()).isEqualTo("/problems/" + type);
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(body).doesNotContainIgnoringCase("select").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void tilesetMetadataDescribesTheTilesAndTheirLimits() {
        JsonNode tileset = json("/ogc/collections/lsoa/tiles/WebMercatorQuad");

        assertThat(tileset.path("dataType").asString()).isEqualTo("vector");
        assertThat(tileset.path("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(tileset.path("tileMatrixSetURI").asString()).isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        assertThat(tileset.path("layers").get(0).path("id").asString()).isEqualTo("lsoa");
        assertThat(tileset.path("layers").get(0).path("propertiesSchema").path("properties").propertyNames())
                .containsExactly("code", "name", "lad_code");
        assertThat(links(tileset)).containsEntry("item", "http://localhost:" + port
                        + "/ogc/collections/lsoa/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}?f=mvt")
                .containsEntry("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", "http://localhost:" + port
                        + "/ogc/tileMatrixSets/WebMercatorQuad");
        JsonNode limits = tileset.path("tileMatrixSetLimits");
        assertThat(limits).hasSize(19);
        JsonNode z12 = limits.get(12);
        assertThat(z12.path("tileMatrix").asString()).isEqualTo("12");

        // Every LSOA's tile at zoom 12 (from its point on surface, by the Web Mercator formula in SQL) is
        // inside the limits, and the limits reach the extreme ones exactly.
        Map<String, Object> range = jdbc.sql("""
                with p as (select ST_Transform(ST_PointOnSurface(geom), 4326) as pt from area where level = 'lsoa')
                select min(floor((ST_X(pt) + 180) / 360 * 4096))::int as min_col, max(floor((ST_X(pt) + 180) / 360 * 4096))::int as max_col,
                       min(floor((1 - ln(tan(radians(ST_Y(pt))) + 1 / cos(radians(ST_Y(pt)))) / pi()) / 2 * 4096))::int as min_row,
                       max(floor((1 - ln(tan(radians(ST_Y(pt))) + 1 / cos(radians(ST_Y(pt)))) / pi()) / 2 * 4096))::int as max_row
                from p""").query().singleRow();
        assertThat(z12.path("minTileCol").asInt()).isLessThanOrEqualTo((Integer) range.get("min_col"));
        assertThat(z12.path("maxTileCol").asInt()).isGreaterThanOrEqualTo((Integer) range.get("max_col"));
        assertThat(z12.path("minTileRow").asInt()).isLessThanOrEqualTo((Integer) range.get("min_row"));
        assertThat(z12.path("maxTileRow").asInt()).isGreaterThanOrEqualTo((Integer) range.get("max_row"));
        assertThat(z12.path("maxTileCol").asInt() - z12.path("minTileCol").asInt()).as("Merseyside is about 60 km wide: a few tiles")
                .isBetween(5, 15);
        int beyond = z12.path("maxTileRow").asInt() + 1;
        assertThat(get("/ogc/collections/lsoa/tiles/WebMercatorQuad/12/" + beyond + "/" + LIVERPOOL_COL).statusCode()).isEqualTo(404);

        JsonNode list = json("/ogc/collections/lsoa/tiles");
        assertThat(list.path("tilesets")).hasSize(1);
        assertThat(list.path("tilesets").get(0).path("tileMatrixSetURI").asString()).isEqualTo(tileset.path("tileMatrixSetURI").asString());
    }

    @Test
    void tileJsonPointsWebMapsAtTheTiles() {
        HttpResponse<byte[]> response = get("/ogc/collections/district/tiles/WebMercatorQuad?f=tilejson");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.mapbox.tile+json");
        JsonNode tileJson = JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));

        assertThat(tileJson.path("tilejson").asString()).isEqualTo("3.0.0");
        assertThat(tileJson.path("tiles").get(0).asString())
                .isEqualTo("http://localhost:" + port + "/ogc/collections/district/tiles/WebMercatorQuad/{z}/{y}/{x}?f=mvt");
        assertThat(tileJson.path("vector_layers").get(0).path("id").asString()).isEqualTo("district");
        JsonNode bounds = tileJson.path("bounds");
        assertThat(bounds.get(0).asDouble()).as("west of the Wirral").isBetween(-3.3, -3.0);
        assertThat(bounds.get(3).asDouble()).as("north of Southport").isBetween(53.6, 53.8);
    }

    /** The definition's numbers are those of OGC 17-083r4 Annex D, table D.1 (WebMercatorQuad). */
    @Test
    void theTileMatrixSetIsTheRegisteredWebMercatorQuad() {
        JsonNode sets = json("/ogc/tileMatrixSets");
        assertThat(sets.path("tileMatrixSets").get(0).path("id").asString()).isEqualTo("WebMercatorQuad");

        JsonNode set = json("/ogc/tileMatrixSets/WebMercatorQuad");
        assertThat(set.path("uri").asString()).isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
        assertThat(set.path("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(set.path("tileMatrices")).hasSize(25);
        JsonNode z0 = set.path("tileMatrices").get(0);
        assertThat(z0.path("scaleDenominator").asDouble()).isCloseTo(559082264.0287178, within(1e-4));
        assertThat(z0.path("cellSize").asDouble()).isCloseTo(156543.0339280410, within(1e-6));
        assertThat(z0.path("pointOfOrigin").get(0).asDouble()).isCloseTo(-20037508.3427892, within(1e-6));
        JsonNode z12 = set.path("tileMatrices").get(12);
        assertThat(z12.path("id").asString()).isEqualTo("12");
        assertThat(z12.path("scaleDenominator").asDouble()).isCloseTo(136494.693366, within(1e-3));
        assertThat(z12.path("matrixWidth").asInt()).isEqualTo(4096);
    }

    @Test
    void theOgcApiAdvertisesTheTiles() {
        assertThat(json("/ogc/conformance").path("conformsTo").valueStream().map(JsonNode::asString).toList())
                .contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
                        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");
        String vector = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
        assertThat(links(json("/ogc"))).containsEntry(vector, "http://localhost:" + port + "/ogc/tiles");
        assertThat(links(json("/ogc/collections/ward"))).containsEntry(vector, "http://localhost:" + port + "/ogc/collections/ward/tiles");
        JsonNode paths = json("/ogc/api").path("paths");
        assertThat(paths.path("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
                .path("get").path("operationId").asString()).isEqualTo("collection.vector.getTile");
    }

    /** Layer name to "code|lad_code|name" of each feature, as ogrinfo prints them (buffer kept: CLIP=NO). */
    private static Map<String, List<String>> decode(Path file, int x, int y, int z) throws Exception {
        String out = run("ogrinfo", "-ro", "-al", "-q", "-oo", "CLIP=NO", "-oo", "X=" + x, "-oo", "Y=" + y, "-oo", "Z=" + z, "MVT:" + file);
        Map<String, List<String>> features = new LinkedHashMap<>();
        String[] blocks = out.split("OGRFeature\\(");
        for (int i = 1; i < blocks.length; i++) {
            Matcher layer = LAYER.matcher(blocks[i]);
            assertThat(layer.find()).as(blocks[i]).isTrue();
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher field = FIELD.matcher(blocks[i]);
            while (field.find()) {
                fields.put(field.group(1), field.group(2).strip());
            }
            features.computeIfAbsent(layer.group(1), k -> new ArrayList<>())
                    .add(fields.get("code") + "|" + fields.get("lad_code") + "|" + fields.get("name"));
        }
        return features;
    }

    private Map<String, String> links(JsonNode document) {
        Map<String, String> links = new LinkedHashMap<>();
        document.path("links").forEach(l -> links.putIfAbsent(l.path("rel").asString(), l.path("href").asString()));
        return links;
    }

    private JsonNode json(String path) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String path, String... headers) {
        return ApiClient.admin(port).getBytes(path, headers);
    }

    private static void requireGdal() {
        String path = System.getenv().getOrDefault("PATH", "");
        if (Stream.of(path.split(File.pathSeparator)).noneMatch(d -> Files.isExecutable(Path.of(d, "ogrinfo")))) {
            String reason = "Reading tiles with GDAL needs ogrinfo (apt-get install gdal-bin)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
