package org.patchwork.uploads;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** Upload jobs in the database: queued by the API, claimed by whichever instance is free. */
@Repository
class JobStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JobStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Job(UUID id, Long datasetId, String state, String stage, int rowsProcessed, int percent, String request,
               String result, String problem, String createdBy, Long partnerId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    UUID create(UploadRequest request) {
        return create(request, "queued");
    }

    /** A job queued for the workers, or already running in the caller's thread ({@code state} running). */
    UUID create(UploadRequest request, String state) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into upload_job (id, dataset_id, state, stage, request, created_by, partner_id, claimed_by) "
                        + "values (:id, :dataset, :state, :state, cast(:request as jsonb), :by, :partner, :claimed)")
                .param("state", state).param("claimed", state.equals("running") ? hostName() : null)
                .param("id", id).param("dataset", request.datasetId()).param("request", json.writeValueAsString(request))
                .param("by", request.createdBy()).param("partner", request.partnerId()).update();
        return id;
    }

    /** Takes the oldest queued job for this instance, or nothing; two instances never take the same job. */
    @Transactional
    Optional<Job> claim(String worker) {
        return jdbc.sql("update upload_job set state = 'running', stage = 'starting', claimed_by = :worker, updated_at = now() "
                        + "where id = (select id from upload_job where state = 'queued' order by created_at "
                        + "for update skip locked limit 1) returning " + COLUMNS)
                .param("worker", worker).query(Job.class).optional();
    }

    /** Progress is written outside the job's own transaction so that the API can show it as it happens. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(UUID id, String stage, int rows, int percent) {
        jdbc.sql("update upload_job set stage = :stage, rows_processed = :rows, percent = :percent, updated_at = now() where id = :id")
                .param("stage", stage).param("rows", rows).param("percent", percent).param("id", id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void finish(UUID id, boolean succeeded, Long datasetId, Object result, Object problem) {
        jdbc.sql("update upload_job set state = :state, stage = :stage, percent = case when :ok then 100 else percent end, "
                        + "dataset_id = coalesce(:dataset, dataset_id), result = cast(:result as jsonb), problem = cast(:problem as jsonb), "
                        + "updated_at = now() where id = :id")
                .param("state", succeeded ? "succeeded" : "failed").param("stage", succeeded ? "published" : "failed")
                .param("ok", succeeded).param("dataset", datasetId)
                .param("result", result == null ? null : json.writeValueAsString(result))
                .param("problem", problem == null ? null : json.writeValueAsString(problem)).param("id", id).update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from upload_job where id = :id").param("id", id).query(Job.class).optional();
    }

    /** Jobs a crashed instance left running go back to failed, so that nobody waits for them forever. */
    int failAbandoned(String worker) {
        return jdbc.sql("update upload_job set state = 'failed', stage = 'failed', updated_at = now(), problem = "
                        + "cast(:problem as jsonb) where state = 'running' and (claimed_by = :worker or updated_at < now() - interval '1 hour')")
                .param("problem", "{\"type\":\"/problems/job-interrupted\",\"title\":\"Interrupted\",\"status\":500,"
                        + "\"detail\":\"The load was interrupted (the server stopped); nothing was published. Upload the file again.\"}")
                .param("worker", worker).update();
    }

    /** Records issues one by one (a few notes, such as repaired polygons). */
    void addIssues(UUID id, List<UploadRejected.FileError> errors) {
        for (UploadRejected.FileError e : errors) {
            jdbc.sql("insert into upload_issue (job_id, file, row_number, column_name, value, reason) values (:job, :file, :row, :column, :value, :reason)")
                    .param("job", id).param("file", e.file()).param("row", e.row()).param("column", e.column())
                    .param("value", e.value()).param("reason", e.reason()).update();
        }
    }

    /** Records every rejected row of a checked upload ({@code checkedTable} is the pipeline's scratch table) in one statement. */
    void addIssuesFrom(UUID id, String checkedTable) {
        jdbc.sql(SqlScripts.load("uploads/record_rejected_rows", Map.of("checked", checkedTable))).param("job", id).update();
    }

    List<UploadRejected.FileError> issues(UUID id) {
        return jdbc.sql("select file, row_number as \"row\", column_name as \"column\", value, reason from upload_issue "
                + "where job_id = :id order by file, row_number").param("id", id).query(UploadRejected.FileError.class).list();
    }

    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static final String COLUMNS = "id, dataset_id, state, stage, rows_processed, percent, request::text as request, "
            + "result::text as result, problem::text as problem, created_by, partner_id, created_at, updated_at";
}
