package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
 * Separation of duties: an agreement is made and changed by the owner partner's data managers; an
 * administrator may withdraw one but never give themselves record access through one (not even through
 * an agreement an administrator made before this rule), and administrators cannot create administrators
 * inside other partners.
 */
@PatchworkIntegrationTest
class SeparationOfDutiesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    long crime;
    long adminPartner;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        admin = new AdminApi(port);
        crime = jdbc.sql("select id from dataset where slug = :slug").param("slug", CrimeData.SLUG).query(Long.class).single();
        adminPartner = jdbc.sql("select partner_id from app_user where username = 'admin'").query(Long.class).single();
    }

    @Test
    void anAdministratorCannotMakeOrChangeAnAgreementButMayWithdrawOne() {
        Map<String, Object> toThemselves = AdminApi.agreementBody(today, today.plusDays(30),
                Recipient.partner(adminPartner, "record", "lsoa"));
        toThemselves.put("legalBasis", "none");

        Reply made = ApiClient.admin(port).post("/api/datasets/" + crime + "/agreements", toThemselves);
        long byOwner = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(admin.partner("Duties Council", "council"),
                "aggregate", "lsoa"));
        Reply changed = ApiClient.admin(port).put("/api/agreements/" + byOwner, toThemselves);

        assertThat(made.status()).as("%s", made).isEqualTo(403);
        assertThat(made.isProblem()).isTrue();
        assertThat(changed.status()).as("%s", changed).isEqualTo(403);
        assertThat(ApiClient.admin(port).getJson("/api/datasets/" + crime).path("access").path("level").asString()).isEqualTo("metadata");
        assertThat(jdbc.sql("select count(*) from agreement_recipient where agreement_id = :id and access_level = 'record'")
                .param("id", byOwner).query(Long.class).single()).as("unchanged").isZero();
        assertThat(admin.withdraw(byOwner).status()).as("withdrawing is an administrator's duty too").isEqualTo(200);
    }

    /** An agreement an administrator made under the earlier rules (as the probe did) gives them nothing. */
    @Test
    void anAdministratorIsNeverARecipientOfRecordAccessThroughAnAgreementTheyMade() {
        User otherAdmin = admin.user(adminPartner, "admin");
        long agreement = jdbc.sql("insert into sharing_agreement (dataset_id, title, purpose, legal_basis, start_date, expiry_date, "
                        + "created_by) values (:d, 'Self-granted', 'probe', 'none', current_date - 1, current_date + 30, :by) returning id")
                .param("d", crime).param("by", otherAdmin.username()).query(Long.class).single();
        jdbc.sql("insert into agreement_recipient (agreement_id, partner_id, access_level) values (:a, :p, 'record')")
                .param("a", agreement).param("p", adminPartner).update();
        try {
            Reply points = otherAdmin.basic(port).get("/ogc/collections/" + CrimeData.SLUG + "/items?limit=1");

            assertThat(otherAdmin.basic(port).getJson("/api/datasets/" + crime).path("access").path("level").asString())
                    .isEqualTo("metadata");
            assertThat(points.status()).as("%s", points).isEqualTo(403);
        } finally {
            assertThat(admin.withdraw(agreement).status()).isEqualTo(200);
        }
    }

    @Test
    void administratorsCannotCreateAdministratorsInsideOtherPartners() {
        long council = admin.partner("Duties Council", "council");
        Map<String, Object> inOtherPartner = Map.of("username", AdminApi.unique("admin").toLowerCase(), "partnerId", council,
                "role", "admin", "password", "pw-long-enough-123");
        User councilAnalyst = admin.user(council, "analyst");

        Reply created = ApiClient.admin(port).post("/api/admin/users", inOtherPartner);
        Reply promoted = ApiClient.admin(port).patch("/api/admin/users/" + councilAnalyst.id(), Map.of("role", "admin"));

        assertThat(created.status()).as("%s", created).isEqualTo(403);
        assertThat(created.isProblem()).isTrue();
        assertThat(promoted.status()).as("%s", promoted).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from app_user where partner_id = :p and role = 'admin'").param("p", council)
                .query(Long.class).single()).isZero();
        assertThat(admin.user(adminPartner, "admin").role()).as("inside their own partner they may").isEqualTo("admin");
    }
}
