package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The smaller holes found by probing: bad input that gave 500, what anonymous callers could read about the
 * server (the OpenAPI description, disk paths in the health check).
 */
@PatchworkIntegrationTest
class SmallerHolesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNulCharacterInAPartnerNameIsABadRequestAndCreatesNothing() {
        String name = AdminApi.unique("Nul") + "\u0000Partner";
        Reply reply = ApiClient.admin(port).post("/api/admin/partners", Map.of("name", name, "kind", "other"));

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(reply.json().path("detail").asString()).contains("name");
        assertThat(jdbc.sql("select count(*) from partner where name like :prefix").param("prefix", name.substring(0, 12) + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aNullLsoaInACustomAreaIsABadRequest() {
        AdminApi admin = new AdminApi(port);
        User analyst = admin.user(admin.partnerId(CrimeData.OWNER), "analyst");
        long crime = jdbc.sql("select id from dataset where slug = :slug").param("slug", CrimeData.SLUG).query(Long.class).single();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lsoas", Arrays.asList((String) null));
        body.put("category", "Burglary");
        body.put("from", "2022-03");
        body.put("to", "2022-03");

        Reply reply = analyst.basic(port).post("/api/datasets/" + crime + "/counts/custom", body);

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().path("detail").asString()).contains("lsoas");
    }

    /** Decision: like every other API description, the OpenAPI document is for signed-in users. */
    @Test
    void theOpenApiDescriptionNeedsSignIn() {
        Reply anonymous = ApiClient.anonymous(port).get("/v3/api-docs");
        Reply signedIn = ApiClient.admin(port).get("/v3/api-docs");

        assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().path("openapi").asString()).startsWith("3.");
    }

    @Test
    void theHealthCheckShowsNoDetailsToAnonymousCallers() {
        Reply anonymous = ApiClient.anonymous(port).get("/actuator/health");
        Reply administrator = ApiClient.admin(port).get("/actuator/health");

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.body()).doesNotContain("path", "diskSpace", "components", "/");
        assertThat(administrator.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
    }
}
