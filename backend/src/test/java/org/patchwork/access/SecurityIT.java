package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sign-in and request security: CSRF on browser sessions, a new session id at sign-in, bcrypt password
 * hashes, the same answer for an unknown user as for a wrong password, security headers, API tokens,
 * disabled accounts, and 401s that invite GIS clients (not the web app) to use Basic authentication.
 */
@PatchworkIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    User user;

    @BeforeEach
    void someone() {
        admin = new AdminApi(port);
        user = admin.user(admin.partner("Security Test Partner", "other"), "analyst");
    }

    @Test
    void aSessionRequestThatChangesStateNeedsTheCsrfHeader() {
        ApiClient browser = ApiClient.browser(port);
        assertThat(browser.signIn(user.username(), user.password()).status()).isEqualTo(200);
        Map<String, Object> token = Map.of("name", "from the browser", "days", 1);

        Reply without = browser.post("/api/me/tokens", token);
        Reply forged = browser.post("/api/me/tokens", token, "X-XSRF-TOKEN", "forged-token");
        Reply with = browser.sendWithCsrf("POST", "/api/me/tokens", token);

        assertThat(without.status()).as("%s", without).isEqualTo(403);
        assertThat(without.isProblem()).isTrue();
        assertThat(forged.status()).isEqualTo(403);
        assertThat(with.status()).as("%s", with).isEqualTo(201);
        assertThat(browser.getJson("/api/me/tokens")).as("only the request with the header did anything").hasSize(1);
    }

    @Test
    void signingInNeedsTheCsrfTokenToo() {
        ApiClient browser = ApiClient.browser(port);
        Reply reply = browser.post("/login", ApiClient.form(user.username(), user.password()), "X-Requested-With", "XMLHttpRequest");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(browser.getJson("/api/session").path("authenticated").asBoolean()).isFalse();
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneStaysAnonymous() {
        ApiClient browser = ApiClient.browser(port);
        Reply page = browser.get("/", "Accept", "text/html");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login.html");
        String before = browser.cookie("SESSION");
        assertThat(before).as("a session exists before sign-in (it remembers the page asked for)").isNotNull();

        Reply signIn = browser.signIn(user.username(), user.password());
        assertThat(signIn.status()).isEqualTo(200);
        String after = browser.cookie("SESSION");
        assertThat(signIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
                .singleElement().asString().contains("HttpOnly", "SameSite=Lax");

        assertThat(after).isNotNull().isNotEqualTo(before);
        ApiClient attacker = ApiClient.browser(port);
        attacker.setCookie("SESSION", before);
        assertThat(attacker.getJson("/api/session").path("authenticated").asBoolean()).as("the fixed session").isFalse();
        assertThat(browser.getJson("/api/session").path("username").asString()).isEqualTo(user.username());
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.sql("select password_hash from app_user where username = :u").param("u", user.username())
                .query(String.class).single();

        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(user.password());
        assertThat(new BCryptPasswordEncoder().matches(user.password(), hash.substring("{bcrypt}".length()))).isTrue();
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        String unknown = AdminApi.unique("nobody").toLowerCase();
        Reply unknownScript = ApiClient.browser(port).signIn(unknown, "some-password-1");
        Reply wrongScript = ApiClient.browser(port).signIn(user.username(), "some-password-1");
        assertThat(unknownScript.status()).isEqualTo(401).isEqualTo(wrongScript.status());
        assertThat(withoutRequest(unknownScript)).isEqualTo(withoutRequest(wrongScript));

        ApiClient unknownForm = ApiClient.browser(port);
        ApiClient wrongForm = ApiClient.browser(port);
        Reply unknownPost = unknownForm.post("/login", ApiClient.form(unknown, "x-password"), "X-XSRF-TOKEN", unknownForm.xsrfToken());
        Reply wrongPost = wrongForm.post("/login", ApiClient.form(user.username(), "x-password"), "X-XSRF-TOKEN", wrongForm.xsrfToken());
        assertThat(unknownPost.status()).isEqualTo(302).isEqualTo(wrongPost.status());
        assertThat(unknownPost.header("Location")).isEqualTo(wrongPost.header("Location")).endsWith("/login.html?error");

        Reply unknownBasic = ApiClient.basic(port, unknown, "x-password").get("/api/datasets");
        Reply wrongBasic = ApiClient.basic(port, user.username(), "x-password").get("/api/datasets");
        assertThat(unknownBasic.status()).isEqualTo(401).isEqualTo(wrongBasic.status());
        assertThat(withoutRequest(unknownBasic)).isEqualTo(withoutRequest(wrongBasic));
        assertThat(unknownBasic.header("WWW-Authenticate")).isEqualTo(wrongBasic.header("WWW-Authenticate"));
    }

    @Test
    void pagesAndApiResponsesCarrySecurityHeaders() {
        for (Reply reply : List.of(ApiClient.anonymous(port).get("/login.html"), user.basic(port).get("/api/datasets"),
                user.basic(port).get("/ogc/collections?f=html"), ApiClient.anonymous(port).get("/api/datasets"))) {
            assertThat(reply.header("X-Content-Type-Options")).as("%s", reply).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'", "default-src 'self'", "object-src 'none'");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("same-origin");
        }
    }

    @Test
    void anApiTokenWorksAsBearerUntilRevokedOrExpiredAndIsStoredOnlyAsAHash() {
        ApiClient basic = user.basic(port);
        var created = basic.postJson("/api/me/tokens", Map.of("name", "qgis", "days", 7));
        String token = created.path("token").asString();
        long id = created.path("id").asLong();
        assertThat(token).startsWith("pwk_");
        assertThat(ApiClient.bearer(port, token).getJson("/api/session").path("username").asString()).isEqualTo(user.username());
        assertThat(jdbc.sql("select token_sha256 from api_token where id = :id").param("id", id).query(String.class).single())
                .isEqualTo(sha256(token)).doesNotContain(token);

        assertThat(basic.delete("/api/me/tokens/" + id).status()).isEqualTo(204);
        assertUnauthenticated(ApiClient.bearer(port, token).get("/api/datasets"));
        assertUnauthenticated(ApiClient.bearer(port, "pwk_" + "A".repeat(43)).get("/api/datasets"));
        assertUnauthenticated(ApiClient.bearer(port, "not-even-a-token").get("/api/datasets"));

        var expiring = basic.postJson("/api/me/tokens", Map.of("name", "expiring", "days", 1));
        jdbc.sql("update api_token set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", expiring.path("id").asLong()).update();
        assertUnauthenticated(ApiClient.bearer(port, expiring.path("token").asString()).get("/api/datasets"));
    }

    @Test
    void aDisabledUserCannotSignInByAnyMeans() {
        String token = user.basic(port).postJson("/api/me/tokens", Map.of("name", "before", "days", 1)).path("token").asString();
        Reply wrongPassword = ApiClient.browser(port).signIn(user.username(), "wrong-password-1");
        assertThat(admin.setEnabled(user, false).status()).isEqualTo(200);

        Reply session = ApiClient.browser(port).signIn(user.username(), user.password());
        assertThat(session.status()).isEqualTo(401);
        assertThat(withoutRequest(session)).as("no hint that the account exists but is disabled").isEqualTo(withoutRequest(wrongPassword));
        assertUnauthenticated(user.basic(port).get("/api/datasets"));
        assertUnauthenticated(ApiClient.bearer(port, token).get("/api/datasets"));

        admin.setEnabled(user, true);
        assertThat(ApiClient.browser(port).signIn(user.username(), user.password()).status()).isEqualTo(200);
    }

    /** Sessions read the account again on every request: disabling it ends the session at once. */
    @Test
    void disablingAUserEndsTheirSession() {
        ApiClient browser = ApiClient.browser(port);
        browser.signIn(user.username(), user.password());
        admin.setEnabled(user, false);

        assertThat(browser.getJson("/api/session").path("authenticated").asBoolean()).isFalse();
        assertThat(browser.get("/api/datasets").status()).isEqualTo(401);
        admin.setEnabled(user, true);
        assertThat(browser.getJson("/api/session").path("authenticated").asBoolean()).as("the ended session stays ended").isFalse();
    }

    @Test
    void aRoleChangeAppliesToASessionAtOnce() {
        ApiClient browser = ApiClient.browser(port);
        browser.signIn(user.username(), user.password());
        assertThat(browser.getJson("/api/session").path("role").asString()).isEqualTo("analyst");

        assertThat(admin.client().patch("/api/admin/users/" + user.id(), Map.of("role", "viewer")).status()).isEqualTo(200);
        assertThat(browser.getJson("/api/session").path("role").asString()).isEqualTo("viewer");
    }

    @Test
    void unauthenticatedClientsAreToldHowToSignIn() {
        Reply gisClient = ApiClient.anonymous(port).get("/api/datasets");
        Reply webApp = ApiClient.anonymous(port).get("/api/datasets", "X-Requested-With", "XMLHttpRequest");
        Reply person = ApiClient.anonymous(port).get("/", "Accept", "text/html");
        Reply ogcInABrowser = ApiClient.anonymous(port).get("/ogc/collections", "Accept", "text/html");

        assertUnauthenticated(gisClient);
        assertThat(gisClient.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Patchwork\"");
        assertThat(webApp.status()).isEqualTo(401);
        assertThat(webApp.header("WWW-Authenticate")).as("no browser pop-up for the app's own scripts").isNull();
        assertThat(person.status()).isEqualTo(302);
        assertThat(person.header("Location")).endsWith("/login.html");
        assertThat(ogcInABrowser.status()).as("OGC API answers clients, not pages").isEqualTo(401);
    }

    @Test
    void onlyAdministratorsMayUseTheAdminApi() {
        for (Reply reply : List.of(user.basic(port).get("/api/admin/users"), user.basic(port).get("/api/admin/audit"),
                user.basic(port).post("/api/admin/partners", Map.of("name", AdminApi.unique("Sneaky"), "kind", "other")))) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(403);
            assertThat(reply.isProblem()).isTrue();
        }
    }

    private static void assertUnauthenticated(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(401);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/unauthenticated");
    }

    /** A problem body without the parts that differ per request. */
    private static String withoutRequest(Reply reply) {
        ObjectNode body = (ObjectNode) reply.json();
        body.remove("requestId");
        body.remove("instance");
        return body.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
