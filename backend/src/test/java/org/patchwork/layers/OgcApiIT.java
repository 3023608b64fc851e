package org.patchwork.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.patchwork.layers.ServerClient.CRS84;
import static org.patchwork.layers.ServerClient.EPSG_27700;
import static org.patchwork.layers.ServerClient.EPSG_4326;
import static org.patchwork.layers.ServerClient.encode;
import static org.patchwork.layers.ServerClient.link;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features over HTTP against the loaded Merseyside data, signed in as the first administrator.
 * Expected values come from PostGIS directly (table {@code area}), not from the views and SQL the server uses.
 */
@PatchworkIntegrationTest
class OgcApiIT {

    private static final String LSOA_ITEMS = "/ogc/collections/lsoa/items";
    // A Liverpool city-centre LSOA (Liverpool 031A), in the full-resolution set
    private static final String CITY_CENTRE_LSOA = "E01006512";
    // Liverpool city centre in British National Grid metres: minx, miny, maxx, maxy
    private static final double[] CITY_CENTRE = {333_000, 389_000, 336_000, 392_000};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ServerClient server;

    @BeforeEach
    void connect() {
        server = new ServerClient(port);
    }

    @Test
    void landingPageLinksToTheApiDefinitionConformanceAndCollections() {
        JsonNode landing = server.getJson("/ogc");

        assertThat(server.get(link(landing, "service-desc")).statusCode()).isEqualTo(200);
        assertThat(server.getJson(link(landing, "conformance")).path("conformsTo")).isNotEmpty();
        List<String> collections = server.getJson(link(landing, "data")).path("collections").valueStream()
                .map(c -> c.path("id").asString()).toList();
        // the administrator has metadata access only to the partner-owned crime data, so no crime collections
        // (custom areas and saved indicators other tests made in the shared database are open-geography collections)
        assertThat(collections.subList(0, 4)).containsExactly("lsoa", "msoa", "ward", "district");
        assertThat(collections.subList(4, collections.size())).allSatisfy(id -> assertThat(id).matches("custom-areas|indicator-\\d+"));
    }

    @Test
    void conformsToCoreGeoJsonAndCrs() {
        List<String> classes = server.getJson("/ogc/conformance").path("conformsTo").valueStream()
                .map(JsonNode::asString).toList();
        assertThat(classes).contains(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    }

    @Test
    void nextLinksVisitEveryLsoaExactlyOnce() {
        List<String> ids = new ArrayList<>();
        int pages = 0;
        for (String next = LSOA_ITEMS + "?limit=100"; next != null; pages++) {
            JsonNode page = server.getJson(next);
            assertThat(page.path("numberMatched").asInt()).isEqualTo(910);
            assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size());
            page.path("features").forEach(f -> ids.add(f.path("id").asString()));
            next = link(page, "next");
        }
        assertThat(pages).isEqualTo(10);
        assertThat(ids).hasSize(910).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(jdbc.sql("select code from area where level = 'lsoa'").query(String.class).list());
    }

    /**
     * The same box asked for in British National Grid, CRS84 (lon/lat) and EPSG:4326 (lat/lon). The CRS84 box
     * is the lon/lat envelope of the metre box, so it is a little larger: it selects every LSOA the metre box
     * does, and each answer is what PostGIS says intersects the box in that box's own CRS.
     */
    @Test
    void bboxMeansTheSameInEveryCrsAndAxisOrder() {
        double[] lonLat = jdbc.sql("""
                        select ST_XMin(e) as a, ST_YMin(e) as b, ST_XMax(e) as c, ST_YMax(e) as d
                        from (select ST_Transform(ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 27700), 4326) as e) box""")
                .params(box(CITY_CENTRE))
                .query((rs, n) -> new double[] {rs.getDouble("a"), rs.getDouble("b"), rs.getDouble("c"), rs.getDouble("d")})
                .single();

        Set<String> metres = ids("bbox=" + join(CITY_CENTRE) + "&bbox-crs=" + encode(EPSG_27700));
        Set<String> crs84 = ids("bbox=" + join(lonLat));
        Set<String> latLon = ids("bbox=" + join(lonLat[1], lonLat[0], lonLat[3], lonLat[2]) + "&bbox-crs=" + encode(EPSG_4326));

        assertThat(metres).contains(CITY_CENTRE_LSOA).hasSizeGreaterThan(20)
                .isEqualTo(intersecting("geom", "ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 27700)", CITY_CENTRE));
        assertThat(crs84).containsAll(metres)
                .isEqualTo(intersecting("ST_Transform(geom, 4326)", "ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)", lonLat));
        assertThat(latLon).isEqualTo(crs84);
    }

    @Test
    void britishNationalGridOutputIsTheStoredGeometry() {
        double[] stored = firstStoredPoint("ST_X(p)", "ST_Y(p)");
        String crs = "crs=" + encode(EPSG_27700);
        for (String target : List.of(LSOA_ITEMS + "/" + CITY_CENTRE_LSOA + "?" + crs, LSOA_ITEMS + "?code=" + CITY_CENTRE_LSOA + "&" + crs)) {
            HttpResponse<String> response = server.get(target);

            assertThat(response.headers().firstValue("Content-Crs")).as(target).hasValue("<" + EPSG_27700 + ">");
            JsonNode body = ServerClient.json(response);
            JsonNode first = firstPoint(body.has("features") ? body.path("features").path(0) : body);
            assertThat(first.get(0).asDouble()).as("easting").isCloseTo(stored[0], within(0.001));
            assertThat(first.get(1).asDouble()).as("northing").isCloseTo(stored[1], within(0.001));
        }
    }

    @Test
    void epsg4326HasLatitudeFirstAndCrs84LongitudeFirst() {
        double[] lonLat = firstStoredPoint("ST_X(ST_Transform(p, 4326))", "ST_Y(ST_Transform(p, 4326))");

        HttpResponse<String> epsg4326 = server.get(LSOA_ITEMS + "/" + CITY_CENTRE_LSOA + "?crs=" + encode(EPSG_4326));
        assertThat(epsg4326.headers().firstValue("Content-Crs")).hasValue("<" + EPSG_4326 + ">");
        JsonNode latFirst = firstPoint(ServerClient.json(epsg4326));
        assertThat(latFirst.get(0).asDouble()).isCloseTo(53.4, within(0.1)).isCloseTo(lonLat[1], within(1e-6));
        assertThat(latFirst.get(1).asDouble()).isCloseTo(lonLat[0], within(1e-6));

        HttpResponse<String> crs84 = server.get(LSOA_ITEMS + "/" + CITY_CENTRE_LSOA);
        assertThat(crs84.headers().firstValue("Content-Crs")).hasValue("<" + CRS84 + ">");
        JsonNode lonFirst = firstPoint(ServerClient.json(crs84));
        assertThat(lonFirst.get(0).asDouble()).isCloseTo(lonLat[0], within(1e-6));
        assertThat(lonFirst.get(1).asDouble()).isCloseTo(lonLat[1], within(1e-6));
    }

    @Test
    void filtersByDistrict() {
        JsonNode liverpool = server.getJson(LSOA_ITEMS + "?lad_code=E08000012&limit=1000");

        assertThat(liverpool.path("numberMatched").asInt()).isEqualTo(298);
        assertThat(liverpool.path("features").valueStream().map(f -> f.path("properties").path("lad_code").asString()))
                .hasSize(298).containsOnly("E08000012");
        assertThat(link(liverpool, "next")).isNull();
    }

    @Test
    void servesOneFeatureByItsCode() {
        String name = jdbc.sql("select name from area where level = 'lsoa' and code = :code")
                .param("code", CITY_CENTRE_LSOA).query(String.class).single();

        JsonNode feature = server.getJson(LSOA_ITEMS + "/" + CITY_CENTRE_LSOA);

        assertThat(feature.path("type").asString()).isEqualTo("Feature");
        assertThat(feature.path("id").asString()).isEqualTo(CITY_CENTRE_LSOA);
        assertThat(feature.path("properties").path("name").asString()).isEqualTo(name);
        assertThat(feature.path("properties").path("imd_decile").isInt()).isTrue();
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
    }

    @Test
    void servesHtmlWhenAskedFor() {
        HttpResponse<String> page = server.get(LSOA_ITEMS + "?f=html&lad_code=E08000012&limit=10");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(ServerClient.contentType(page)).startsWith("text/html");
        assertThat(page.body()).contains("<table", "298 features match");
    }

    @Test
    void healthIncludesTheDatabase() {
        JsonNode health = server.getJson("/actuator/health");

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    private Set<String> ids(String query) {
        JsonNode page = server.getJson(LSOA_ITEMS + "?limit=1000&" + query);
        assertThat(link(page, "next")).as("all in one page").isNull();
        Set<String> ids = new TreeSet<>();
        page.path("features").forEach(f -> ids.add(f.path("id").asString()));
        return ids;
    }

    private Set<String> intersecting(String geometry, String envelope, double[] bbox) {
        return new TreeSet<>(jdbc.sql("select code from area where level = 'lsoa' and ST_Intersects(" + geometry + ", " + envelope + ")")
                .params(box(bbox)).query(String.class).list());
    }

    /** x then y of the first vertex of the first polygon's outer ring of the stored city-centre LSOA. */
    private double[] firstStoredPoint(String x, String y) {
        return jdbc.sql("select " + x + " as x, " + y + " as y from (select ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1) as p "
                        + "from area where level = 'lsoa' and code = :code) first")
                .param("code", CITY_CENTRE_LSOA).query((rs, n) -> new double[] {rs.getDouble("x"), rs.getDouble("y")}).single();
    }

    private static JsonNode firstPoint(JsonNode feature) {
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        return feature.path("geometry").path("coordinates").path(0).path(0).path(0);
    }

    private static Map<String, Object> box(double[] b) {
        return Map.of("minx", b[0], "miny", b[1], "maxx", b[2], "maxy", b[3]);
    }

    private static String join(double... values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }
}
