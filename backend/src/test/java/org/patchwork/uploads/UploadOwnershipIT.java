package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An upload belongs to the user and the partner that sent it. Another partner's data manager who learns
 * its id can neither read its preview (with sample rows) nor publish it as their own dataset or version:
 * to them it does not exist (404), and each try is audited.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadOwnershipIT {

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    BadFiles files;
    UploadClient sender;
    User otherManager;
    UploadClient other;

    @BeforeAll
    void twoPartners() throws IOException {
        files = new BadFiles(dir);
        sender = UploadClient.newPartner(port, "Upload sender");
        AdminApi admin = new AdminApi(port);
        otherManager = admin.user(admin.partner("Upload snooper", "council"), "data-manager");
        other = new UploadClient(port, otherManager.username(), otherManager.password());
    }

    @Test
    void anotherPartnersDataManagerCannotPreviewOrPublishAnUpload() {
        String uploadId = sender.inspect(files.csv).json().path("uploadId").asString();
        long before = denials();

        Reply preview = other.api().get("/api/uploads/" + uploadId);
        Reply publish = other.api().post("/api/datasets", Map.of("uploadId", uploadId, "title", AdminApi.unique("Stolen"),
                "theme", "crime", "publishValidRows", true));
        long ownDataset = ownDataset();
        Reply version = other.api().post("/api/datasets/" + ownDataset + "/versions", Map.of("uploadId", uploadId,
                "publishValidRows", true));

        for (Reply reply : List.of(preview, publish, version)) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(404);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().path("type").asString()).isEqualTo("/problems/unknown-upload");
            assertThat(reply.body()).doesNotContain("Crime ID", "Longitude");
        }
        assertThat(denials() - before).as("each try is audited").isEqualTo(3);
        assertThat(sender.api().get("/api/uploads/" + uploadId).status()).as("the sender still may").isEqualTo(200);
    }

    @Test
    void theSendersPreviewIsAudited() {
        String uploadId = sender.inspect(files.csv).json().path("uploadId").asString();
        long before = previews();

        assertThat(sender.api().get("/api/uploads/" + uploadId).status()).isEqualTo(200);

        assertThat(previews()).isEqualTo(before + 1);
    }

    /** A dataset of the other partner's own, so that only the upload's owner is wrong in the version request. */
    private long ownDataset() {
        Map<String, Object> metadata = new java.util.HashMap<>(Map.of("title", AdminApi.unique("Own data"), "theme", "crime"));
        metadata.put("publishValidRows", true);
        Path own = files.rows("own.csv", (row, i) -> i == 0 ? BadFiles.put(row, "Month", "2022-13") : row);
        var job = other.load(own, metadata);
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        return job.path("result").path("datasetId").asLong();
    }

    private long denials() {
        return jdbc.sql("select count(*) from audit_event where username = :u and outcome = 'denied' and output = 'upload'")
                .param("u", otherManager.username()).query(Long.class).single();
    }

    private long previews() {
        return jdbc.sql("select count(*) from audit_event where output = 'upload-preview'").query(Long.class).single();
    }
}
