package org.patchwork;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points {@code patchwork.data.dir} at the shared open data, wherever the tests are started from:
 * {@code PATCHWORK_DATA_DIR} (or the system property {@code patchwork.data.dir}) when set, else
 * {@code shared/data} next to the repository, seen from the repository root or from {@code backend/}.
 * Without the data the application would quietly load the demo set, so a missing directory fails here.
 * Also sets the first administrator's password, {@link #ADMIN_PASSWORD}, and gives this test JVM its own
 * uploads directory: the default ({@code java.io.tmpdir}/patchwork-uploads) is shared with every other run
 * on the machine, whose uploads would come and go under tests that count what is left on disk.
 */
public class SharedDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The first administrator's password in tests (user name "admin"). */
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private static final Path UPLOADS = uploadsDirectory();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("patchwork.data.dir=" + locate(),
                "patchwork.access.admin-password=" + ADMIN_PASSWORD, "patchwork.uploads.dir=" + UPLOADS).applyTo(context);
    }

    private static Path uploadsDirectory() {
        try {
            return Files.createTempDirectory("patchwork-test-uploads-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path locate() {
        String configured = System.getProperty("patchwork.data.dir", System.getenv("PATCHWORK_DATA_DIR"));
        List<Path> candidates = configured != null && !configured.isBlank()
                ? List.of(Path.of(configured))
                : List.of(Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data"));
        return candidates.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .filter(p -> Files.isDirectory(p.resolve("boundaries")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The open data directory is not at " + candidates
                        + " (working directory " + Path.of("").toAbsolutePath() + "); set PATCHWORK_DATA_DIR"));
    }
}
