package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.patchwork.AdminApi;
import org.patchwork.PatchworkApplication;
import org.patchwork.SharedDataDirectory;
import org.patchwork.uploads.UploadClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A second partnership for the access tests: Patchwork started for the South Yorkshire police force area (the national
 * month in ../shared/data holds no West Yorkshire file) in its own database ({@code PATCHWORK_TEST_SECOND_DATASOURCE_URL}, made by scripts/test.sh), with South Yorkshire Police's
 * May 2022 street crime (from the national month) uploaded by its own data manager. Started once per test JVM and
 * shared by the access matrix and planted-count tests that run on it; closed when the JVM ends.
 */
final class SecondArea {

    static final String AREA = "South Yorkshire";
    static final String OWNER = "South Yorkshire Police";
    private static final String MONTH = "2022-05/2022-05-south-yorkshire-street.csv";
    private static SecondArea started;

    final int port;
    final JdbcClient jdbc;
    final String slug;

    private SecondArea(int port, JdbcClient jdbc, String slug) {
        this.port = port;
        this.jdbc = jdbc;
        this.slug = slug;
    }

    static synchronized SecondArea get() {
        if (started == null) {
            started = start();
        }
        return started;
    }

    private static SecondArea start() {
        String url = System.getenv("PATCHWORK_TEST_SECOND_DATASOURCE_URL");
        assertThat(url).as("PATCHWORK_TEST_SECOND_DATASOURCE_URL: another PostGIS database (scripts/test.sh creates it)").isNotBlank();
        try {
            Path work = Files.createTempDirectory("patchwork-second-area-");
            long begun = System.nanoTime();
            ConfigurableApplicationContext app = new SpringApplicationBuilder(PatchworkApplication.class).run(
                    "--spring.datasource.url=" + url, "--server.port=0", "--patchwork.area=" + AREA,
                    "--patchwork.data.dir=" + SharedDataDirectory.locate(),
                    "--patchwork.access.admin-password=" + SharedDataDirectory.ADMIN_PASSWORD,
                    "--patchwork.uploads.dir=" + Files.createDirectories(work.resolve("uploads")));
            Runtime.getRuntime().addShutdownHook(new Thread(app::close));
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));

            Path csv = work.resolve("2022-05-south-yorkshire-street.csv");
            try (ZipFile zip = new ZipFile(SharedDataDirectory.locate().resolve("crime/england-wales-street-2022-05.zip").toFile());
                 InputStream in = zip.getInputStream(zip.getEntry(MONTH))) {
                Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
            }
            new AdminApi(port).partnerNamed(OWNER, "police");
            UploadClient police = UploadClient.ofPartner(port, OWNER);
            JsonNode job = police.load(csv, Map.of("title", "Street crime, South Yorkshire May 2022", "theme", "crime", "publishValidRows", true));
            assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
            String slug = police.dataset(job.path("result").path("datasetId").asLong()).path("slug").asString();
            System.out.printf("SecondArea: South Yorkshire started, loaded and its month uploaded in %d ms%n", (System.nanoTime() - begun) / 1_000_000);
            return new SecondArea(port, jdbc, slug);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
