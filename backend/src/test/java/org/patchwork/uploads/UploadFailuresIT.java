package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.audit.AuditLog;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.DatasetKind;
import org.patchwork.catalogue.DatasetVersions;
import org.patchwork.gdal.StagingTables;
import org.patchwork.gdal.UnreachableDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Jobs that fail for a reason other than their file, run by an UploadService built from the application's own
 * parts except the one that fails: the database unreachable for ogr2ogr (503, not a rejected file), and a
 * java.lang.Error in the middle of the load (the job failed, not left running, and its scratch tables dropped).
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadFailuresIT {

    @TempDir
    static Path dir;

    @Autowired UploadFiles files;
    @Autowired Inspector inspector;
    @Autowired StagingTables stagingTables;
    @Autowired JobStore jobs;
    @Autowired DatasetCatalogue catalogue;
    @Autowired DatasetVersions versions;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired ObjectMapper json;

    Path csv;

    @BeforeAll
    void makeFile() {
        csv = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), 20, dir.resolve("crimes.csv"));
    }

    @Test
    void aDatabaseOgr2ogrCannotReachIsA503ThatKeepsTheUploadForARetry() throws IOException {
        UploadStaging unreachable = new UploadStaging(UnreachableDatabase.stagingTables(jdbc), inspector, jdbc, transaction);
        UploadService service = service(unreachable, new StagingOnlyPipeline());
        DatabaseCounts before = DatabaseCounts.of(jdbc);
        UploadRequest request = request("database down");
        UUID job = jobs.create(request, "running");

        service.execute(jobs.find(job).orElseThrow(), request);

        JsonNode problem = problem(job);
        assertThat(problem.path("status").asInt()).as("%s", problem).isEqualTo(503);
        assertThat(problem.path("type").asString()).isEqualTo("/problems/database-unavailable");
        assertThat(problem.path("detail").asString()).contains("database was unavailable").contains("try the upload again")
                .doesNotContain("crimes.csv").doesNotContain("PQconnectdb");
        assertThat(files.find(request.uploadId()).size()).as("the upload kept for a retry").isPositive();
        assertThat(DatabaseCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void anErrorInTheMiddleOfALoadFailsTheJobDropsItsTablesAndIsRethrown() {
        UploadStaging staging = new UploadStaging(stagingTables, inspector, jdbc, transaction);
        UploadService service = service(staging, new StagingOnlyPipeline() {
            @Override
            public Checked check(Upload upload) {
                jdbc.sql("create table " + UploadStaging.rawTable(upload.job()) + " (ogr_fid integer)").update();
                throw new StackOverflowError("deep in the load");
            }
        });
        UploadRequest request = request("error");
        UUID job = jobs.create(request, "running");

        assertThatThrownBy(() -> service.execute(jobs.find(job).orElseThrow(), request)).isInstanceOf(StackOverflowError.class);

        assertThat(jobs.find(job).orElseThrow().state()).isEqualTo("failed");
        JsonNode problem = problem(job);
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("detail").asString()).contains("nothing was published").contains(job.toString());
        assertThat(DatabaseCounts.scratchTables(jdbc, job.toString())).as("scratch tables of the failed job").isEmpty();
    }

    /** An events pipeline that only copies the file into its scratch table, as every kind's pipeline starts. */
    private static class StagingOnlyPipeline implements KindPipeline {
        @Override
        public DatasetKind kind() {
            return DatasetKind.EVENTS;
        }

        @Override
        public Checked check(Upload upload) {
            UploadStaging.Staged staged = upload.stage(null);
            throw new IllegalStateException("staged " + staged.rowsIn() + " rows, but this pipeline only stages");
        }

        @Override
        public DatasetVersions.Published publish(DatasetVersions.NewVersion version, Checked checked) {
            throw new IllegalStateException("never published");
        }
    }

    private UploadService service(UploadStaging staging, KindPipeline pipeline) {
        return new UploadService(files, inspector, staging, List.of(pipeline), jobs, catalogue, versions, audit, transaction, json);
    }

    private UploadRequest request(String name) {
        try (InputStream in = Files.newInputStream(csv)) {
            UUID upload = files.store(in, "crimes.csv").id();
            return new UploadRequest(upload, null, new UploadRequest.Metadata(null, "Upload failures IT " + name, "crime", null, null,
                    null, null, null), null, null, false, "upload-failures-it", null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode problem(UUID job) {
        return json.readTree(jobs.find(job).orElseThrow().problem());
    }
}
