package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * To a person with no basis for access, the partner-owned dataset does not exist: its URLs answer exactly
 * as those of a dataset or collection that really does not exist, apart from the name asked for.
 */
@PatchworkIntegrationTest
class HiddenDatasetIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CrimeData crime;
    ApiClient outsider;

    @BeforeEach
    void outsider() {
        crime = new CrimeData(jdbc);
        AdminApi admin = new AdminApi(port);
        outsider = admin.user(admin.partner("Allotment Society", "voluntary"), "analyst").basic(port);
    }

    @Test
    void onTheApiAHiddenDatasetLooksLikeOneThatDoesNotExist() {
        long unknown = crime.datasetId + 1_000_000;
        for (String suffix : List.of("", "/agreements", "/categories", "/counts?level=district&category=Burglary&from=2022-03&to=2022-03")) {
            Reply hidden = outsider.get("/api/datasets/" + crime.datasetId + suffix);
            Reply missing = outsider.get("/api/datasets/" + unknown + suffix);
            assertThat(hidden.status()).as(suffix).isEqualTo(404).isEqualTo(missing.status());
            assertThat(withoutName(hidden, String.valueOf(crime.datasetId))).as(suffix)
                    .isEqualTo(withoutName(missing, String.valueOf(unknown)));
        }
        Reply custom = outsider.post("/api/datasets/" + crime.datasetId + "/counts/custom", Map.of("lsoas", List.of("E01006512")));
        assertThat(custom.status()).isEqualTo(404);
    }

    /** The points, count collections and their items alike: 404 unknown-collection, as for a made-up name. */
    @Test
    void onTheOgcApiAHiddenCollectionLooksLikeOneThatDoesNotExist() {
        String madeUp = "merseyside-street-crime-1999";
        for (String suffix : List.of("", "/items", "-by-district", "-by-district/items", "-by-lsoa/items?category=Burglary&from=2022-03&to=2022-03",
                "-by-msoa?f=html")) {
            Reply hidden = outsider.get("/ogc/collections/" + CrimeData.SLUG + suffix);
            Reply missing = outsider.get("/ogc/collections/" + madeUp + suffix);
            assertThat(hidden.status()).as(suffix).isEqualTo(404).isEqualTo(missing.status());
            assertThat(withoutName(hidden, CrimeData.SLUG)).as(suffix).isEqualTo(withoutName(missing, madeUp));
        }
    }

    /** A problem's type, title and detail, with the name asked for blanked out. */
    private static String withoutName(Reply problem, String asked) {
        assertThat(problem.isProblem()).as("%s", problem).isTrue();
        JsonNode body = problem.json();
        return String.join(" | ", body.path("type").asString(), body.path("title").asString(),
                body.path("detail").asString().replace(asked, "…"));
    }
}
