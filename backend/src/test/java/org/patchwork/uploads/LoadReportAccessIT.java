package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
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
 * A rejected row's value is record-level data (a month, a location, an identifier of one crime): only the
 * owner partner's data managers see it, and each time they do it is audited. Everyone else who may know
 * the dataset sees the issues (file, row, column, reason) without the values, and the CSV report of a job
 * is refused to them. Report cells that a spreadsheet would run as a formula are neutralised.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadReportAccessIT {

    /** Months that are not dates, so each row is rejected with its value; the first four start a spreadsheet formula. */
    private static final List<String> BAD_MONTHS = List.of("=HYPERLINK(\"http://attacker.example\",\"x\")", "+1+1", "-1+1",
            "@SUM(1)", "2022-13");

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    User ownerManager;
    User ownerAnalyst;
    User recipientManager;
    long datasetId;
    String job;

    @BeforeAll
    void loadAFileWithRejectedRows() throws IOException {
        AdminApi admin = new AdminApi(port);
        long owner = admin.partner("Report Owner", "council");
        long recipient = admin.partner("Report Recipient", "council");
        ownerManager = admin.user(owner, "data-manager");
        ownerAnalyst = admin.user(owner, "analyst");
        recipientManager = admin.user(recipient, "data-manager");
        BadFiles files = new BadFiles(dir);
        Path file = files.rows("formulas.csv", (row, i) -> i < BAD_MONTHS.size() ? BadFiles.put(row, "Month", BAD_MONTHS.get(i)) : row);
        UploadClient manager = new UploadClient(port, ownerManager.username(), ownerManager.password());
        Map<String, Object> metadata = new HashMap<>(Map.of("title", AdminApi.unique("Report IT"), "theme", "crime"));
        metadata.put("publishValidRows", true);
        JsonNode done = manager.load(file, metadata);
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.path("result").path("rowsRejected").asInt()).isEqualTo(BAD_MONTHS.size());
        datasetId = done.path("result").path("datasetId").asLong();
        job = "/api/jobs/" + done.path("id").asString();
        LocalDate today = LocalDate.now();
        Reply agreement = ownerManager.basic(port).post("/api/datasets/" + datasetId + "/agreements",
                AdminApi.agreementBody(today, today.plusDays(30), Recipient.partner(recipient, "aggregate", "lsoa")));
        assertThat(agreement.status()).as("%s", agreement).isEqualTo(201);
    }

    @Test
    void theOwnersDataManagerSeesTheValuesAndIsAudited() {
        long before = audited(ownerManager, "load-issues");
        JsonNode issues = ownerManager.basic(port).getJson("/api/datasets/" + datasetId + "?issues=100").path("issues");

        assertThat(issues.valueStream().map(i -> i.path("value").asString()).toList()).containsExactlyInAnyOrderElementsOf(BAD_MONTHS);
        assertThat(audited(ownerManager, "load-issues")).isEqualTo(before + 1);
    }

    @Test
    void everyoneElseSeesTheIssuesWithoutTheirValues() {
        for (ApiClient reader : List.of(ownerAnalyst.basic(port), recipientManager.basic(port), ApiClient.admin(port))) {
            JsonNode issues = reader.getJson("/api/datasets/" + datasetId + "?issues=100").path("issues");
            assertThat(issues).hasSize(BAD_MONTHS.size());
            assertThat(issues).allSatisfy(issue -> {
                assertThat(issue.path("reason").asString()).startsWith("not a date");
                assertThat(issue.path("column").asString()).isEqualTo("Month");
                assertThat(issue.path("value").isMissingNode() || issue.path("value").isNull()).as("%s", issue).isTrue();
            });
        }
    }

    @Test
    void theReportIsForTheOwnersDataManagersOnlyAndTheirReadsAreAudited() {
        long before = audited(ownerManager, "job-report");
        Reply owner = ownerManager.basic(port).get(job + "/report.csv");
        Reply analyst = ownerAnalyst.basic(port).get(job + "/report.csv");
        Reply administrator = ApiClient.admin(port).get(job + "/report.csv");
        Reply otherPartner = recipientManager.basic(port).get(job + "/report.csv");

        assertThat(owner.status()).isEqualTo(200);
        assertThat(audited(ownerManager, "job-report")).isEqualTo(before + 1);
        assertThat(analyst.status()).as("%s", analyst).isEqualTo(403);
        assertThat(administrator.status()).as("%s", administrator).isEqualTo(403);
        assertThat(otherPartner.status()).as("another partner does not learn the job exists").isEqualTo(404);
        for (Reply refused : List.of(analyst, administrator, otherPartner)) {
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.body()).doesNotContain("HYPERLINK", "2022-13");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where username in (:names) and outcome = 'denied' and output = 'job-report'")
                .param("names", List.of(ownerAnalyst.username(), "admin", recipientManager.username())).query(Long.class).single())
                .as("each refusal is audited").isGreaterThanOrEqualTo(3);
    }

    @Test
    void reportCellsThatWouldRunAsSpreadsheetFormulasAreNeutralised() {
        List<CSVRecord> report = new UploadClient(port, ownerManager.username(), ownerManager.password()).rejectedRows(job);

        assertThat(report.stream().map(r -> r.get("value")).toList()).containsExactlyInAnyOrder(
                "'=HYPERLINK(\"http://attacker.example\",\"x\")", "'+1+1", "'-1+1", "'@SUM(1)", "2022-13");
        assertThat(report).allSatisfy(r -> r.toList().forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")));
    }

    private long audited(User user, String output) {
        return jdbc.sql("select count(*) from audit_event where username = :u and output = :o and outcome = 'allowed'")
                .param("u", user.username()).param("o", output).query(Long.class).single();
    }
}
