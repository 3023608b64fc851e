package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.uploads.BadFiles.lines;
import static org.patchwork.uploads.BadFiles.month;
import static org.patchwork.uploads.BadFiles.put;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Files with some bad rows, loaded because their owner asked to publish the valid ones: each bad row is
 * rejected with its line, column, value and reason (in the job's report), and exactly the others are
 * published. Also the rows a loader could easily get wrong without rejecting anything: LSOA 2021 codes,
 * and a Shapefile whose CRS its owner names.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadUploadsRowsIT {

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    BadFiles files;
    UploadClient manager;

    @BeforeAll
    void makeFiles() throws IOException {
        files = new BadFiles(dir);
        manager = UploadClient.newPartner(port, "Bad rows IT");
    }

    @Test
    void datesInThreeFormatsAreReadAndImpossibleOnesRejectedWhenTheValidRowsArePublished() {
        Path dates = files.rows("dates-valid.csv", (row, i) -> month(row, i));
        DatabaseCounts before = DatabaseCounts.of(jdbc);
        JsonNode job = loadValidRows(dates);
        JsonNode result = job.path("result");
        assertThat(result.path("rowsIn").asInt()).isEqualTo(BadFiles.ROWS);
        assertThat(result.path("rowsRejected").asInt()).as("2022-13 and 31/02/2022").isEqualTo(16);
        assertThat(result.path("rowsPublished").asInt()).as("2022-03, 2022-03-15 and 15/03/2022").isEqualTo(24);

        List<CSVRecord> report = manager.rejectedRows(location(job));
        assertThat(report).hasSize(16);
        assertThat(report.stream().map(r -> Long.parseLong(r.get("row"))).toList()).containsExactlyElementsOf(lines(i -> i % 5 >= 3));
        assertThat(report).allSatisfy(r -> {
            assertThat(r.get("file")).isEqualTo("dates-valid.csv");
            assertThat(r.get("column")).isEqualTo("Month");
            assertThat(r.get("value")).isIn("2022-13", "31/02/2022");
            assertThat(r.get("reason")).startsWith("not a date");
        });
        long datasetId = result.path("datasetId").asLong();
        JsonNode version = manager.versions(datasetId).get(0);
        assertThat(version.path("coverageStart").asString()).isEqualTo("2022-03-01");
        assertThat(version.path("coverageEnd").asString()).isEqualTo("2022-03-31");
        assertThat(manager.counts(datasetId, "district").total()).isEqualTo(24);
        assertThat(DatabaseCounts.of(jdbc)).isEqualTo(before.plusDataset(24));
    }

    @Test
    void pointsAtZeroZeroAreRejectedAsMissingLocations() {
        JsonNode job = loadValidRows(files.rows("zero.csv", (row, i) -> i % 4 == 0 ? put(put(row, "Longitude", "0"), "Latitude", "0") : row));
        assertThat(job.path("result").path("rowsRejected").asInt()).isEqualTo(10);
        assertThat(job.path("result").path("rowsPublished").asInt()).isEqualTo(30);
        List<CSVRecord> report = manager.rejectedRows(location(job));
        assertThat(report.stream().map(r -> Long.parseLong(r.get("row"))).toList()).containsExactlyElementsOf(lines(i -> i % 4 == 0));
        assertThat(report).allSatisfy(r -> {
            assertThat(r.get("reason")).isEqualTo("the point is at (0, 0), which means the location is missing");
            assertThat(r.get("column")).isEqualTo("Longitude / Latitude");
            assertThat(r.get("value")).isEqualTo("0, 0");
        });
        assertThat(manager.points(job.path("result").path("datasetId").asLong()).size()).isEqualTo(30);
    }

    @Test
    void aRepeatedIdentifierKeepsItsFirstRow() {
        List<Map<String, String>> withIds = files.rows.stream().filter(r -> !r.get("Crime ID").isEmpty()).limit(10).toList();
        List<Map<String, String>> rows = new ArrayList<>(withIds);
        rows.addAll(withIds.subList(0, 3));
        Path file = CrimeFiles.write(files.path("duplicates.csv"), CrimeFiles.POLICE_UK_HEADER, rows);

        JsonNode job = loadValidRows(file);
        assertThat(job.path("result").path("rowsIn").asInt()).isEqualTo(13);
        assertThat(job.path("result").path("rowsRejected").asInt()).isEqualTo(3);
        List<CSVRecord> report = manager.rejectedRows(location(job));
        assertThat(report.stream().map(r -> r.get("row")).toList()).containsExactly("12", "13", "14");
        assertThat(report.stream().map(r -> r.get("value")).toList())
                .containsExactlyElementsOf(withIds.subList(0, 3).stream().map(r -> r.get("Crime ID")).toList());
        assertThat(report).allSatisfy(r -> assertThat(r.get("reason")).isEqualTo("the identifier appears more than once (the first row is kept)"));
        JsonNode points = manager.points(job.path("result").path("datasetId").asLong());
        assertThat(points.valueStream().map(p -> p.path("properties").path("source_id").asString()).distinct().count()).isEqualTo(10);
    }

    @Test
    void lsoa2021CodesAreNotLoadedLsoasSoEventsAreCountedWherePointsFall() throws IOException {
        // 2011 LSOAs that ONS split in 2021, and the code of one of their 2021 parts (README §1: lookups/)
        Map<String, String> split = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Map<String, String> row : CrimeFiles.read(CrimeFiles.shared("lookups/england_lsoa11_to_lsoa21_lookup.csv"))) {
            if (row.get("chgind").equals("S")) {
                split.putIfAbsent(row.get("lsoa11cd"), row.get("lsoa21cd"));
                names.putIfAbsent(row.get("lsoa21cd"), row.get("lsoa21nm"));
            }
        }
        Path month = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), -1, files.path("march.csv"));
        List<Map<String, String>> rows = CrimeFiles.read(month).stream().filter(r -> split.containsKey(r.get("LSOA code"))).limit(40)
                .map(r -> {
                    Map<String, String> changed = new LinkedHashMap<>(r);
                    changed.put("LSOA code", split.get(r.get("LSOA code")));
                    changed.put("LSOA name", names.get(changed.get("LSOA code")));
                    return changed;
                }).toList();
        assertThat(rows).hasSize(40);
        Set<String> codes2021 = rows.stream().map(r -> r.get("LSOA code")).collect(Collectors.toSet());
        Set<String> loaded = Set.copyOf(jdbc.sql("select code from area where level = 'lsoa'").query(String.class).list());
        assertThat(codes2021).as("2021 codes of split LSOAs are not loaded LSOAs").doesNotContainAnyElementsOf(loaded);

        JsonNode job = manager.load(CrimeFiles.write(files.path("lsoa21.csv"), CrimeFiles.POLICE_UK_HEADER, rows),
                Map.of("title", "Bad rows IT LSOA 2021 codes", "theme", "crime"));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        JsonNode result = job.path("result");
        assertThat(result.path("rowsPublished").asInt()).as("rows with 2021 codes are still published").isEqualTo(40);
        assertThat(result.path("assignment").path("agreeing").asInt()).as("no 2021 code equals a 2011 polygon's code").isZero();
        long datasetId = result.path("datasetId").asLong();

        UploadClient.Counts counts = manager.counts(datasetId, "lsoa");
        assertThat(counts.total()).isEqualTo(40);
        assertThat(counts.outside()).isEqualTo(result.path("assignment").path("outside_every_lsoa").asLong());
        List<Map<String, Object>> events = jdbc.sql("select source_lsoa_code, lsoa_code from event e join dataset d "
                + "on d.id = e.dataset_id and d.current_version_id = e.version_id where d.id = :id").param("id", datasetId).query().listOfRows();
        assertThat(events).hasSize(40).allSatisfy(e -> {
            assertThat(codes2021).contains((String) e.get("source_lsoa_code"));
            assertThat(e.get("lsoa_code") == null || loaded.contains((String) e.get("lsoa_code"))).as("counted in a loaded LSOA").isTrue();
        });
        Map<String, String> parents = split.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        long inTheParent = events.stream().filter(e -> parents.get((String) e.get("source_lsoa_code")).equals(e.get("lsoa_code"))).count();
        assertThat(inTheParent).as("events whose point falls in the 2011 LSOA their 2021 code was split from").isGreaterThan(20);
    }

    @Test
    void aShapefileWithoutPrjLoadsOnceItsEpsgCodeIsGiven() {
        Path zip = files.shapefileZip("no-prj-then-epsg.zip", "prj", Map.of());
        Reply preview = manager.inspect(zip);
        assertThat(preview.status()).isEqualTo(201);
        assertThat(preview.json().path("crsProblem").asString()).contains("has no .prj file")
                .contains("metres in the British National Grid range, probably EPSG:27700");
        JsonNode job = manager.awaitJob(UploadClient.jobOf(manager.api().post("/api/datasets", Map.of("uploadId",
                preview.json().path("uploadId").asString(), "title", "Bad rows IT no prj", "theme", "crime", "epsg", 27700))),
                Duration.ofMinutes(5));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        assertThat(job.path("result").path("rowsPublished").asInt()).isEqualTo(BadFiles.ROWS);
    }

    @Test
    void brokenQuotingIsNamedAndNoRowIsSilentlyLost() {
        // GDAL alone reads line 3's open quote to the end of the file: 2 rows of 40, and 38 lost without a word
        DatabaseCounts before = DatabaseCounts.of(jdbc);
        Reply reply = manager.createDataset(files.brokenQuoting("broken-quote-finding.csv"), Map.of("title", "Bad rows IT broken quote",
                "theme", "crime", "publishValidRows", true));
        assertThat(reply.status()).as("%s", reply).isEqualTo(422);
        assertThat(reply.json().path("type").asString()).isEqualTo("/problems/upload-rejected");
        assertThat(reply.json().path("detail").asString()).startsWith("broken-quote-finding.csv: a quote opened on line 3 is never closed");
        JsonNode error = reply.json().path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo("broken-quote-finding.csv");
        assertThat(error.path("row").asLong()).isEqualTo(3);
        assertThat(DatabaseCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void brokenQuotingInOneFileOfAPoliceUkArchiveIsNamedWithItsPath() {
        Path broken = files.brokenQuoting("2022-03-merseyside-street.csv");
        Path archive = CrimeFiles.zip(files.path("police-uk-broken-quote.zip"), Map.of("2022-03/2022-03-cheshire-street.csv", files.csv,
                "2022-03/2022-03-merseyside-street.csv", broken));
        Reply reply = manager.inspect(archive);
        assertThat(reply.status()).as("%s", reply).isEqualTo(422);
        JsonNode error = reply.json().path("errors").get(0);
        assertThat(error.path("file").asString()).isEqualTo("police-uk-broken-quote.zip/2022-03/2022-03-merseyside-street.csv");
        assertThat(error.path("row").asLong()).isEqualTo(3);
        assertThat(error.path("reason").asString()).contains("a quote opened on line 3 is never closed");
    }

    // --- loading ---

    private JsonNode loadValidRows(Path file) {
        Map<String, Object> metadata = new HashMap<>(Map.of("title", "Bad rows IT " + file.getFileName(), "theme", "crime"));
        metadata.put("publishValidRows", true);
        JsonNode job = manager.load(file, metadata);
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        JsonNode result = job.path("result");
        assertThat(result.path("rowsPublished").asInt() + result.path("rowsRejected").asInt()).isEqualTo(result.path("rowsIn").asInt());
        return job;
    }

    private static String location(JsonNode job) {
        return "/api/jobs/" + job.path("id").asString();
    }
}
