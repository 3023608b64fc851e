package org.patchwork.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A by-area collection (here the IMD 2019 statistics, one feature per LSOA) answers the OGC API as the view-backed
 * ones do: a bbox keeps the areas it touches, one feature is served by its id, and pages and features link to their
 * HTML. The OGC API – Features suite checks all three on every collection it is shown.
 */
@PatchworkIntegrationTest
class ByAreaCollectionsIT {

    private static final String ITEMS = "/ogc/collections/imd2019/items";
    // central Liverpool, in longitude/latitude
    private static final double[] BOX = {-3.0, 53.40, -2.98, 53.41};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ServerClient server;

    @BeforeEach
    void client() {
        server = new ServerClient(port);
    }

    @Test
    void aBboxKeepsExactlyTheAreasItTouches() {
        Set<String> expected = new TreeSet<>(jdbc.sql("""
                select a.code from area a join imd2019 i on i.lsoa_code = a.code
                where a.level = 'lsoa' and ST_Intersects(a.geom, ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), 0.001), 27700))
                """).params(BOX[0], BOX[1], BOX[2], BOX[3]).query(String.class).list());

        JsonNode page = server.getJson(ITEMS + "?bbox=" + BOX[0] + "," + BOX[1] + "," + BOX[2] + "," + BOX[3]);

        Set<String> served = new TreeSet<>();
        page.path("features").forEach(f -> served.add(f.path("id").asString()));
        assertThat(served).isEqualTo(expected).hasSizeGreaterThan(5);
        assertThat(page.path("numberMatched").asInt()).isEqualTo(expected.size());
        assertThat(server.getJson(ITEMS + "?bbox=177,65,-177,70").path("numberMatched").asInt()).isZero();
    }

    @Test
    void oneFeatureIsServedByItsCodeWithTheFiguresOfTheItems() {
        JsonNode first = server.getJson(ITEMS + "?limit=1").path("features").get(0);
        String code = first.path("id").asString();
        long rank = jdbc.sql("select imd_rank from imd2019 where lsoa_code = ?").param(code).query(Long.class).single();

        JsonNode feature = server.getJson(ITEMS + "/" + code);

        assertThat(feature.path("id").asString()).isEqualTo(code);
        assertThat(feature.path("properties")).isEqualTo(first.path("properties"));
        assertThat(feature.path("properties").toString()).contains(Long.toString(rank));
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        assertThat(linkTypes(feature, "alternate")).containsExactly("text/html");
        assertThat(server.get(ITEMS + "/" + code + "?f=html").body()).contains(code);

        HttpResponse<String> unknown = server.get(ITEMS + "/E01999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ServerClient.json(unknown).path("type").asString()).isEqualTo("/problems/unknown-feature");
        assertThat(server.get(ITEMS + "/" + code + "?colour=red").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesLinkToTheirHtmlAndTheirCollection() {
        JsonNode page = server.getJson(ITEMS + "?limit=10");

        assertThat(linkTypes(page, "alternate")).containsExactly("text/html");
        assertThat(linkTypes(page, "collection")).containsExactly("application/json");
        assertThat(linkTypes(page, "next")).containsExactly(OgcController.GEOJSON);
        assertThat(page.path("numberReturned").asInt()).isEqualTo(10);
        assertThat(page.path("numberMatched").asInt())
                .isEqualTo(jdbc.sql("select count(*) from imd2019 i join area a on a.level = 'lsoa' and a.code = i.lsoa_code")
                        .query(Integer.class).single());
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
