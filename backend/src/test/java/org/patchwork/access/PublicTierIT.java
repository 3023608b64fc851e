package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * With the public tier on, visitors who are not signed in see open data and the aggregates an agreement
 * gives the public, at the public level (perturbed with the public ptable, whose threshold keeps 1 to 7
 * from ever being shown, then rounded to 5), and nothing else.
 */
@PatchworkIntegrationTest
@TestPropertySource(properties = "patchwork.access.public-tier=true")
class PublicTierIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void anonymousVisitorsSeeOnlyPublicAggregatesAndOpenData() throws Exception {
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();

        String oneSlice = "category=Burglary&from=2022-03&to=2022-03";
        assertThat(get("/api/datasets/" + crime + "/counts?level=ward&" + oneSlice, false).statusCode())
                .as("no public agreement yet: the dataset does not exist for the public").isEqualTo(404);
        assertThat(get("/ogc/collections/lsoa/items?limit=1", false).statusCode()).as("open data").isEqualTo(200);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the map page").isEqualTo(200);

        String agreement = """
                {"title":"Public crime map %s","purpose":"Public information","legalBasis":"Open data policy",
                 "startDate":"2020-01-01","expiryDate":"2099-12-31",
                 "recipients":[{"role":"public","accessLevel":"public","minGeography":"ward"}]}""".formatted(UUID.randomUUID());
        AdminApi.User ownersDataManager = new AdminApi(port).user(new AdminApi(port).partnerId(CrimeData.OWNER), "data-manager");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/datasets/" + crime + "/agreements"))
                .header("Authorization", ApiClient.basicHeader(ownersDataManager.username(), ownersDataManager.password()))
                .headers(ApiClient.csrfPairHeaders()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(agreement)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        long agreementId = json.readTree(created.body()).get("id").asLong();
        try {
            HttpResponse<String> wards = get("/api/datasets/" + crime + "/counts?level=ward&category=Burglary&from=2022-03&to=2022-03", false);
            assertThat(wards.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(wards.body());
            assertThat(body.get("disclosure").get("access").asString()).isEqualTo("public");
            for (JsonNode area : body.get("areas")) {
                assertThat(area.get("suppressed").asBoolean()).as("nothing is suppressed: every count is perturbed " + area).isFalse();
                assertThat(area.get("count").isNumber()).as(area.toString()).isTrue();
                long count = area.get("count").asLong();
                assertThat(count % 5).as("rounded to 5: " + area).isZero();
                assertThat(count == 0 || count > 7).as("1 to 7 never shown: " + area).isTrue();
            }
            assertThat(get("/api/datasets/" + crime + "/counts?level=lsoa&" + oneSlice, false).statusCode())
                    .as("smaller than the agreement's geography").isEqualTo(403);
            assertThat(body.get("disclosure").get("method").asString()).isEqualTo("cell-key");
            assertThat(get("/api/datasets/" + crime + "/counts?level=ward&category=Burglary&from=2022-01&to=2022-03", false)
                    .statusCode()).as("a calendar quarter").isEqualTo(200);
            HttpResponse<String> twoMonths = get("/api/datasets/" + crime + "/counts?level=ward&category=Burglary&from=2022-01&to=2022-02", false);
            assertThat(twoMonths.statusCode()).as("months that are not a month, quarter or year could be averaged with others").isEqualTo(400);
            assertThat(json.readTree(twoMonths.body()).get("type").asString()).isEqualTo("/problems/period-not-allowed");
            assertThat(get("/ogc/collections/merseyside-street-crime-2022/items?limit=1", false).statusCode())
                    .as("points are record-level").isEqualTo(403);
            assertThat(get("/api/admin/users", false).statusCode()).isEqualTo(401);
        } finally {
            http.send(HttpRequest.newBuilder(uri("/api/agreements/" + agreementId + "/withdraw")).header("Authorization", admin())
                    .headers(ApiClient.csrfPairHeaders())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(get("/api/datasets/" + crime + "/counts?level=ward&" + oneSlice, false).statusCode()).as("withdrawn").isEqualTo(404);
    }

    private HttpResponse<String> get(String path, boolean asAdmin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (asAdmin) {
            request.header("Authorization", admin());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + SharedDataDirectory.ADMIN_PASSWORD).getBytes());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
