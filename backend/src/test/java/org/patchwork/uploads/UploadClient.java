package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A partner's data manager using the upload API over HTTP, as the upload page does: multipart files
 * (streamed from disk), the job to follow, and what readers then see (counts by area and points).
 */
public final class UploadClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String username;
    private final String password;
    private final ApiClient api;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    UploadClient(int port, String username, String password) {
        this.port = port;
        this.username = username;
        this.password = password;
        this.api = ApiClient.basic(port, username, password);
    }

    /** A data manager of a new partner (unique names: the database outlives a run). */
    static UploadClient newPartner(int port, String name) {
        AdminApi admin = new AdminApi(port);
        AdminApi.User user = admin.user(admin.partner(name, "council"), "data-manager");
        return new UploadClient(port, user.username(), user.password());
    }

    /** A data manager of an existing partner, e.g. "Merseyside Police". */
    public static UploadClient ofPartner(int port, String partnerName) {
        AdminApi admin = new AdminApi(port);
        AdminApi.User user = admin.user(admin.partnerId(partnerName), "data-manager");
        return new UploadClient(port, user.username(), user.password());
    }

    public ApiClient api() {
        return api;
    }

    /** POST /api/uploads: the preview of a file. */
    Reply inspect(Path file) {
        return multipart("/api/uploads", file, file.getFileName().toString(), null);
    }

    /** POST /api/datasets with the file and its metadata in one request. */
    Reply createDataset(Path file, Map<String, Object> metadata) {
        return multipart("/api/datasets", file, file.getFileName().toString(), JSON.writeValueAsString(metadata));
    }

    /** POST /api/datasets/{id}/versions with the file and options in one request. */
    Reply addVersion(long datasetId, Path file, Map<String, Object> metadata) {
        return multipart("/api/datasets/" + datasetId + "/versions", file, file.getFileName().toString(),
                metadata == null ? null : JSON.writeValueAsString(metadata));
    }

    /** A multipart request with a {@code file} part (sent as {@code fileName}) and an optional raw {@code metadata} part. */
    Reply multipart(String target, Path file, String fileName, String metadata) {
        String boundary = "----patchwork-test-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n", StandardCharsets.UTF_8));
        try {
            parts.add(BodyPublishers.ofFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (metadata != null) {
            parts.add(BodyPublishers.ofString("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + metadata, StandardCharsets.UTF_8));
        }
        parts.add(BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                .header("Authorization", ApiClient.basicHeader(username, password))
                .headers(ApiClient.csrfPairHeaders())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)))
                .build();
        try {
            var response = http.send(request, BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + target + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The job a 202 answer points at (its Location header). */
    static String jobOf(Reply accepted) {
        assertThat(accepted.status()).as("202 for %s", accepted).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).startsWith("/api/jobs/");
        return location;
    }

    JsonNode job(String location) {
        return api.getJson(location);
    }

    /** Polls the job until it has succeeded or failed; fails the test after {@code timeout}. */
    JsonNode awaitJob(String location, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode job = job(location);
            String state = job.path("state").asString();
            if (state.equals("succeeded") || state.equals("failed")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + location + " still " + state + "/" + job.path("stage").asString() + " after " + timeout);
            }
            pause(Duration.ofMillis(250));
        }
    }

    /** Submits a new dataset and waits for its job. */
    public JsonNode load(Path file, Map<String, Object> metadata) {
        return awaitJob(jobOf(createDataset(file, metadata)), Duration.ofMinutes(5));
    }

    /** The job's row-level report, each row as file, row, column, value, reason. */
    /** The report's rejected rows, without the rows listed because they lie outside the partnership's area. */
    List<CSVRecord> rejectedRows(String jobLocation) {
        return report(jobLocation).stream().filter(r -> !r.get("reason").startsWith("outside the partnership's area")).toList();
    }

    List<CSVRecord> report(String jobLocation) {
        Reply reply = api.get(jobLocation + "/report.csv");
        assertThat(reply.status()).as("report of %s", jobLocation).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/csv");
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(reply.body())).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode dataset(long id) {
        return api.getJson("/api/datasets/" + id).path("dataset");
    }

    JsonNode versions(long id) {
        return api.getJson("/api/datasets/" + id + "/versions");
    }

    /** What readers see: events per area of the level (exact for the owner) and the count outside every area. */
    record Counts(Map<String, Long> areas, long outside) {
        long total() {
            return areas.values().stream().mapToLong(Long::longValue).sum() + outside;
        }
    }

    Counts counts(long datasetId, String level) {
        JsonNode body = api.getJson("/api/datasets/" + datasetId + "/counts?level=" + level);
        assertThat(body.path("disclosure").path("method").asString()).as("the owner sees exact counts").isEqualTo("none");
        Map<String, Long> areas = new TreeMap<>();
        for (JsonNode area : body.path("areas")) {
            areas.put(area.path("code").asString(), area.path("count").asLong());
        }
        return new Counts(areas, body.path("outside").path("count").asLong());
    }

    /** The dataset's points as GeoJSON features (all of them: at most 10,000). */
    JsonNode points(long datasetId) {
        String slug = dataset(datasetId).path("slug").asString();
        JsonNode page = api.getJson("/ogc/collections/" + slug + "/items?limit=10000");
        assertThat(page.path("numberMatched").asLong()).as("points of %s", slug).isEqualTo(page.path("features").size());
        return page.path("features");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
