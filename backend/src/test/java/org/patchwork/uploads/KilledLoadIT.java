package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import tools.jackson.databind.JsonNode;

/**
 * A load killed half-way (kill -9 of the instance running it) leaves nothing published and no scratch
 * tables once the instance is back: the job is failed as interrupted. The instance is the packaged jar,
 * started as a separate process against this test's database. While it runs, this JVM's own job workers
 * are paused (Spring pauses unused cached contexts on a context switch; this context's scheduler is
 * stopped here), so that the separate instance is the one that takes the job.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledLoadIT {

    @TempDir
    static Path dir;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<ExecutorConfigurationSupport> executors;

    final List<ExecutorConfigurationSupport> stopped = new ArrayList<>();
    Process instance;
    int port;

    @BeforeAll
    void pauseThisJvmsJobWorker() {
        for (ExecutorConfigurationSupport executor : executors) {
            if (executor instanceof org.springframework.scheduling.TaskScheduler && executor.isRunning()) {
                executor.stop();
                stopped.add(executor);
            }
        }
        assertThat(stopped).as("the scheduler that runs this context's JobWorker").isNotEmpty();
    }

    @AfterEach
    void stopInstance() throws InterruptedException {
        if (instance != null && instance.isAlive()) {
            instance.destroy();
            if (!instance.waitFor(60, TimeUnit.SECONDS)) {
                instance.destroyForcibly();
            }
        }
    }

    @AfterAll
    void resumeThisJvmsJobWorker() {
        stopped.forEach(ExecutorConfigurationSupport::start);
    }

    @Test
    void aLoadKilledHalfWayLeavesNoVersionAndNoScratchTablesAfterRestart() throws Exception {
        killAndRestart(true);
    }

    @Test
    void aLoadKilledHalfWayLeavesNoScratchTablesEvenWhenRestartedAtOnce() throws Exception {
        killAndRestart(false);
    }

    /** Starts the instance, loads the national archive, kills the instance half-way, restarts it, and checks what is left. */
    private void killAndRestart(boolean waitForOrphanedStatements) throws Exception {
        Path jar = jar();
        port = freePort();
        instance = start(jar);

        AdminApi admin = new AdminApi(port);
        AdminApi.User user = admin.user(admin.partner("Killed load IT", "police"), "data-manager");
        UploadClient manager = new UploadClient(port, user.username(), user.password());
        DatabaseCounts before = DatabaseCounts.of(jdbc);

        // README §4.1b: 40 forces' files for May 2022, 380,370 rows
        String title = AdminApi.unique("Killed load IT national");
        String job = UploadClient.jobOf(manager.createDataset(CrimeFiles.shared(CrimeFiles.NATIONAL_ZIP), Map.of("title", title, "theme", "crime")));
        String id = job.substring(job.lastIndexOf('/') + 1);
        String stage = awaitStage(id, Duration.ofMinutes(20));
        assertThat(stage).as("stage when killed").isIn("checking", "assigning areas");
        assertThat(DatabaseCounts.scratchTables(jdbc, id)).as("scratch tables of the load in progress").isNotEmpty();

        instance.destroyForcibly();
        assertThat(instance.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, Object> killed = row(id);
        UploadClient.pause(Duration.ofSeconds(3));
        assertThat(row(id)).as("nobody else carries on with the job").isEqualTo(killed);
        assertThat(killed.get("state")).isEqualTo("running");
        if (waitForOrphanedStatements) {
            awaitNoStatementOn(id, Duration.ofMinutes(10));
        }

        instance = start(jar);
        Map<String, Object> after = row(id);
        assertThat(after.get("state")).isEqualTo("failed");
        JsonNode problem = UploadClient.JSON.readTree((String) after.get("problem"));
        assertThat(problem.path("type").asString()).isEqualTo("/problems/job-interrupted");
        assertThat(problem.path("detail").asString()).contains("interrupted").contains("nothing was published");
        JsonNode seen = manager.job(job);
        assertThat(seen.path("state").asString()).isEqualTo("failed");
        assertThat(seen.path("problem").path("detail").asString()).contains("interrupted");

        assertThat(after.get("dataset_id")).as("no dataset recorded for the job").isNull();
        assertThat(DatabaseCounts.of(jdbc)).as("datasets, versions, events and areas").isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from dataset where title = :title").param("title", title).query(Long.class).single()).isZero();
        assertThat(DatabaseCounts.scratchTables(jdbc, id)).as("scratch tables after the restart").isEmpty();
    }

    /**
     * Waits until PostgreSQL has finished the statement the killed instance left running on the job's scratch
     * tables (the server only notices a dead client when it next writes to it).
     */
    private void awaitNoStatementOn(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String pattern = "%job_" + id.replace("-", "") + "%";
        while (jdbc.sql("select count(*) from pg_stat_activity where pid <> pg_backend_pid() and state = 'active' and query like :pattern")
                .param("pattern", pattern).query(Long.class).single() > 0) {
            assertThat(Instant.now()).as("the killed instance's statement finished").isBefore(deadline);
            UploadClient.pause(Duration.ofMillis(500));
        }
    }

    private Map<String, Object> row(String id) {
        return jdbc.sql("select state, stage, rows_processed, dataset_id, problem::text as problem, updated_at from upload_job "
                + "where id = cast(:id as uuid)").param("id", id).query().singleRow();
    }

    /** Polls the job in the database until it is checking its rows or assigning them to areas. */
    private String awaitStage(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> job = row(id);
            String stage = (String) job.get("stage");
            if (stage.equals("checking") || stage.equals("assigning areas") || !job.get("state").equals("running") && !job.get("state").equals("queued")) {
                return stage;
            }
            assertThat(instance.isAlive()).as("the instance is running").isTrue();
            UploadClient.pause(Duration.ofMillis(100));
        }
        throw new AssertionError("job " + id + " did not reach checking within " + timeout + ": " + row(id));
    }

    /** Starts the packaged application on {@link #port} against this test's database, and waits until it is ready. */
    private Process start(Path jar) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--patchwork.data.load-on-startup=false",
                "--patchwork.data.dir=" + SharedDataDirectory.locate(),
                "--patchwork.uploads.dir=" + dir.resolve("uploads"),
                "--management.endpoint.health.probes.enabled=true"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("instance.log").toFile()));
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", environment.getRequiredProperty("spring.datasource.password"));
        builder.environment().put("PATCHWORK_ADMIN_PASSWORD", SharedDataDirectory.ADMIN_PASSWORD);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        ApiClient admin = ApiClient.admin(port);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the instance stopped: " + tail());
            }
            try {
                // readiness is accepting traffic only after ApplicationReadyEvent, i.e. after JobWorker.recover()
                if (admin.get("/actuator/health/readiness").status() == 200) {
                    return process;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            UploadClient.pause(Duration.ofMillis(500));
        }
        process.destroyForcibly();
        throw new AssertionError("the instance was not ready within 5 minutes: " + tail());
    }

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("instance.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The jar Failsafe's package phase built (the tests run from the repository root, or from backend/). */
    private static Path jar() {
        for (Path candidate : List.of(Path.of("backend/target/patchwork.jar"), Path.of("target/patchwork.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new AssertionError("backend/target/patchwork.jar is missing; run mvn package (verify) first");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
