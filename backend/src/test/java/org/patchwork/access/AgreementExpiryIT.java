package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import tools.jackson.databind.JsonNode;

/**
 * An agreement gives access only while it is in force (started, not expired, not withdrawn), decided on
 * every request: changes through the API take effect at once, without a restart. Each test has its own
 * council, whose analyst has no other basis for access. "Today" is the database's current_date.
 */
@PatchworkIntegrationTest
class AgreementExpiryIT {

    private static final CrimeData.Filter SLICE = CrimeData.Filter.slice("Burglary", "2022-03");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    CrimeData crime;
    LocalDate today;
    long council;
    ApiClient analyst;

    @BeforeEach
    void councilWithoutAccess() {
        admin = new AdminApi(port);
        crime = new CrimeData(jdbc);
        today = jdbc.sql("select current_date").query(LocalDate.class).single();
        council = admin.partner("Wirral Council", "council");
        analyst = admin.user(council, "analyst").basic(port);
        assertNoAccess();
    }

    @Test
    void anAgreementThatExpiredYesterdayGivesNoAccessUntilItIsExtendedAndNoneOnceWithdrawn() {
        long id = admin.agreement(crime.datasetId, today.minusDays(30), today.minusDays(1), aggregateByLsoa());
        assertNoAccess();
        assertThat(agreement(id).path("inForce").asBoolean()).isFalse();

        assertThat(admin.updateAgreement(id, today.minusDays(30), today.plusDays(1), aggregateByLsoa()).status()).isEqualTo(200);
        assertAggregateAccess("lsoa");
        assertThat(agreement(id).path("inForce").asBoolean()).isTrue();

        assertThat(admin.withdraw(id).status()).isEqualTo(200);
        assertNoAccess();
        assertThat(agreement(id).path("inForce").asBoolean()).isFalse();
        assertThat(agreement(id).path("withdrawnAt").isString()).as("withdrawnAt").isTrue();
    }

    @Test
    void anAgreementStartingTomorrowGivesNoAccessYet() {
        long id = admin.agreement(crime.datasetId, today.plusDays(1), today.plusDays(30), aggregateByLsoa());
        assertNoAccess();

        admin.updateAgreement(id, today, today.plusDays(30), aggregateByLsoa());
        assertAggregateAccess("lsoa");
        admin.withdraw(id);
    }

    @Test
    void theStartAndExpiryDatesAreDaysOfAccess() {
        long id = admin.agreement(crime.datasetId, today, today, aggregateByLsoa());
        assertAggregateAccess("lsoa");
        admin.withdraw(id);
        assertNoAccess();
    }

    @Test
    void aChangedRecipientLevelAndGeographyApplyAtOnce() {
        long id = admin.agreement(crime.datasetId, today, today.plusDays(30), aggregateByLsoa());
        assertAggregateAccess("lsoa");

        admin.updateAgreement(id, today, today.plusDays(30), Recipient.partner(council, "public", "ward"));
        JsonNode access = analyst.getJson("/api/datasets/" + crime.datasetId).path("access");
        assertThat(access.path("level").asString()).isEqualTo("public");
        assertThat(access.path("minGeography").asString()).isEqualTo("ward");
        for (String level : new String[] {"lsoa", "msoa"}) {
            Reply refused = analyst.get(counts(level));
            assertThat(refused.status()).as("%s: %s", level, refused).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).isEqualTo("/problems/geography-not-allowed");
        }
        JsonNode ward = analyst.getJson(counts("ward"));
        assertThat(ward.path("disclosure").path("roundedTo").asInt()).isEqualTo(5);
        assertThat(ward.path("disclosure").path("levels").valueStream().map(JsonNode::asString)).containsExactly("ward", "district");
        admin.withdraw(id);
    }

    @Test
    void onlyAdministratorsAndTheOwnersDataManagersMayChangeAgreements() {
        AdminApi.Recipient recipient = aggregateByLsoa();
        User policeDataManager = admin.user(admin.partnerId(CrimeData.OWNER), "data-manager");
        ApiClient owner = policeDataManager.basic(port);
        Reply created = owner.post("/api/datasets/" + crime.datasetId + "/agreements",
                AdminApi.agreementBody(today, today.plusDays(30), recipient));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertAggregateAccess("lsoa");

        ApiClient councilDataManager = admin.user(council, "data-manager").basic(port);
        Reply refused = councilDataManager.put("/api/agreements/" + id, AdminApi.agreementBody(today, today.plusDays(365), recipient));
        assertThat(refused.status()).as("a recipient may not extend its own agreement").isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(councilDataManager.post("/api/agreements/" + id + "/withdraw", null).status()).isEqualTo(403);

        ApiClient stranger = admin.user(admin.partner("Fire Service", "fire"), "data-manager").basic(port);
        assertThat(stranger.post("/api/datasets/" + crime.datasetId + "/agreements", AdminApi.agreementBody(today, today.plusDays(30),
                Recipient.partner(council, "record", "lsoa"))).status()).as("the dataset does not exist for them").isEqualTo(404);

        assertThat(owner.post("/api/agreements/" + id + "/withdraw", null).status()).isEqualTo(200);
        assertNoAccess();
    }

    @Test
    void anAgreementMayNotEndBeforeItStarts() {
        long id = admin.agreement(crime.datasetId, today, today.plusDays(30), aggregateByLsoa());
        Reply reply = admin.updateAgreement(id, today, today.minusDays(1), aggregateByLsoa());
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertAggregateAccess("lsoa");
        admin.withdraw(id);
    }

    /** Agreement authors (for OpenID Connect accounts, e-mail addresses) are shown only to those who may govern the dataset. */
    @Test
    void aPublicLevelReaderDoesNotLearnWhoWroteTheAgreement() {
        User dataManager = admin.user(admin.partnerId(CrimeData.OWNER), "data-manager");
        Reply created = dataManager.basic(port).post("/api/datasets/" + crime.datasetId + "/agreements",
                AdminApi.agreementBody(today, today.plusDays(30), Recipient.partner(council, "public", "ward")));
        long id = created.json().path("id").asLong();
        Reply agreements = analyst.get("/api/datasets/" + crime.datasetId + "/agreements");
        JsonNode governed = agreement(id);
        admin.withdraw(id);

        assertThat(agreements.status()).isEqualTo(200);
        assertThat(agreements.json().valueStream().map(detail -> detail.path("agreement").path("id").asLong())).contains(id);
        assertThat(agreements.body()).doesNotContain(dataManager.username());
        assertThat(agreements.json().valueStream().map(detail -> detail.path("agreement").path("createdBy")))
                .allMatch(author -> author.isNull() || author.isMissingNode());
        assertThat(governed.path("createdBy").asString()).as("an administrator sees the author").isEqualTo(dataManager.username());
    }

    private Recipient aggregateByLsoa() {
        return Recipient.partner(council, "aggregate", "lsoa");
    }

    /** For the analyst the dataset does not exist: not listed, and 404 on every path. */
    private void assertNoAccess() {
        assertThat(analyst.getJson("/api/datasets").valueStream().map(d -> d.path("dataset").path("slug").asString()))
                .doesNotContain(CrimeData.SLUG);
        for (String target : new String[] {"/api/datasets/" + crime.datasetId, counts("district"),
                "/ogc/collections/" + CrimeData.SLUG + "-by-district/items?f=json" + SLICE.query()}) {
            Reply reply = analyst.get(target);
            assertThat(reply.status()).as("%s: %s", target, reply).isEqualTo(404);
        }
    }

    private void assertAggregateAccess(String minGeography) {
        JsonNode access = analyst.getJson("/api/datasets/" + crime.datasetId).path("access");
        assertThat(access.path("level").asString()).isEqualTo("aggregate");
        assertThat(access.path("minGeography").asString()).isEqualTo(minGeography);
        assertThat(analyst.getJson(counts("district")).path("disclosure").path("method").asString()).isEqualTo("cell-key");
        assertThat(analyst.get("/ogc/collections/" + CrimeData.SLUG + "-by-district/items?f=json" + SLICE.query()).status()).isEqualTo(200);
    }

    private JsonNode agreement(long id) {
        return admin.client().getJson("/api/datasets/" + crime.datasetId + "/agreements").valueStream()
                .map(detail -> detail.path("agreement")).filter(a -> a.path("id").asLong() == id).findFirst().orElseThrow();
    }

    /** Counts of one category in one month: the only table counted under disclosure control. */
    private String counts(String level) {
        return "/api/datasets/" + crime.datasetId + "/counts?level=" + level + SLICE.query();
    }
}
