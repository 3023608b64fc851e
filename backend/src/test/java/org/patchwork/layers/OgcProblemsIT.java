package org.patchwork.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every error a client can cause (signed in as the administrator, except for the 401 cases) is RFC 9457 problem+json with a type from the catalogue, a detail a
 * person can act on and the request id from the logs, and never SQL or a stack trace.
 */
@PatchworkIntegrationTest
class OgcProblemsIT {

    @LocalServerPort
    int port;

    ServerClient server;

    @BeforeEach
    void connect() {
        server = new ServerClient(port);
    }

    @Test
    void unknownCollection() {
        JsonNode problem = problem("/ogc/collections/postcodes/items", 404, "unknown-collection");
        assertThat(problem.path("detail").asString()).contains("postcodes", "lsoa");
    }

    @Test
    void unknownFeature() {
        JsonNode problem = problem("/ogc/collections/lsoa/items/E01999999", 404, "unknown-feature");
        assertThat(problem.path("detail").asString()).contains("E01999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2,3", "a,b,c,d", "10,10,0,0", "1,2,3,NaN", "-200,50,-190,51"})
    void invalidBbox(String bbox) {
        problem("/ogc/collections/lsoa/items?bbox=" + bbox, 400, "invalid-bbox");
    }

    @Test
    void unsupportedCrs() {
        JsonNode problem = problem("/ogc/collections/lsoa/items?crs=EPSG:4326", 400, "invalid-crs");
        assertThat(problem.path("detail").asString()).contains(ServerClient.CRS84);
    }

    @ParameterizedTest
    @ValueSource(strings = {"colour=red", "limit=0", "limit=lots", "offset=-1", "f=xml", "limit=1&limit=2"})
    void invalidParameter(String query) {
        problem("/ogc/collections/lsoa/items?" + query, 400, "invalid-parameter");
    }

    @Test
    void unknownUrl() {
        HttpResponse<String> response = server.get("/no/such/page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ServerClient.contentType(response)).startsWith("application/problem+json");
        assertSafeAndTraceable(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc", "/ogc/collections", "/ogc/collections/lsoa/items", "/ogc/collections/postcodes"})
    void withoutCredentialsEveryOgcUrlIsUnauthenticated(String target) {
        HttpResponse<String> response = ServerClient.anonymous(port).get(target);

        assertThat(response.statusCode()).as(target).isEqualTo(401);
        assertThat(ServerClient.contentType(response)).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("GIS clients are told to use Basic")
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        JsonNode problem = assertSafeAndTraceable(response);
        assertThat(problem.path("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asString()).contains("Basic", "Bearer");
        assertThat(problem.path("detail").asString()).as("an anonymous caller learns nothing about the collections")
                .doesNotContain("lsoa", "Collections");
    }

    /** Asserts the response is a problem of this status and type, and returns its body. */
    private JsonNode problem(String target, int status, String type) {
        HttpResponse<String> response = server.get(target);

        assertThat(response.statusCode()).as(target).isEqualTo(status);
        assertThat(ServerClient.contentType(response)).startsWith("application/problem+json");
        JsonNode problem = assertSafeAndTraceable(response);
        assertThat(problem.path("type").asString()).isEqualTo("/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    private static JsonNode assertSafeAndTraceable(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContainIgnoringCase("select").doesNotContain("Exception", "at org.", "at java.");
        JsonNode problem = ServerClient.json(response);
        assertThat(problem.path("requestId").asString()).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElse(null));
        return problem;
    }
}
