package org.patchwork.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.Recipient;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail as evidence of use: every record and aggregate access, denial, sign-in, failed sign-in
 * and governance change leaves a row (matched to the request by its X-Request-Id), and the rows cannot
 * be changed or removed, neither through HTTP nor by the application's own database role.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {

    private static final String SLUG = "merseyside-street-crime-2022";
    /** One category in one month. */
    private static final String SLICE = "&category=Burglary&from=2022-03&to=2022-03";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    AdminApi admin;
    long datasetId;
    long councilId;
    long agreement;
    long msoaAgreement;
    User police;
    User nhs;
    User council;
    User stranger;

    @BeforeAll
    void partners() {
        admin = new AdminApi(port);
        datasetId = jdbc.queryForObject("select id from dataset where slug = ?", Long.class, SLUG);
        councilId = admin.partner("St Helens Council", "council");
        LocalDate today = jdbc.queryForObject("select current_date", LocalDate.class);
        agreement = admin.agreement(datasetId, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        police = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        council = admin.user(councilId, "officer");
        stranger = admin.user(admin.partner("Youth Club", "voluntary"), "analyst");
        long trust = admin.partner("Mersey Care NHS Trust", "nhs");
        msoaAgreement = admin.agreement(datasetId, today, today.plusDays(30), Recipient.partner(trust, "aggregate", "msoa"));
        nhs = admin.user(trust, "analyst");
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
        admin.withdraw(msoaAgreement);
    }

    @Test
    void everyRecordAndAggregateAccessLeavesARowWithWhoWhatAndHowMany() {
        ApiClient analyst = police.basic(port);
        List<String> msoa = jdbc.queryForList("select lsoa_code from lsoa_hierarchy where msoa_code = "
                + "(select min(msoa_code) from lsoa_hierarchy)", String.class);
        Map<String, String> expected = new LinkedHashMap<>();   // request id → action, output, rows
        Reply first = analyst.get("/ogc/collections/" + SLUG + "/items?limit=1");
        String event = first.json().path("features").path(0).path("id").asString();
        expected.put(requestId(first), "record-access ogc-items 1");
        expected.put(requestId(analyst.get("/ogc/collections/" + SLUG + "/items?limit=7")), "record-access ogc-items 7");
        expected.put(requestId(analyst.get("/ogc/collections/" + SLUG + "/items/" + event)), "record-access ogc-item 1");
        expected.put(requestId(analyst.get("/api/datasets/" + datasetId + "/counts?level=ward")), "aggregate-access counts 105");
        expected.put(requestId(analyst.post("/api/datasets/" + datasetId + "/counts/custom", Map.of("lsoas", msoa))),
                "aggregate-access custom-counts 1");
        expected.put(requestId(analyst.get("/ogc/collections/" + SLUG + "-by-district/items")), "aggregate-access ogc-counts 5");
        expected.put(requestId(analyst.get("/api/datasets/" + datasetId + "/categories")), "aggregate-access categories 14");

        Map<String, JsonNode> rows = rowsByRequest(police.username());
        assertThat(rows.keySet()).as("one row per access, nothing else").containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((request, what) -> {
            JsonNode row = rows.get(request);
            assertThat(row.path("action").asString() + " " + row.path("output").asString() + " " + row.path("rowCount").asInt())
                    .isEqualTo(what);
            assertThat(row.path("outcome").asString()).isEqualTo("allowed");
            assertThat(row.path("partner").asString()).isEqualTo("Merseyside Police");
            assertThat(row.path("partnerId").asLong()).isEqualTo(police.partnerId());
            assertThat(row.path("datasetId").asLong()).isEqualTo(datasetId);
        });

        String councilRequest = requestId(council.basic(port).get("/api/datasets/" + datasetId + "/counts?level=district" + SLICE));
        JsonNode councilRow = rowsByRequest(council.username()).get(councilRequest);
        assertThat(councilRow.path("partnerId").asLong()).isEqualTo(councilId);
        assertThat(councilRow.path("action").asString() + " " + councilRow.path("output").asString()).isEqualTo("aggregate-access counts");
        assertThat(councilRow.path("detail").asString()).contains("level=district", "category=Burglary", "from=2022-03", "to=2022-03");
    }

    @Test
    void denialsAreRecordedWithWhatWasAskedFor() {
        Reply points = council.basic(port).get("/ogc/collections/" + SLUG + "/items");
        Reply counts = stranger.basic(port).get("/api/datasets/" + datasetId + "/counts?level=lsoa");
        assertThat(points.status()).isEqualTo(403);
        assertThat(counts.status()).isEqualTo(404);

        JsonNode pointsRow = rowsByRequest(council.username()).get(requestId(points));
        assertThat(pointsRow.path("action").asString()).isEqualTo("denied");
        assertThat(pointsRow.path("outcome").asString()).isEqualTo("denied");
        assertThat(pointsRow.path("output").asString()).isEqualTo("ogc-items");
        assertThat(pointsRow.path("datasetId").asLong()).isEqualTo(datasetId);
        assertThat(pointsRow.path("detail").asString()).contains("record", "aggregate");

        JsonNode countsRow = rowsByRequest(stranger.username()).get(requestId(counts));
        assertThat(countsRow.path("outcome").asString()).isEqualTo("denied");
        assertThat(countsRow.path("output").asString()).isEqualTo("counts");
        assertThat(countsRow.path("detail").asString()).contains("none");
    }

    @Test
    void aGeographyTheAgreementDoesNotAllowIsRecordedAsADenialOnTheOgcApi() {
        Reply lsoas = nhs.basic(port).get("/ogc/collections/" + SLUG + "-by-lsoa/items");
        assertThat(lsoas.status()).isEqualTo(403);
        JsonNode row = rowsByRequest(nhs.username()).get(requestId(lsoas));
        assertThat(row).as("audit row of the refused request").isNotNull();
        assertThat(row.path("outcome").asString()).isEqualTo("denied");
        assertThat(row.path("detail").asString()).contains("lsoa");
    }

    /**
     * LSOAs for an MSOA agreement, asked through the counts API and through OGC API Features. (MSOAs for
     * an LSOA agreement were refused too while only one nested chain was published; under cell-key
     * perturbation every level from the agreement's smallest is, so that is no longer a denial.)
     */
    @Test
    void aGeographyTheAgreementDoesNotAllowIsRecordedAsADenialOnTheCountsApi() {
        Map<String, String> outputs = Map.of(
                "/api/datasets/" + datasetId + "/counts?level=lsoa" + SLICE, "counts",
                "/ogc/collections/" + SLUG + "-by-lsoa/items?f=json" + SLICE, "ogc-items");
        for (var refused : outputs.entrySet()) {
            Reply reply = nhs.basic(port).get(refused.getKey());
            assertThat(reply.status()).as("%s", reply).isEqualTo(403);
            assertThat(reply.json().path("type").asString()).isEqualTo("/problems/geography-not-allowed");
            JsonNode row = rowsByRequest(nhs.username()).get(requestId(reply));
            assertThat(row).as("audit row of the refused request").isNotNull();
            assertThat(row.path("outcome").asString()).isEqualTo("denied");
            assertThat(row.path("output").asString()).isEqualTo(refused.getValue());
            assertThat(row.path("detail").asString()).contains("lsoa");
        }
        Reply msoas = council.basic(port).get("/api/datasets/" + datasetId + "/counts?level=msoa" + SLICE);
        assertThat(msoas.status()).as("MSOAs and wards both, for an LSOA agreement: %s", msoas).isEqualTo(200);
    }

    @Test
    void signInsAndFailedSignInsAreRecorded() {
        User officer = admin.user(police.partnerId(), "officer");
        String unknown = AdminApi.unique("nobody").toLowerCase();
        Reply signedIn = ApiClient.browser(port).signIn(officer.username(), officer.password());
        Reply wrongPassword = ApiClient.browser(port).signIn(officer.username(), "not-the-password");
        Reply unknownUser = ApiClient.browser(port).signIn(unknown, "whatever-it-is");
        Reply wrongBasic = ApiClient.basic(port, officer.username(), "also-not-the-password").get("/api/datasets");
        assertThat(List.of(signedIn.status(), wrongPassword.status(), unknownUser.status(), wrongBasic.status()))
                .containsExactly(200, 401, 401, 401);

        Map<String, JsonNode> rows = rowsByRequest(officer.username());
        assertThat(rows.get(requestId(signedIn)).path("action").asString()).isEqualTo("login");
        assertThat(rows.get(requestId(signedIn)).path("partnerId").asLong()).isEqualTo(officer.partnerId());
        for (Reply failed : List.of(wrongPassword, wrongBasic)) {
            assertThat(rows.get(requestId(failed)).path("action").asString()).isEqualTo("login-failed");
            assertThat(rows.get(requestId(failed)).path("outcome").asString()).isEqualTo("failed");
        }
        assertThat(rowsByRequest(unknown).get(requestId(unknownUser)).path("action").asString()).isEqualTo("login-failed");
    }

    @Test
    void agreementAndAccountChangesAreRecorded() {
        long before = jdbc.queryForObject("select max(id) from audit_event", Long.class);
        User user = admin.user(councilId, "viewer");
        admin.setEnabled(user, false);
        LocalDate today = jdbc.queryForObject("select current_date", LocalDate.class);
        long id = admin.agreement(datasetId, today, today, Recipient.partner(councilId, "public", "ward"));
        admin.withdraw(id);

        // accounts are the administrator's to change; agreements the owner partner's data managers' to make (both may withdraw)
        List<String> details = jdbc.queryForList("select action || ': ' || detail from audit_event where id > ? and username in ('admin', ?) "
                + "and action in ('account-change', 'agreement-change') order by id", String.class, before,
                admin.ownersDataManager(datasetId).username());
        assertThat(details).contains("account-change: created user " + user.username() + " (viewer, " + partnerName(councilId) + ")",
                "account-change: changed user " + user.username() + " enabled=false",
                "agreement-change: created agreement " + id + ": " + agreementTitle(id),
                "agreement-change: withdrew agreement " + id);
    }

    @Test
    void theApplicationsDatabaseRoleCannotUpdateDeleteOrTruncateAuditRows() {
        long id = jdbc.queryForObject("select max(id) from audit_event", Long.class);
        Map<String, Object> before = jdbc.queryForMap("select * from audit_event where id = ?", id);

        assertThatThrownBy(() -> jdbc.update("update audit_event set detail = 'tampered' where id = ?", id))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id)).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event")).isInstanceOf(DataAccessException.class);

        assertThat(jdbc.queryForMap("select * from audit_event where id = ?", id)).isEqualTo(before);
    }

    @Test
    void noHttpEndpointChangesOrRemovesAuditRows() {
        ApiClient client = admin.client();
        long id = client.getJson("/api/admin/audit?limit=1").path(0).path("id").asLong();
        for (String method : List.of("PUT", "PATCH", "POST", "DELETE")) {
            Reply reply = client.send(method, "/api/admin/audit", method.equals("DELETE") ? null : Map.of("detail", "tampered"));
            assertThat(reply.status()).as(method).isEqualTo(405);
            assertThat(reply.isProblem()).as(method).isTrue();
            Reply one = client.send(method, "/api/admin/audit/" + id, method.equals("DELETE") ? null : Map.of("detail", "tampered"));
            assertThat(one.status()).as(method + " one row").isIn(404, 405);
            assertThat(one.isProblem()).as(method + " one row").isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where id = ? and detail is distinct from 'tampered'",
                Integer.class, id)).isEqualTo(1);
    }

    /** Migrations run as an owner role; the application's role may only insert and read audit rows (V32). */
    @Test
    void theApplicationsDatabaseRoleCannotSwitchTheAppendOnlyGuardOff() {
        assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'audit_event'", String.class))
                .as("owner of audit_event").isNotEqualTo(jdbc.queryForObject("select current_user", String.class));
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();   // should the guard give way, nothing is changed
            assertThatThrownBy(() -> jdbc.execute("alter table audit_event disable trigger audit_event_append_only"))
                    .isInstanceOf(DataAccessException.class);
        });
    }

    /** The user's audit rows (newest 500), by the request id that wrote them. */
    private Map<String, JsonNode> rowsByRequest(String username) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        admin.client().getJson("/api/admin/audit?limit=500&username=" + ApiClient.encode(username))
                .forEach(row -> rows.put(row.path("requestId").asString(), row));
        return rows;
    }

    private static String requestId(Reply reply) {
        assertThat(reply.header("X-Request-Id")).as("request id of %s", reply).isNotBlank();
        return reply.header("X-Request-Id");
    }

    private String partnerName(long partnerId) {
        return jdbc.queryForObject("select name from partner where id = ?", String.class, partnerId);
    }

    private String agreementTitle(long agreementId) {
        return jdbc.queryForObject("select title from sharing_agreement where id = ?", String.class, agreementId);
    }
}
