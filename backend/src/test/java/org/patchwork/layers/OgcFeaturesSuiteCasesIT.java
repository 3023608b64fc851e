package org.patchwork.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The requests the OGC API – Features test suite makes that the server used to refuse: a bbox across the
 * antimeridian (answered, here with no areas), a bbox of six numbers, and {@code datetime} on the boundary
 * collections, which have no time (OGC API – Features Part 1, 7.15.3 and 7.15.4).
 */
@PatchworkIntegrationTest
class OgcFeaturesSuiteCasesIT {

    private static final String LSOA_ITEMS = "/ogc/collections/lsoa/items";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ServerClient server;

    @BeforeEach
    void client() {
        server = new ServerClient(port);
    }

    /** The suite's own box, 177°E to 177°W: nothing of Merseyside is there. */
    @Test
    void aBboxAcrossTheAntimeridianIsAnswered() {
        JsonNode page = server.getJson(LSOA_ITEMS + "?bbox=177,65,-177,70");

        assertThat(page.path("numberMatched").asInt()).isZero();
        assertThat(page.path("features")).isEmpty();
    }

    @Test
    void aBboxWithHeightsSelectsByItsCorners() {
        assertThat(ids("bbox=-3.0,53.40,-10,-2.98,53.41,500")).isEqualTo(ids("bbox=-3.0,53.40,-2.98,53.41")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-03-01", "2022-03-01T12:00:00Z", "2022-01-01T00:00:00Z/2022-12-31T23:59:59Z", "2022-01-01/..", "../2022-01-01", "/2022-01-01"})
    void datetimeKeepsEveryTimelessBoundary(String datetime) {
        assertThat(server.getJson(LSOA_ITEMS + "?limit=1&datetime=" + ServerClient.encode(datetime)).path("numberMatched").asInt())
                .isEqualTo(jdbc.sql("select count(*) from area where level = 'lsoa'").query(Integer.class).single());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2022-13-01", "2022-01-01/2022-02-01/2022-03-01", "../..x", "../..", "/"})
    void aDatetimeThatIsNotRfc3339IsRefused(String datetime) {
        HttpResponse<String> response = server.get(LSOA_ITEMS + "?datetime=" + ServerClient.encode(datetime));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ServerClient.json(response).path("type").asString()).isEqualTo("/problems/invalid-parameter");
    }

    @Test
    void theApiDefinitionAllowsSixNumbersAndDatetime() {
        JsonNode parameters = server.getJson("/ogc/api").path("components").path("parameters");

        assertThat(parameters.path("bbox").path("schema").path("maxItems").asInt()).isEqualTo(6);
        assertThat(parameters.path("datetime").path("schema").path("type").asString()).isEqualTo("string");
        assertThat(parameters.path("datetime").path("style").asString()).isEqualTo("form");
    }

    private Set<String> ids(String query) {
        JsonNode page = server.getJson(LSOA_ITEMS + "?limit=1000&" + query);
        Set<String> ids = new TreeSet<>();
        page.path("features").forEach(f -> ids.add(f.path("id").asString()));
        assertThat(ids).hasSize(page.path("numberMatched").asInt());
        return ids;
    }
}
