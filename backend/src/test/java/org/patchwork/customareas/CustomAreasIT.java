package org.patchwork.customareas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Custom areas through the API: from a list of LSOAs or a drawn polygon, shared, on the OGC API, deleted; bad input refused. */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomAreasIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient analyst;
    ApiClient otherPartner;
    List<String> three;

    @BeforeAll
    void people() {
        AdminApi admin = new AdminApi(port);
        analyst = admin.user(admin.partner(AdminApi.unique("Custom council"), "council"), "analyst").basic(port);
        otherPartner = admin.user(admin.partner(AdminApi.unique("Custom trust"), "nhs"), "viewer").basic(port);
        three = jdbc.sql("select code from area where level = 'lsoa' order by code limit 3 offset 40").query(String.class).list();
    }

    private long count() {
        return jdbc.sql("select count(*) from custom_area").query(Long.class).single();
    }

    @Test
    void aListOfLsoasIsSavedSharedServedAndDeleted() {
        Reply saved = analyst.post("/api/custom-areas", Map.of("name", "  Three LSOAs  ", "lsoas",
                three.get(0).toLowerCase() + ", " + three.get(1) + "\n" + three.get(2) + "\n" + three.get(1)));
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        JsonNode area = saved.json();
        assertThat(area.path("name").asString()).isEqualTo("Three LSOAs");
        assertThat(area.path("source").asString()).isEqualTo("lsoas");
        assertThat(area.path("lsoas").valueStream().map(JsonNode::asString).toList()).isEqualTo(three);
        String code = area.path("code").asString();
        assertThat(saved.header("Location")).endsWith("/api/custom-areas/" + area.path("id").asLong());

        // shared with the partnership: someone of another partner sees it, in the API and on the OGC API
        assertThat(otherPartner.getJson("/api/custom-areas").valueStream().map(a -> a.path("code").asString())).contains(code);
        JsonNode feature = otherPartner.getJson("/ogc/collections/custom-areas/items/" + code);
        assertThat(feature.path("properties").path("name").asString()).isEqualTo("Three LSOAs");
        assertThat(feature.path("properties").path("lsoa_count").asInt()).isEqualTo(3);
        double expectedArea = jdbc.sql("select ST_Area(ST_Union(geom)) from area where level = 'lsoa' and code = any (cast(:c as text[]))")
                .param("c", three.toArray(String[]::new)).query(Double.class).single();
        double storedArea = jdbc.sql("select ST_Area(geom) from custom_area where id = :id").param("id", area.path("id").asLong())
                .query(Double.class).single();
        assertThat(storedArea).isCloseTo(expectedArea, org.assertj.core.data.Percentage.withPercentage(0.001));
        assertThat(ApiClient.anonymous(port).get("/ogc/collections/custom-areas").status()).isIn(401, 404);

        // only whoever saved it (or an administrator) deletes it
        Reply refused = otherPartner.delete("/api/custom-areas/" + area.path("id").asLong());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(analyst.delete("/api/custom-areas/" + area.path("id").asLong()).status()).isEqualTo(204);
        assertThat(analyst.get("/api/custom-areas/" + area.path("id").asLong()).json().path("type").asString())
                .isEqualTo("/problems/unknown-custom-area");
    }

    @Test
    void unknownCodesAreListedAndNothingIsSaved() {
        long before = count();
        Reply reply = analyst.post("/api/custom-areas", Map.of("name", "Typos", "lsoas", List.of(three.get(0), "E01999999", "W01000001")));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/unknown-lsoa-codes");
        assertThat(reply.json().path("unknownCodes").valueStream().map(JsonNode::asString).toList()).containsExactly("E01999999", "W01000001");
        assertThat(reply.body()).doesNotContain("select", "at org.");
        assertThat(count()).isEqualTo(before);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("name", "x"), Map.<String, Object>of("lsoas", three),
                Map.<String, Object>of("name", "x", "lsoas", three, "geometry", Map.of("type", "Point")),
                Map.<String, Object>of("name", "x", "geometry", Map.of("type", "Point", "coordinates", List.of(0, 0))),
                Map.<String, Object>of("name", "x", "lsoas", List.of(" ")))) {
            Reply answer = analyst.post("/api/custom-areas", bad);
            assertThat(answer.status()).as("%s → %s", bad, answer).isEqualTo(400);
            assertThat(answer.json().path("type").asString()).isEqualTo("/problems/invalid-request");
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aDrawnPolygonTakesTheLsoasWhosePointOnSurfaceItHolds() {
        // drawn round the three LSOAs (their union, 1 m wider, in longitude/latitude as Leaflet sends it): each one's
        // point on surface is inside, and no neighbour's, so the area is exactly these three
        String drawn = jdbc.sql("select ST_AsGeoJSON(ST_Transform(ST_Buffer(ST_Union(geom), 1), 4326), 9) from area "
                + "where level = 'lsoa' and code = any (cast(:c as text[]))").param("c", three.toArray(String[]::new)).query(String.class).single();
        JsonNode geometry = tools.jackson.databind.json.JsonMapper.builder().build().readTree(drawn);
        Reply reply = analyst.post("/api/custom-areas", Map.of("name", "Drawn round three", "geometry", geometry));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.json().path("source").asString()).isEqualTo("drawn");
        assertThat(reply.json().path("lsoas").valueStream().map(JsonNode::asString).toList()).isEqualTo(three);
        assertThat(jdbc.sql("select drawn is not null from custom_area where id = :id").param("id", reply.json().path("id").asLong())
                .query(Boolean.class).single()).isTrue();

        Reply empty = analyst.post("/api/custom-areas", Map.of("name", "At sea", "geometry", Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(-5.0, 53.5), List.of(-4.99, 53.5), List.of(-4.99, 53.51), List.of(-5.0, 53.5))))));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("detail").asString()).contains("no loaded LSOA");
    }
}
