package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Browser sessions in the database, as the session store now writes them (touches committed without waiting
 * for the disk, the read after each save answered from the request): every request still moves the session's
 * last access in the table, and a sign-out ends the session for every later request, whichever server thread
 * serves it.
 */
@PatchworkIntegrationTest
class SessionStoreIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRequestTouchesTheSessionRowAndASignOutEndsItForEveryLaterRequest() throws InterruptedException {
        AdminApi admin = new AdminApi(port);
        User user = admin.user(admin.partner(AdminApi.unique("Session store partner"), "other"), "analyst");
        ApiClient browser = ApiClient.browser(port);
        assertThat(browser.signIn(user.username(), user.password()).status()).isEqualTo(200);
        String session = browser.cookie("SESSION");

        Instant first = lastAccess(user.username());
        Thread.sleep(20);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.get("/api/indicators").status()).isEqualTo(200);
        }
        Instant later = lastAccess(user.username());
        assertThat(later).as("the row's last access moved with the requests").isAfter(first);

        assertThat(browser.sendWithCsrf("POST", "/logout", null).status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :u").param("u", user.username())
                .query(Long.class).single()).as("the signed-out session's row").isZero();
        ApiClient stolen = ApiClient.browser(port);
        stolen.setCookie("SESSION", session);
        for (int i = 0; i < 20; i++) {   // more requests than the server has threads busy: any thread that saved it
            assertThat(stolen.get("/api/indicators").status()).as("request %d with the signed-out cookie", i).isEqualTo(401);
        }
        assertThat(stolen.getJson("/api/session").path("authenticated").asBoolean()).isFalse();
    }

    private Instant lastAccess(String username) {
        long millis = jdbc.sql("select last_access_time from spring_session where principal_name = :u").param("u", username)
                .query(Long.class).single();
        return Instant.ofEpochMilli(millis);
    }
}
