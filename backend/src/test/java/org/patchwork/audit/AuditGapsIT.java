package org.patchwork.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refusals the probe found missing from the audit trail: a role that may not upload, a non-administrator
 * on the admin API, a bad API token, a request without its CSRF token. And the trail itself: the
 * application's database role may insert and read audit rows, nothing else.
 */
@PatchworkIntegrationTest
class AuditGapsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void refusalsOfRoleAdminApiBadTokenAndCsrfAreAudited() {
        AdminApi admin = new AdminApi(port);
        User analyst = admin.user(admin.partner("Audit Gaps Partner", "other"), "analyst");
        long before = jdbc.queryForObject("select max(id) from audit_event", Long.class);

        Reply upload = analyst.basic(port).post("/api/datasets", Map.of("uploadId", java.util.UUID.randomUUID().toString(), "title", "x"));
        Reply adminApi = analyst.basic(port).get("/api/admin/users");
        Reply badToken = ApiClient.bearer(port, "pwk_not-a-real-token").get("/api/datasets");
        ApiClient browser = ApiClient.browser(port);
        browser.signIn(analyst.username(), analyst.password());
        Reply noCsrf = browser.post("/api/me/tokens", Map.of("name", "forged", "days", 1));

        assertThat(upload.status()).isEqualTo(403);
        assertThat(adminApi.status()).isEqualTo(403);
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(count(before, "username = ? and outcome = 'denied' and detail like '%upload%'", analyst.username()))
                .as("a role that may not upload").isEqualTo(1);
        assertThat(count(before, "username = ? and outcome = 'denied' and output = 'admin-api'", analyst.username()))
                .as("a non-administrator on /api/admin").isEqualTo(1);
        assertThat(count(before, "action = 'login-failed' and output = 'api-token' and request_id = ?", badToken.header("X-Request-Id")))
                .as("a bad bearer token").isEqualTo(1);
        assertThat(count(before, "username = ? and outcome = 'denied' and output = 'csrf'", analyst.username()))
                .as("a request without the CSRF token").isEqualTo(1);
    }

    @Test
    void theApplicationsRoleMayInsertAndReadAuditRowsButNotChangeThemOrItsGuard() {
        String app = jdbc.queryForObject("select current_user", String.class);
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'audit_event'", String.class))
                .as("audit_event is owned by the migrations' role").isNotEqualTo(app);
        assertThat(jdbc.queryForList("select privilege_type from information_schema.role_table_grants where table_name = 'audit_event' "
                + "and grantee = ? order by 1", String.class, app)).containsExactly("INSERT", "SELECT");
        for (String tamper : new String[] {"update audit_event set detail = 'tampered' where id = (select max(id) from audit_event)",
                "delete from audit_event where id = (select max(id) from audit_event)",
                "drop trigger audit_event_append_only on audit_event",
                "alter table audit_event disable trigger audit_event_append_only"}) {
            transaction.executeWithoutResult(status -> {
                status.setRollbackOnly();   // should a guard give way, nothing is changed
                assertThatThrownBy(() -> jdbc.execute(tamper)).as(tamper).isInstanceOf(DataAccessException.class);
            });
        }
    }

    private long count(long after, String condition, Object value) {
        return jdbc.queryForObject("select count(*) from audit_event where id > ? and " + condition, Long.class, after, value);
    }
}
