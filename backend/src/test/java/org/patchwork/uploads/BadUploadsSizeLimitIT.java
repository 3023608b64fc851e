package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A file over {@code patchwork.uploads.max-file-size} is refused with 413 before anything is stored. The
 * limit is lowered to 64 KB here, which needs an application context of its own; it is closed afterwards
 * so that its job worker does not linger beside the other contexts'.
 */
@PatchworkIntegrationTest
@TestPropertySource(properties = "patchwork.uploads.max-file-size=64KB")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BadUploadsSizeLimitIT {

    @TempDir
    Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFileOverTheLimitIsRefusedWith413AndChangesNothing() throws IOException {
        UploadClient manager = UploadClient.newPartner(port, "Size limit IT");
        Path big = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), 1_000, dir.resolve("big.csv"));
        assertThat(Files.size(big)).isGreaterThan(64 * 1024);
        DatabaseCounts before = DatabaseCounts.of(jdbc);

        for (Reply reply : new Reply[] {manager.inspect(big), manager.createDataset(big, Map.of("title", "Size limit IT", "theme", "crime"))}) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(413);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().path("detail").asString()).as("%s", reply).containsIgnoringCase("upload size");
        }
        assertThat(DatabaseCounts.of(jdbc)).isEqualTo(before);

        Path small = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), 50, dir.resolve("small.csv"));
        assertThat(manager.inspect(small).status()).as("a file under the limit").isEqualTo(201);
    }
}
