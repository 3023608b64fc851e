package org.patchwork.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A by-area collection (here an indicator of the IMD 2019 rank, one feature per LSOA) answers the OGC API as the view-backed
 * ones do: a bbox keeps the areas it touches, one feature is served by its id, and pages and features link to their
 * HTML. The OGC API – Features suite checks all three on every collection it is shown.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ByAreaCollectionsIT {
    // central Liverpool, in longitude/latitude
    private static final double[] BOX = {-3.0, 53.40, -2.98, 53.41};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient server;
    String items;

    @BeforeAll
    void indicator() {
        AdminApi admin = new AdminApi(port);
        ApiClient analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst").basic(port);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "IMD rank for the OGC API");
        body.put("datasetId", jdbc.sql("select id from dataset where slug = 'imd2019'").query(Long.class).single());
        body.put("measure", "area-statistic");
        body.put("statistic", "imd_rank");
        body.put("level", "lsoa");
        ApiClient.Reply reply = analyst.post("/api/indicators", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        items = "/ogc/collections/indicator-" + reply.json().path("id").asLong() + "/items";
        server = analyst;
    }


    @Test
    void aBboxKeepsExactlyTheAreasItTouches() {
        Set<String> expected = new TreeSet<>(jdbc.sql("""
                select a.code from area a join imd2019 i on i.lsoa_code = a.code
                where a.level = 'lsoa' and ST_Intersects(a.geom, ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), 0.001), 27700))
                """).params(BOX[0], BOX[1], BOX[2], BOX[3]).query(String.class).list());

        JsonNode page = server.getJson(items + "?bbox=" + BOX[0] + "," + BOX[1] + "," + BOX[2] + "," + BOX[3]);

        Set<String> served = new TreeSet<>();
        page.path("features").forEach(f -> served.add(f.path("id").asString()));
        assertThat(served).isEqualTo(expected).hasSizeGreaterThan(5);
        assertThat(page.path("numberMatched").asInt()).isEqualTo(expected.size());
        assertThat(server.getJson(items + "?bbox=177,65,-177,70").path("numberMatched").asInt()).isZero();
    }

    @Test
    void oneFeatureIsServedByItsCodeWithTheFiguresOfTheItems() {
        JsonNode first = server.getJson(items + "?limit=1").path("features").get(0);
        String code = first.path("id").asString();
        long rank = jdbc.sql("select imd_rank from imd2019 where lsoa_code = ?").param(code).query(Long.class).single();

        JsonNode feature = server.getJson(items + "/" + code);

        assertThat(feature.path("id").asString()).isEqualTo(code);
        assertThat(feature.path("properties")).isEqualTo(first.path("properties"));
        assertThat(feature.path("properties").path("value").asDouble()).isEqualTo((double) rank);
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        assertThat(linkTypes(feature, "alternate")).containsExactly("text/html");
        assertThat(server.get(items + "/" + code + "?f=html").body()).contains(code);

        ApiClient.Reply unknown = server.get(items + "/E01999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString()).isEqualTo("/problems/unknown-feature");
        assertThat(server.get(items + "/" + code + "?colour=red").status()).isEqualTo(400);
    }

    @Test
    void pagesLinkToTheirHtmlAndTheirCollection() {
        JsonNode page = server.getJson(items + "?limit=10");

        assertThat(linkTypes(page, "alternate")).containsExactly("text/html");
        assertThat(linkTypes(page, "collection")).containsExactly("application/json");
        assertThat(linkTypes(page, "next")).containsExactly(OgcController.GEOJSON);
        assertThat(page.path("numberReturned").asInt()).isEqualTo(10);
        assertThat(page.path("numberMatched").asInt())
                .isEqualTo(jdbc.sql("select count(*) from imd2019 i join area a on a.level = 'lsoa' and a.code = i.lsoa_code")
                        .query(Integer.class).single());
        assertThat(server.get(items + "?limit=10&f=html").body()).contains(page.path("features").get(0).path("id").asString());
    }

    private static Set<String> linkTypes(JsonNode document, String rel) {
        Set<String> types = new TreeSet<>();
        document.path("links").forEach(l -> {
            if (l.path("rel").asString().equals(rel)) {
                types.add(l.path("type").asString());
            }
        });
        return types;
    }
}
