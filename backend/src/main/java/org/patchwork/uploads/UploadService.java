package org.patchwork.uploads;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.patchwork.audit.AuditEntry;
import org.patchwork.audit.AuditLog;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.DatasetKind;
import org.patchwork.catalogue.LoadIssue;
import org.patchwork.catalogue.NewDataset;
import org.patchwork.catalogue.Theme;
import org.patchwork.catalogue.DatasetVersions;
import org.patchwork.database.DatabaseUnavailable;
import org.patchwork.gdal.IngestException;
import org.patchwork.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs an upload job from stored file to published version: prepare, read and check (scratch tables),
 * then, in one transaction, the dataset (if new), the version and its rows, the load's issues, the
 * remembered mapping and the audit row. A job whose rows were rejected and whose owner asked for all
 * or nothing fails with the row-level report and publishes nothing. A job never stays running: a file
 * that cannot be used fails it with 422, an unreachable database with 503 (try again), anything else,
 * Errors included, with 500.
 */
@Service
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final int REPORTED_IN_PROBLEM = 1000;

    private final UploadFiles files;
    private final Inspector inspector;
    private final UploadStaging staging;
    private final Map<String, KindPipeline> pipelines;
    private final JobStore jobs;
    private final DatasetCatalogue catalogue;
    private final DatasetVersions versions;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final AreaCheck areaCheck;

    /** Without the partnership's area check in previews (tests of failure handling). */
    UploadService(UploadFiles files, Inspector inspector, UploadStaging staging, List<KindPipeline> pipelines, JobStore jobs,
                  DatasetCatalogue catalogue, DatasetVersions versions, AuditLog audit, TransactionTemplate transaction,
                  ObjectMapper json) {
        this(files, inspector, staging, pipelines, jobs, catalogue, versions, audit, transaction, json, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    UploadService(UploadFiles files, Inspector inspector, UploadStaging staging, List<KindPipeline> pipelines, JobStore jobs,
                  DatasetCatalogue catalogue, DatasetVersions versions, AuditLog audit, TransactionTemplate transaction,
                  ObjectMapper json, AreaCheck areaCheck) {
        this.files = files;
        this.inspector = inspector;
        this.staging = staging;
        this.pipelines = pipelines.stream().collect(java.util.stream.Collectors.toMap(p -> p.kind().key(), p -> p));
        this.jobs = jobs;
        this.catalogue = catalogue;
        this.versions = versions;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
        this.areaCheck = areaCheck;
    }

    /** Stores a file and looks into it, for the preview of a new dataset. */
    public Inspection receive(java.io.InputStream content, String originalName) {
        return receive(content, originalName, null);
    }

    /**
     * Stores a file and looks into it, for the preview. For a new version of {@code versionOf} (null: a new
     * dataset) the preview offers the mapping confirmed for that dataset's last upload, when the file has
     * every column it names.
     */
    public Inspection receive(java.io.InputStream content, String originalName, Long versionOf) {
        UploadFiles.Stored stored = files.store(content, originalName);
        try {
            UploadFiles.Prepared prepared = files.prepare(stored);
            Inspection inspection = inspector.inspect(prepared);
            ColumnMapping remembered = versionOf == null ? null : rememberedMapping(versionOf).orElse(null);
            if (remembered != null && remembered.unknownColumns(inspection.fields(), originalName).isEmpty()) {
                inspection = inspection.withMapping(remembered, "remembered");
            }
            return areaCheck == null ? inspection : inspection.withAreaCheck(areaCheck.ofPreview(prepared, inspection));
        } catch (RuntimeException e) {
            files.delete(stored.id());
            throw e;
        }
    }

    public Inspection inspect(UUID uploadId) {
        UploadFiles.Prepared prepared = files.prepare(files.find(uploadId));
        Inspection inspection = inspector.inspect(prepared);
        return areaCheck == null ? inspection : inspection.withAreaCheck(areaCheck.ofPreview(prepared, inspection));
    }

    /** Queues a load; any instance's worker picks it up. */
    public UUID submit(UploadRequest request) {
        files.prepare(files.find(request.uploadId()));   // refuse an unreadable upload now, not in the job
        return jobs.create(request);
    }

    /** Loads at once in this thread (set-up and tests), with a job record like any other load. */
    public Map<String, Object> runNow(UploadRequest request) {
        UUID id = jobs.create(request, "running");
        JobStore.Job job = jobs.find(id).orElseThrow();
        execute(job, request);
        JobStore.Job done = jobs.find(id).orElseThrow();
        if (done.state().equals("failed")) {
            throw new IllegalStateException("Load failed: " + done.problem());
        }
        return json.readValue(done.result(), Map.class);
    }

    void execute(JobStore.Job job, UploadRequest request) {
        UUID id = job.id();
        try {
            UploadFiles.Stored stored = files.find(request.uploadId());
            if (request.datasetId() != null) {
                Optional<DatasetVersions.VersionRow> same = versions.findBySource(request.datasetId(), stored.sha256());
                if (same.isPresent()) {
                    jobs.finish(id, true, request.datasetId(), Map.of("datasetId", request.datasetId(), "version", same.get().version(),
                            "alreadyLoaded", true, "detail", "This file is already version " + same.get().version()
                                    + "; nothing new was published"), null);
                    return;
                }
            }
            jobs.progress(id, "unpacking", 0, 5);
            UploadFiles.Prepared prepared = files.prepare(stored);
            java.nio.file.Path main = prepared.detected().mainFile();
            Inspector.Layer layer = inspector.layer(main, prepared.detected().format(), prepared.label(main));
            ColumnMapping remembered = request.datasetId() == null ? null : rememberedMapping(request.datasetId()).orElse(null);
            ColumnMapping mapping = request.mapping() != null ? request.mapping()
                    : remembered != null ? remembered : inspector.suggest(prepared, layer);
            KindPipeline pipeline = pipelineFor(mapping.kindOrEvents(), request.datasetId(), prepared.label(main));
            KindPipeline.Checked checked = pipeline.check(new StagedUpload(id, prepared, layer, request, mapping, staging, jobs));
            long started = System.nanoTime();
            List<UploadRejected.FileError> rejected = staging.rejectedRows(checked.table(), Integer.MAX_VALUE);
            List<UploadRejected.FileError> notes = pipeline.notes(checked);
            jobs.addIssuesFrom(id, checked.table());
            jobs.addIssues(id, notes);
            log.info("Upload job {}: recorded {} rejected rows in {} ms", id, rejected.size(), UploadStaging.millisSince(started));
            if (checked.rejected() == checked.rowsIn()) {
                throw new UploadRejected("None of the " + checked.rowsIn() + " rows can be used, so nothing was published "
                        + "(the report lists each row and why)", rejected.subList(0, Math.min(REPORTED_IN_PROBLEM, rejected.size())));
            }
            if (checked.rejected() > 0 && !request.publishValidRows()) {
                throw new UploadRejected(checked.rejected() + " of " + checked.rowsIn() + " rows cannot be used, and you asked to publish "
                        + "nothing unless every row is valid. Fix them (the report lists each) or choose to publish the valid rows.",
                        rejected.subList(0, Math.min(REPORTED_IN_PROBLEM, rejected.size())));
            }
            jobs.progress(id, "publishing", checked.rowsIn(), 85);
            started = System.nanoTime();
            Map<String, Object> result = transaction.execute(status -> publish(request, stored, pipeline, checked, rejected, notes));
            log.info("Upload job {}: published in {} ms", id, UploadStaging.millisSince(started));
            jobs.finish(id, true, (Long) result.get("datasetId"), result, null);
            files.delete(request.uploadId());   // published: the file is no longer needed (a failed one is kept for a retry)
            log.info("Upload job {} published {}", id, result);
        } catch (UploadRejected e) {
            Map<String, Object> problem = problem(422, "upload-rejected", "Upload rejected", e.getMessage());
            problem.put("errors", e.errors());
            jobs.finish(id, false, null, null, problem);
        } catch (IngestException e) {
            jobs.finish(id, false, null, null, problem(422, "upload-rejected", "Upload rejected",
                    org.patchwork.web.ServerPaths.scrub(e.getMessage())));
        } catch (Throwable e) {   // Errors too (out of memory, stack overflow): the job must not stay "running"
            log.error("Upload job {} failed", id, e);
            try {
                jobs.finish(id, false, null, null, failure(id, e));
            } catch (RuntimeException | Error recording) {
                e.addSuppressed(recording);
            }
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            staging.drop(id);
        }
    }

    private Map<String, Object> publish(UploadRequest request, UploadFiles.Stored stored, KindPipeline pipeline, KindPipeline.Checked checked,
                                        List<UploadRejected.FileError> rejected, List<UploadRejected.FileError> notes) {
        long datasetId = request.datasetId() != null ? request.datasetId() : catalogue.register(newDataset(request, stored));
        if (request.datasetId() == null) {
            catalogue.describe(datasetId, request.metadata().description(), request.metadata().updateFrequency());
        }
        String crs = checked.sourceEpsg() == null ? null : "EPSG:" + checked.sourceEpsg();
        DatasetVersions.Published published = pipeline.publish(new DatasetVersions.NewVersion(datasetId, stored.sha256(),
                stored.originalName(), request.createdBy(), crs), checked);
        List<LoadIssue> issues = new java.util.ArrayList<>(rejected.stream()
                .map(e -> new LoadIssue(e.file(), e.row(), e.column(), e.value(), e.reason(), LoadIssue.Outcome.REJECTED)).toList());
        notes.forEach(e -> issues.add(new LoadIssue(e.file(), e.row(), e.column(), e.value(), e.reason(), LoadIssue.Outcome.REPAIRED)));
        catalogue.recordLoad(datasetId, checked.rowsIn(), published.rowsPublished(), notes.size(), checked.rejected(), issues,
                published.coverageStart(), published.coverageEnd(), crs);
        catalogue.rememberMapping(datasetId, json.writeValueAsString(checked.mapping()), request.createdBy());
        audit.record(new AuditEntry(request.createdBy(), request.partnerId(), null, "upload", "allowed", datasetId,
                published.version(), "upload", published.rowsPublished(), stored.originalName() + ": " + checked.rowsIn() + " rows in, "
                + checked.rejected() + " rejected"));
        Map<String, Object> result = new LinkedHashMap<>();
        if (checked.details().get("areaCheck") instanceof Map<?, ?> check && check.get("warning") != null) {
            result.put("warning", check.get("warning"));   // first, so that nobody misses it
        }
        result.put("datasetId", datasetId);
        result.put("kind", pipeline.kind().key());
        result.put("version", published.version());
        result.put("rowsIn", checked.rowsIn());
        result.put("rowsPublished", published.rowsPublished());
        result.put("rowsRejected", checked.rejected());
        result.putAll(checked.details());
        return result;
    }

    /** The pipeline for a kind; a new version must be of the dataset's kind. */
    private KindPipeline pipelineFor(String kind, Long datasetId, String label) {
        KindPipeline pipeline = pipelines.get(kind);
        if (pipeline == null) {
            throw new UploadRejected("Unknown kind of dataset '" + kind + "'", List.of(new UploadRejected.FileError(label, null, null, kind,
                    "kind must be one of " + DatasetKind.uploadable())));
        }
        if (datasetId != null) {
            String current = catalogue.kind(datasetId).key();
            if (!current.equals(DatasetKind.REFERENCE.key()) && !current.equals(kind)) {
                throw new UploadRejected("This dataset holds " + current + "; a new version must hold " + current + " too, not " + kind,
                        List.of(new UploadRejected.FileError(label, null, null, kind, "kind differs from the dataset's (" + current + ")")));
            }
        }
        return pipeline;
    }

    Optional<ColumnMapping> rememberedMapping(long datasetId) {
        return catalogue.rememberedMapping(datasetId).map(text -> json.readValue(text, ColumnMapping.class));
    }

    private static NewDataset newDataset(UploadRequest request, UploadFiles.Stored stored) {
        UploadRequest.Metadata m = request.metadata();
        Theme theme = Theme.valueOf(m.theme() == null ? "OTHER" : m.theme().toUpperCase(java.util.Locale.ROOT));
        String slug = m.slug() != null ? m.slug() : slugOf(m.title()) + "-" + stored.id().toString().substring(0, 8);
        return new NewDataset(slug, m.title(), theme, m.source() == null ? "uploaded by " + request.createdBy() : m.source(),
                m.licence() == null ? "not stated" : m.licence(), m.coverage() == null ? "as uploaded" : m.coverage(), null, null,
                stored.sha256(), null, request.partnerId(), false);
    }

    static String slugOf(String title) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "dataset" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    /** The problem of a job that failed for a reason other than its file: the database, or our own fault. */
    static Map<String, Object> failure(UUID id, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseUnavailable || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return problem(503, "database-unavailable", "Database unavailable", "The database was unavailable during the load, "
                        + "so nothing was published. Nothing is wrong with the file, which is kept: try the upload again in a few "
                        + "minutes (quote job " + id + " if it keeps failing).");
            }
        }
        return problem(500, "internal-error", "Internal error",
                "The load failed on our side and nothing was published; quote job " + id + " when you report it.");
    }

    static Map<String, Object> problem(int status, String type, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemType.of(type).uri());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
