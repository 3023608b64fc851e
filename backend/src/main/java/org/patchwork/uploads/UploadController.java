package org.patchwork.uploads;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Role;
import org.patchwork.access.Viewer;
import org.patchwork.catalogue.Theme;
import org.patchwork.catalogue.DatasetVersions;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

/**
 * The upload API: receive a file and preview it, then load it as a new dataset or a new version (202 with
 * a job to follow), the job's progress and row-level report, and a dataset's versions. Data managers only;
 * an upload is its sender's alone, and the report (record-level values) its partner's data managers' alone.
 */
@RestController
class UploadController {

    private final UploadService uploads;
    private final JobStore jobs;
    private final AccessPolicy policy;
    private final DatasetVersions versions;
    private final ObjectMapper json;
    private final UploadOwners owners;

    UploadController(UploadService uploads, JobStore jobs, AccessPolicy policy, DatasetVersions versions, ObjectMapper json,
                     UploadOwners owners) {
        this.owners = owners;
        this.uploads = uploads;
        this.jobs = jobs;
        this.policy = policy;
        this.versions = versions;
        this.json = json;
    }

    /** Everything about a load except the file: the dataset's description, mapping, CRS and the all-or-valid choice. */
    record Submission(String uploadId, String title, String theme, String description, String source, String licence,
                      String coverage, String updateFrequency, ColumnMapping mapping, Integer epsg, Boolean publishValidRows) {
    }

    @PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Inspection> receive(@RequestPart("file") MultipartFile file,
                                       @RequestParam(name = "datasetId", required = false) Long datasetId) throws IOException {
        Viewer viewer = dataManager();
        Long versionOf = datasetId != null && policy.isOwner(viewer, datasetId) ? datasetId : null;
        Inspection inspection = uploads.receive(file.getInputStream(), file.getOriginalFilename(), versionOf);
        owners.record(UUID.fromString(inspection.uploadId()), viewer);
        policy.audit("upload-preview", "upload-preview", "previewed upload " + inspection.uploadId() + " (" + file.getOriginalFilename() + ")");
        return ResponseEntity.created(URI.create("/api/uploads/" + inspection.uploadId())).body(inspection);
    }

    @GetMapping("/api/uploads/{id}")
    Inspection inspection(@PathVariable UUID id) {
        sentByViewer(id);
        Inspection inspection = uploads.inspect(id);
        policy.audit("upload-preview", "upload-preview", "previewed upload " + id);
        return inspection;
    }

    @PostMapping(path = "/api/datasets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> createFromFile(@RequestPart("file") MultipartFile file,
                                                       @RequestPart(name = "metadata", required = false) String metadata) throws IOException {
        Viewer viewer = dataManager();   // before the file is stored or unpacked
        Submission submission = parse(metadata);
        Inspection inspection = uploads.receive(file.getInputStream(), file.getOriginalFilename());
        owners.record(UUID.fromString(inspection.uploadId()), viewer);
        return create(withUpload(submission, inspection.uploadId()));
    }

    @PostMapping(path = "/api/datasets", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody Submission submission) {
        Viewer viewer = dataManager();
        if (submission.title() == null || submission.title().isBlank()) {
            throw ApiProblem.badRequest("invalid-request", "title is required");
        }
        UploadRequest.Metadata metadata = new UploadRequest.Metadata(null, submission.title().strip(), theme(submission.theme()),
                submission.description(), submission.source(), submission.licence(), submission.coverage(), submission.updateFrequency());
        UUID uploadId = uploadId(submission);
        sentByViewer(uploadId);
        return queue(new UploadRequest(uploadId, null, metadata, submission.mapping(), submission.epsg(),
                Boolean.TRUE.equals(submission.publishValidRows()), viewer.username(), viewer.partnerId()));
    }

    @PostMapping(path = "/api/datasets/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> versionFromFile(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                                        @RequestPart(name = "metadata", required = false) String metadata) throws IOException {
        Viewer viewer = ownersDataManager(id);
        Submission submission = parse(metadata);
        Inspection inspection = uploads.receive(file.getInputStream(), file.getOriginalFilename());
        owners.record(UUID.fromString(inspection.uploadId()), viewer);
        return version(id, withUpload(submission, inspection.uploadId()));
    }

    @PostMapping(path = "/api/datasets/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> version(@PathVariable long id, @RequestBody Submission submission) {
        Viewer viewer = ownersDataManager(id);
        UUID uploadId = uploadId(submission);
        sentByViewer(uploadId);
        return queue(new UploadRequest(uploadId, id, null, submission.mapping(), submission.epsg(),
                Boolean.TRUE.equals(submission.publishValidRows()), viewer.username(), viewer.partnerId()));
    }

    @GetMapping("/api/datasets/{id}/versions")
    List<DatasetVersions.VersionRow> versions(@PathVariable long id) {
        policy.require(id, AccessLevel.METADATA, "versions");
        return versions.versions(id);
    }

    @PostMapping("/api/datasets/{id}/versions/{version}/withdraw")
    Map<String, Object> withdraw(@PathVariable long id, @PathVariable int version) {
        Viewer viewer = ownersDataManager(id);
        if (!versions.withdraw(id, version)) {
            throw ApiProblem.notFound("unknown-version", "Dataset " + id + " has no published version " + version);
        }
        policy.audit("upload", id, "withdraw-version", null, "withdrew version " + version + " (" + viewer.username() + ")");
        return Map.of("datasetId", id, "version", version, "withdrawn", true);
    }

    @GetMapping("/api/jobs/{id}")
    Map<String, Object> job(@PathVariable UUID id) {
        JobStore.Job job = visibleJob(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("state", job.state());
        @SuppressWarnings("unchecked")
        Map<String, Object> result = job.result() == null ? null : json.readValue(job.result(), Map.class);
        if (result != null && result.get("warning") != null) {
            // jsonb keeps keys in its own order: put the warning (most points outside the area) first again, and on the job
            Map<String, Object> ordered = new LinkedHashMap<>();
            ordered.put("warning", result.get("warning"));
            ordered.putAll(result);
            result = ordered;
            body.put("warning", result.get("warning"));
        }
        body.put("stage", job.stage());
        body.put("rowsProcessed", job.rowsProcessed());
        body.put("percent", job.percent());
        body.put("datasetId", job.datasetId());
        body.put("result", result);
        body.put("problem", job.problem() == null ? null : json.readValue(job.problem(), Map.class));
        body.put("report", "/api/jobs/" + id + "/report.csv");
        body.put("createdAt", job.createdAt());
        body.put("updatedAt", job.updatedAt());
        return body;
    }

    @GetMapping("/api/jobs/{id}/report.csv")
    void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        JobStore.Job job = visibleJob(id);
        Viewer viewer = policy.currentViewer();
        if (viewer.role() != Role.DATA_MANAGER || !job.partnerId().equals(viewer.partnerId())) {
            policy.denied("job-report", "rejected-row report of job " + id + ": not the uploading partner's data manager");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden",
                    "Rejected rows hold record-level values: only the uploading partner's data managers may read this report");
        }
        List<UploadRejected.FileError> issues = jobs.issues(id);
        if (job.datasetId() != null) {
            policy.audit("record-access", job.datasetId(), "job-report", issues.size(), "rejected-row report of job " + id);
        } else {
            policy.audit("record-access", "job-report", "rejected-row report of job " + id + " (" + issues.size() + " rows)");
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"upload-report-" + id + ".csv\"");
        Writer out = response.getWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("file", "row", "column", "value", "reason").get())) {
            for (UploadRejected.FileError e : issues) {
                csv.printRecord(SpreadsheetCells.neutralised(e.file()), e.row(), SpreadsheetCells.neutralised(e.column()),
                        SpreadsheetCells.neutralised(e.value()), SpreadsheetCells.neutralised(e.reason()));
            }
        }
    }

    private ResponseEntity<Map<String, Object>> queue(UploadRequest request) {
        UUID job = uploads.submit(request);
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job)).body(Map.of("job", job, "status", "/api/jobs/" + job));
    }

    private JobStore.Job visibleJob(UUID id) {
        Viewer viewer = policy.currentViewer();
        JobStore.Job job = jobs.find(id).orElseThrow(() -> ApiProblem.notFound("unknown-job", "There is no job " + id));
        if (!viewer.isAdmin() && (viewer.partnerId() == null || !viewer.partnerId().equals(job.partnerId()))) {
            policy.denied(output(), "job " + id + " of another partner");
            throw ApiProblem.notFound("unknown-job", "There is no job " + id);
        }
        return job;
    }

    private Viewer dataManager() {
        Viewer viewer = policy.currentViewer();
        if (viewer.role() != Role.DATA_MANAGER) {
            policy.denied("upload", "only data managers may upload (role " + (viewer.role() == null ? "none" : viewer.role().key()) + ")");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden", "Only data managers may upload data");
        }
        return viewer;
    }

    /** A data manager who sent this upload; to anyone else it does not exist (404, audited). */
    private Viewer sentByViewer(UUID uploadId) {
        Viewer viewer = dataManager();
        if (!owners.sentBy(uploadId, viewer)) {
            policy.denied("upload", "upload " + uploadId + " was sent by someone else (or does not exist)");
            throw ApiProblem.notFound("unknown-upload", "There is no upload " + uploadId
                    + " of yours (uploads are kept until they are loaded or for a day)");
        }
        return viewer;
    }

    /** The output path of the current request, for audit rows. */
    private static String output() {
        var attributes = (org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes();
        return attributes.getRequest().getRequestURI().endsWith("/report.csv") ? "job-report" : "job";
    }

    private Viewer ownersDataManager(long datasetId) {
        Viewer viewer = dataManager();
        if (!policy.isOwner(viewer, datasetId)) {
            policy.require(datasetId, AccessLevel.METADATA, "upload");
            policy.denied(datasetId, "upload", "not the owner partner's data manager");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden",
                    "Only the owning partner's data managers may add or withdraw versions of this dataset");
        }
        return viewer;
    }

    private Submission parse(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return new Submission(null, null, null, null, null, null, null, null, null, null, null);
        }
        try {
            return json.readValue(metadata, Submission.class);
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("invalid-request", "metadata must be JSON like {\"title\": ..., \"theme\": \"crime\"}");
        }
    }

    private static Submission withUpload(Submission s, String uploadId) {
        return new Submission(uploadId, s.title(), s.theme(), s.description(), s.source(), s.licence(), s.coverage(),
                s.updateFrequency(), s.mapping(), s.epsg(), s.publishValidRows());
    }

    private static UUID uploadId(Submission submission) {
        try {
            return UUID.fromString(submission.uploadId());
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("invalid-request", "uploadId must be the id returned by POST /api/uploads");
        }
    }

    private static String theme(String theme) {
        List<String> themes = java.util.Arrays.stream(Theme.values()).map(Theme::key).toList();
        String value = theme == null ? "other" : theme.strip().toLowerCase(java.util.Locale.ROOT);
        if (!themes.contains(value)) {
            throw ApiProblem.badRequest("invalid-request", "theme must be one of " + themes);
        }
        return value;
    }
}
