package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.Recipient;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page on another site makes the browser post a form to Patchwork. The browser attaches what it holds on
 * its own (the session cookie, cached Basic credentials) but can set neither the X-XSRF-TOKEN header nor
 * the XSRF-TOKEN cookie, so no such request may change anything. Only Bearer tokens, which a browser never
 * attaches on its own, are exempt; and browsers are never invited to cache Basic credentials.
 */
@PatchworkIntegrationTest
class CrossSiteRequestIT {

    private static final String[] CROSS_SITE_FORM = {"Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site",
            "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCrossSiteFormPostWithCachedBasicCredentialsCannotWithdrawAnAgreement() {
        AdminApi admin = new AdminApi(port);
        long agreement = agreementInForce(admin);
        ApiClient browserWithCachedBasic = admin.client().withoutCsrfToken();

        Reply forged = browserWithCachedBasic.post("/api/agreements/" + agreement + "/withdraw", "confirm=yes", CROSS_SITE_FORM);

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
        assertThat(forged.isProblem()).isTrue();
        assertThat(withdrawn(agreement)).as("the agreement is still in force").isFalse();
        assertThat(admin.withdraw(agreement).status()).as("a script that sends the CSRF pair may").isEqualTo(200);
    }

    @Test
    void aCrossSiteFormPostWithTheSessionCookieCannotWithdrawAnAgreement() {
        AdminApi admin = new AdminApi(port);
        long agreement = agreementInForce(admin);
        ApiClient browser = ApiClient.browser(port);
        assertThat(browser.signIn("admin", org.patchwork.SharedDataDirectory.ADMIN_PASSWORD).status()).isEqualTo(200);

        Reply forged = browser.post("/api/agreements/" + agreement + "/withdraw", "confirm=yes", CROSS_SITE_FORM);

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
        assertThat(withdrawn(agreement)).isFalse();
        admin.withdraw(agreement);
    }

    @Test
    void basicCredentialsWithoutTheCsrfTokenChangeNothingEvenWithAJsonBody() {
        User analyst = new AdminApi(port).user(new AdminApi(port).partner("Cross-site Test Partner", "other"), "analyst");
        Reply json = analyst.basic(port).withoutCsrfToken().post("/api/me/tokens", Map.of("name", "forged", "days", 1));
        Reply form = analyst.basic(port).withoutCsrfToken().post("/api/me/tokens", "name=forged&days=1", CROSS_SITE_FORM);

        assertThat(json.status()).as("%s", json).isEqualTo(403);
        assertThat(form.status()).as("%s", form).isEqualTo(403);
        assertThat(analyst.basic(port).getJson("/api/me/tokens")).as("no token was made").isEmpty();
    }

    @Test
    void aBearerTokenNeedsNoCsrfToken() {
        User analyst = new AdminApi(port).user(new AdminApi(port).partner("Cross-site Test Partner", "other"), "analyst");
        String token = analyst.basic(port).postJson("/api/me/tokens", Map.of("name", "script", "days", 1)).path("token").asString();

        Reply reply = ApiClient.bearer(port, token).post("/api/me/tokens", Map.of("name", "second", "days", 1));

        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    @Test
    void browsersAreNotInvitedToCacheBasicCredentials() {
        Reply navigation = ApiClient.anonymous(port).get("/api/datasets", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate",
                "Sec-Fetch-Dest", "document", "Accept", "application/json");
        Reply fetch = ApiClient.anonymous(port).get("/ogc/collections", "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors");
        Reply gisClient = ApiClient.anonymous(port).get("/ogc/collections");

        assertThat(navigation.status()).isEqualTo(401);
        assertThat(navigation.header("WWW-Authenticate")).as("no Basic prompt for a browser").isNull();
        assertThat(fetch.status()).isEqualTo(401);
        assertThat(fetch.header("WWW-Authenticate")).isNull();
        assertThat(gisClient.header("WWW-Authenticate")).as("GIS clients still learn they may use Basic").isEqualTo("Basic realm=\"Patchwork\"");
    }

    private long agreementInForce(AdminApi admin) {
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        long council = admin.partner("Cross-site Council", "council");
        LocalDate today = LocalDate.now();
        return admin.agreement(crime, today.minusDays(1), today.plusDays(30), Recipient.partner(council, "aggregate", "lsoa"));
    }

    private boolean withdrawn(long agreement) {
        return jdbc.sql("select withdrawn_at is not null from sharing_agreement where id = :id").param("id", agreement)
                .query(Boolean.class).single();
    }
}
