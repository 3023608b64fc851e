package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A dataset's versions: a new version replaces the current one only when its job has published it whole
 * (readers see the old counts until then, never a mixture), the same file again is recognised, and
 * withdrawing the current version brings back the previous one.
 */
@PatchworkIntegrationTest
class VersioningIT {

    /** Job stages before the publishing transaction: the previous version must still be what readers get. */
    static final Set<String> BEFORE_PUBLISHING = Set.of("queued", "starting", "unpacking", "reading", "checking", "assigning areas");

    @TempDir
    Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** What a reader saw while the job was at a stage. */
    record Seen(String stage, UploadClient.Counts counts) {
    }

    @Test
    void readersSeeTheCurrentVersionUntilTheNextIsWholeAndAWithdrawalBringsBackThePrevious() {
        UploadClient manager = UploadClient.newPartner(port, "Versioning IT");
        Path march = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), 2_000, dir.resolve("march.csv"));
        Path april = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-04"), -1, dir.resolve("april.csv"));

        JsonNode first = manager.load(march, Map.of("title", "Versioning IT", "theme", "crime"));
        assertThat(first.path("state").asString()).as("%s", first).isEqualTo("succeeded");
        long datasetId = first.path("result").path("datasetId").asLong();
        assertThat(first.path("result").path("version").asInt()).isEqualTo(1);
        UploadClient.Counts v1 = manager.counts(datasetId, "lsoa");
        assertThat(v1.total()).isEqualTo(2_000);

        String job = UploadClient.jobOf(manager.addVersion(datasetId, april, null));
        List<Seen> seen = new ArrayList<>();
        JsonNode done = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (done == null) {
            UploadClient.Counts counts = manager.counts(datasetId, "lsoa");
            JsonNode state = manager.job(job);   // read after the counts: a stage before publishing means they were v1's
            seen.add(new Seen(state.path("stage").asString(), counts));
            if (Set.of("succeeded", "failed").contains(state.path("state").asString())) {
                done = state;
            }
            assertThat(Instant.now()).as("job %s finished in time", job).isBefore(deadline);
        }
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.path("result").path("version").asInt()).isEqualTo(2);
        assertThat(done.path("result").path("rowsIn").asInt()).as("README: April 2022").isEqualTo(15_571);
        UploadClient.Counts v2 = manager.counts(datasetId, "lsoa");
        assertThat(v2.total()).isEqualTo(done.path("result").path("rowsPublished").asLong());

        List<Seen> beforePublishing = seen.stream().filter(s -> BEFORE_PUBLISHING.contains(s.stage())).toList();
        assertThat(beforePublishing).as("readings taken while version 2 was being loaded").isNotEmpty();
        assertThat(beforePublishing).allSatisfy(s -> assertThat(s.counts()).as("counts at stage %s", s.stage()).isEqualTo(v1));
        assertThat(seen).allSatisfy(s -> assertThat(s.counts()).as("never a mixture").isIn(v1, v2));

        JsonNode versions = manager.versions(datasetId);
        assertThat(versions).hasSize(2);
        assertVersion(versions.get(0), 1, "published", false, 2_000, "2022-03-01", "2022-03-31");
        assertVersion(versions.get(1), 2, "published", true, 15_571, "2022-04-01", "2022-04-30");

        JsonNode again = manager.awaitJob(UploadClient.jobOf(manager.addVersion(datasetId, april, null)), Duration.ofMinutes(5));
        assertThat(again.path("state").asString()).isEqualTo("succeeded");
        assertThat(again.path("result").path("alreadyLoaded").asBoolean()).as("%s", again).isTrue();
        assertThat(again.path("result").path("version").asInt()).isEqualTo(2);
        assertThat(manager.versions(datasetId)).as("no new version for the same bytes").hasSize(2);

        Reply withdrawn = manager.api().post("/api/datasets/" + datasetId + "/versions/2/withdraw", null);
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        assertThat(withdrawn.json().path("withdrawn").asBoolean()).isTrue();
        assertThat(manager.counts(datasetId, "lsoa")).as("counts after withdrawing version 2").isEqualTo(v1);
        assertThat(manager.points(datasetId).size()).isEqualTo(2_000);
        versions = manager.versions(datasetId);
        assertVersion(versions.get(0), 1, "published", true, 2_000, "2022-03-01", "2022-03-31");
        assertVersion(versions.get(1), 2, "withdrawn", false, 15_571, "2022-04-01", "2022-04-30");
        assertThat(versions.get(1).path("withdrawnAt").asString()).isNotBlank();

        Reply twice = manager.api().post("/api/datasets/" + datasetId + "/versions/2/withdraw", null);
        assertThat(twice.status()).isEqualTo(404);
        assertThat(twice.json().path("detail").asString()).contains("no published version 2");
    }

    @Test
    void onlyTheOwningPartnersDataManagersAddVersions() {
        UploadClient owner = UploadClient.newPartner(port, "Versioning IT owner");
        UploadClient stranger = UploadClient.newPartner(port, "Versioning IT stranger");
        Path march = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), 20, dir.resolve("small.csv"));
        long datasetId = owner.load(march, Map.of("title", "Versioning IT owned", "theme", "crime")).path("result").path("datasetId").asLong();

        Reply refused = stranger.addVersion(datasetId, march, null);
        assertThat(refused.status()).as("%s", refused).isIn(403, 404);
        assertThat(refused.isProblem()).isTrue();
        assertThat(stranger.api().post("/api/datasets/" + datasetId + "/versions/1/withdraw", null).status()).isIn(403, 404);
        assertThat(owner.versions(datasetId)).hasSize(1);
    }

    @Test
    void aVersionWithNoUsableRowDoesNotReplaceTheCurrentOne() {
        UploadClient manager = UploadClient.newPartner(port, "Versioning IT empty");
        Path march = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), 50, dir.resolve("v1.csv"));
        long datasetId = manager.load(march, Map.of("title", "Versioning IT empty", "theme", "crime")).path("result").path("datasetId").asLong();
        List<Map<String, String>> swapped = CrimeFiles.read(march).stream().map(row -> {
            Map<String, String> copy = new HashMap<>(row);
            copy.put("Longitude", row.get("Latitude"));
            copy.put("Latitude", row.get("Longitude"));
            return copy;
        }).toList();
        Path bad = CrimeFiles.write(dir.resolve("swapped.csv"), CrimeFiles.POLICE_UK_HEADER, swapped);

        JsonNode job = manager.awaitJob(UploadClient.jobOf(manager.addVersion(datasetId, bad, Map.of("publishValidRows", true))),
                Duration.ofMinutes(5));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("failed");
        assertThat(manager.counts(datasetId, "lsoa").total()).isEqualTo(50);
    }

    @Test
    void theDatasetDescribesItsCurrentVersionAfterAWithdrawalAndNoLoadWhenNoneIsLeft() {
        UploadClient manager = UploadClient.newPartner(port, "Versioning IT summary");
        Path march = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), 30, dir.resolve("summary-march.csv"));
        Path aprilCsv = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-04"), 40, dir.resolve("summary-april.csv"));
        Path april = Ogr2ogr.convert("GPKG", dir.resolve("summary-april.gpkg"), aprilCsv.toString(), "-oo", "X_POSSIBLE_NAMES=Longitude",
                "-oo", "Y_POSSIBLE_NAMES=Latitude", "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=NO",
                "-s_srs", "EPSG:4326", "-t_srs", "EPSG:27700", "-nln", "crimes", "-nlt", "POINT");

        JsonNode first = manager.load(march, Map.of("title", "Versioning IT summary", "theme", "crime",
                "description", "Street-level crime in Merseyside, as police.uk publishes it", "updateFrequency", "Monthly"));
        assertThat(first.path("state").asString()).as("%s", first).isEqualTo("succeeded");
        long datasetId = first.path("result").path("datasetId").asLong();
        JsonNode listed = manager.api().getJson("/api/datasets").valueStream()
                .filter(entry -> entry.path("dataset").path("id").asLong() == datasetId).findFirst().orElseThrow().path("dataset");
        assertThat(listed.path("description").asString()).isEqualTo("Street-level crime in Merseyside, as police.uk publishes it");
        assertThat(listed.path("updateFrequency").asString()).isEqualTo("Monthly");
        assertSummary(manager.dataset(datasetId), 30, "2022-03-01", "2022-03-31", "EPSG:4326");

        JsonNode second = manager.awaitJob(UploadClient.jobOf(manager.addVersion(datasetId, april,
                Map.of("mapping", Map.of("date", "Month", "category", "Crime type")))), Duration.ofMinutes(5));
        assertThat(second.path("state").asString()).as("%s", second).isEqualTo("succeeded");
        JsonNode versions = manager.versions(datasetId);
        assertThat(versions.get(0).path("sourceCrs").asString()).as("read as longitude/latitude").isEqualTo("EPSG:4326");
        assertThat(versions.get(1).path("sourceCrs").asString()).as("read in the GeoPackage's CRS").isEqualTo("EPSG:27700");
        JsonNode dataset = manager.dataset(datasetId);
        assertSummary(dataset, 40, "2022-04-01", "2022-04-30", "EPSG:27700");
        assertThat(dataset.path("description").asString()).as("kept by a new version").startsWith("Street-level crime");
        assertThat(dataset.path("loadedAt").asString()).isEqualTo(versions.get(1).path("publishedAt").asString());

        assertThat(manager.api().post("/api/datasets/" + datasetId + "/versions/2/withdraw", null).status()).isEqualTo(200);
        dataset = manager.dataset(datasetId);
        assertSummary(dataset, 30, "2022-03-01", "2022-03-31", "EPSG:4326");
        assertThat(dataset.path("loadedAt").asString()).as("when version 1 was published")
                .isEqualTo(versions.get(0).path("publishedAt").asString());

        assertThat(manager.api().post("/api/datasets/" + datasetId + "/versions/1/withdraw", null).status()).isEqualTo(200);
        dataset = manager.dataset(datasetId);
        assertThat(dataset.path("rowsRead").asInt()).isZero();
        assertThat(dataset.path("rowsLoaded").asInt()).isZero();
        assertThat(dataset.path("rowsRejected").asInt()).isZero();
        assertThat(dataset.has("coverageStart") || dataset.has("coverageEnd") || dataset.has("loadedAt") || dataset.has("sourceCrs"))
                .as("no period, load time or CRS without a published version: %s", dataset).isFalse();
        assertThat(dataset.path("description").asString()).isNotBlank();
    }

    private static void assertSummary(JsonNode dataset, int rows, String start, String end, String crs) {
        assertThat(dataset.path("rowsRead").asInt()).as("rows read of %s", dataset).isEqualTo(rows);
        assertThat(dataset.path("rowsLoaded").asInt()).isEqualTo(rows);
        assertThat(dataset.path("rowsRejected").asInt()).isZero();
        assertThat(dataset.path("coverageStart").asString()).isEqualTo(start);
        assertThat(dataset.path("coverageEnd").asString()).isEqualTo(end);
        assertThat(dataset.path("sourceCrs").asString()).isEqualTo(crs);
    }

    private static void assertVersion(JsonNode version, int number, String status, boolean current, int rows, String start, String end) {
        assertThat(version.path("version").asInt()).isEqualTo(number);
        assertThat(version.path("status").asString()).as("status of version %s", number).isEqualTo(status);
        assertThat(version.path("current").asBoolean()).as("version %s current", number).isEqualTo(current);
        assertThat(version.path("rowsIn").asInt()).isEqualTo(rows);
        assertThat(version.path("rowsPublished").asInt() + version.path("rowsRejected").asInt()).isEqualTo(rows);
        assertThat(version.path("coverageStart").asString()).isEqualTo(start);
        assertThat(version.path("coverageEnd").asString()).isEqualTo(end);
    }
}
