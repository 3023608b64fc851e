package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchwork.uploads.BadFiles.bytes;
import static org.patchwork.uploads.BadFiles.lines;
import static org.patchwork.uploads.BadFiles.manyEntries;
import static org.patchwork.uploads.BadFiles.month;
import static org.patchwork.uploads.BadFiles.numbered;
import static org.patchwork.uploads.BadFiles.put;
import static org.patchwork.uploads.BadFiles.renameKeys;
import static org.patchwork.uploads.BadFiles.renamed;
import static org.patchwork.uploads.BadFiles.swap;
import static org.patchwork.uploads.BadFiles.windows1252Header;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A corpus of bad uploads, each refused with a problem+json that names what is wrong with it, at once (422
 * or 400) or in its job (state failed, the 422 body in {@code problem}); every refusal leaves the datasets,
 * versions, events and areas exactly as they were (and leaves no scratch tables, and no file written outside
 * the upload's directory). Files whose bad rows are rejected while the valid ones are published: {@link BadUploadsRowsIT}.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadUploadsIT {

    /**
     * One bad upload: the file, the metadata sent with it, the status expected, phrases the problem's detail
     * or one of its errors must contain, and (for row-level problems) the lines the errors must name.
     */
    record Case(String name, Supplier<Path> file, Map<String, Object> metadata, int status, List<String> phrases, List<Long> rows) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What a refusal returned: the problem body, and the job when it was refused in one. */
    record Refusal(JsonNode problem, String job) {
    }

    /** Refused uploads whose directory is left on disk: see {@link #anEmptyUploadLeavesNothingOnDisk}. */
    static final Set<String> LEFT_BEHIND = Set.of("empty file");

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${patchwork.uploads.dir}")
    Path uploadsDir;

    BadFiles files;
    UploadClient manager;

    @BeforeAll
    void makeFiles() throws IOException {
        files = new BadFiles(dir);
        manager = UploadClient.newPartner(port, "Bad uploads IT");
    }

    Stream<Case> refused() {
        byte[] csv = BadFiles.read(files.csv);
        String prjOfUtm10 = "PROJCS[\"NAD_1983_UTM_Zone_10N\",GEOGCS[\"GCS_North_American_1983\",DATUM[\"D_North_American_1983\","
                + "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",-123.0],PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],"
                + "UNIT[\"Meter\",1.0]]";
        List<Long> everyRow = lines(i -> true);
        return Stream.of(
                // archives
                refusedAtOnce("truncated zip", () -> files.truncated("truncated.zip"), "is not a readable zip archive", "truncated"),
                refusedAtOnce("not a zip at all", () -> files.bytes("crimes.zip", csv), "is not a readable zip archive"),
                refusedAtOnce("zip slip", () -> files.zip("slip.zip", Map.of("../evil.csv", csv)), "points outside it", "../evil.csv"),
                refusedAtOnce("zip slip through a folder", () -> files.zip("slip-folder.zip", Map.of("data/../../evil.csv", csv)),
                        "points outside it"),
                refusedAtOnce("absolute path entry", () -> files.zip("absolute.zip", Map.of("/tmp/evil.csv", csv)), "absolute path"),
                refusedAtOnce("Windows drive path entry", () -> files.zip("drive.zip", Map.of("C:\\Windows\\evil.csv", csv)), "absolute path"),
                refusedAtOnce("zip bomb: 200 MB of zeros", () -> files.zipOfZeros("bomb.zip", 200), "zip bomb"),
                refusedAtOnce("too many entries", () -> files.zip("many.zip", manyEntries(2001)), "2001 entries; at most 2000"),
                refusedAtOnce("empty file", () -> files.bytes("empty.csv", new byte[0]), "is empty"),
                refusedAtOnce("empty zip", () -> files.emptyZip("empty.zip"), "the archive is empty"),
                refusedAtOnce("zip of empty folders", () -> files.zip("folders.zip", Map.of("data/", new byte[0], "data/2022/", new byte[0])),
                        "the archive is empty"),
                refusedAtOnce("zip with no readable file", () -> files.zip("unreadable.zip", Map.of("readme.txt", bytes("Crime data"),
                        "crimes.dbf", BadFiles.read(files.shapefile.get("crimes.dbf")), "notes.docx", BadFiles.random(500, 1))),
                        "holds no file Patchwork can read"),
                refusedAtOnce("zip of macOS leftovers", () -> files.zip("macos.zip", Map.of("__MACOSX/._crimes.csv", BadFiles.random(300, 2),
                        ".DS_Store", BadFiles.random(300, 3))), "holds no file Patchwork can read"),
                refusedAtOnce("zip with two datasets", () -> files.zip("two.zip", Map.of("a/crimes.csv", csv,
                        "b/crimes.gpkg", BadFiles.read(files.path("good.gpkg")))), "holds 2 datasets", "upload one at a time"),
                // parts of multi-file formats
                refusedAtOnce("Shapefile without .shx", () -> files.shapefileZip("no-shx.zip", "shx", Map.of()), "missing its .shx file"),
                refusedAtOnce("Shapefile without .dbf", () -> files.shapefileZip("no-dbf.zip", "dbf", Map.of()), "missing its .dbf file"),
                refusedAtOnce("MapInfo TAB without .dat", () -> files.partsZip("no-dat.zip", files.mapInfoTab, "dat", Map.of()),
                        "missing its .dat file"),
                refusedAtOnce("MapInfo MIF without .mid", () -> files.partsZip("no-mid.zip", files.mapInfoMif, "mid", Map.of()),
                        "missing its .mid file"),
                // coordinate reference systems
                refusedInJob("Shapefile without .prj", () -> files.shapefileZip("no-prj.zip", "prj", Map.of()), List.of(
                        "has no .prj file", "metres in the British National Grid range, probably EPSG:27700", "give its EPSG code"), null),
                refusedInJob("Shapefile with a garbage .prj", () -> files.shapefileZip("garbage-prj.zip", null,
                        Map.of("prj", bytes("this is not a projection {{{"))), List.of("coordinate reference system could not be read",
                        "probably EPSG:27700"), null),
                refusedInJob("Shapefile whose .prj is another CRS (UTM 10N)", () -> files.shapefileZip("utm10.zip", null,
                        Map.of("prj", bytes(prjOfUtm10))), List.of("outside England and Wales", "in another CRS"), numbered(1, BadFiles.ROWS)),
                refusedInJob("x/y columns without a CRS", () -> files.rows("xy.csv", renamed("Longitude", "X", "Latitude", "Y"),
                        (row, i) -> renameKeys(row)), List.of("Say which coordinate reference system the columns X and Y use"), null),
                // unreadable content
                refusedAtOnce("invalid JSON in a GeoJSON", () -> files.text("invalid.geojson", "{\"type\": \"FeatureCollection\", "
                        + "\"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [-2.98, 53.4]}, "
                        + "\"properties\": {\"Month\": \"2022-03\""), "could not be read as GeoJSON"),
                refusedAtOnce("XLSX that is a zip of junk", () -> files.zip("junk.xlsx", Map.of("[Content_Types].xml", bytes("not xml <"),
                        "xl/workbook.bin", BadFiles.random(2000, 4))), "could not be read as Excel workbook"),
                refusedAtOnce("KMZ without a KML inside", () -> files.zip("no-kml.kmz", Map.of("files/icon.png", BadFiles.random(400, 5))),
                        "could not be read as KMZ"),
                refusedAtOnce("binary data named .csv", () -> files.bytes("binary.csv", BadFiles.random(20_000, 6)), "could not be read as CSV"),
                refusedAtOnce("UTF-16 text (Excel's \"Unicode text\")", () -> files.bytes("utf16.csv", files.utf16()), "could not be read as CSV"),
                refusedAtOnce("Windows-1252 header", () -> files.bytes("cp1252.csv", windows1252Header()), "could not be read as CSV"),
                refusedInJob("Latin-1 text", () -> files.bytes("latin1.csv", files.latin1()), List.of("latin1.csv", "could not be read"), null),
                refusedInJob("a header and no rows", () -> files.text("header-only.csv", String.join(",", CrimeFiles.POLICE_UK_HEADER) + "\r\n"),
                        List.of("holds no rows"), null),
                refusedAtOnce("10,000 columns", () -> files.wide("wide.csv"),
                        "wide.csv: the file has 10,000 columns; at most 1,000 are supported"),
                // mapping
                refusedInJob("no date column", () -> files.without("no-month.csv", "Month"), List.of("name the column with the date or month"), null),
                refusedInJob("no category column", () -> files.without("no-type.csv", "Crime type"),
                        List.of("name the column with the category"), null),
                refused("mapping names a column the file lacks", () -> files.csv, withMapping(Map.of("date", "Month", "category", "Offence",
                        "x", "Longitude", "y", "Latitude", "xyEpsg", 4326)), 422, List.of("the file has no column 'Offence'"), null),
                // rows, all or nothing
                refusedAtOnce("broken quoting", () -> files.brokenQuoting("broken-quote.csv"),
                        "broken-quote.csv: a quote opened on line 3 is never closed"),
                refusedInJob("coordinates swapped", () -> files.rows("swapped.csv", (row, i) -> swap(row)),
                        List.of("are the coordinates swapped"), everyRow),
                refused("polygons loaded as events", () -> files.polygons("polygons.geojson"), withMapping(Map.of("kind", "events",
                        "date", "month", "category", "category")), 422, List.of("the geometry is a polygon, not a point"), numbered(1, 20)),
                refusedInJob("dates in five spellings, all or nothing", () -> files.rows("dates.csv", (row, i) -> month(row, i)),
                        List.of("not a date: use YYYY-MM, YYYY-MM-DD or DD/MM/YYYY"), lines(i -> i % 5 >= 3)),
                refusedInJob("coordinates that are not numbers", () -> files.rows("not-numbers.csv", (row, i) -> i == 7 ? put(row, "Longitude", "n/a") : row),
                        List.of("coordinates are not numbers"), List.of(9L)),
                refusedInJob("no coordinates", () -> files.rows("no-coordinates.csv", (row, i) -> i == 0 ? put(put(row, "Longitude", ""), "Latitude", "") : row),
                        List.of("no coordinates"), List.of(2L)),
                refusedInJob("points outside England and Wales", () -> files.rows("paris.csv", (row, i) -> i < 3
                        ? put(put(row, "Longitude", "2.3522"), "Latitude", "48.8566") : row), List.of("outside England and Wales"), List.of(2L, 3L, 4L)),
                refusedInJob("rows without a category", () -> files.rows("no-category.csv", (row, i) -> i % 10 == 0 ? put(row, "Crime type", "") : row),
                        List.of("no category"), lines(i -> i % 10 == 0)),
                // statistics by area and polygons
                refused("statistics without an area code column", () -> files.text("no-codes.csv", "area,households\r\nAnfield,120\r\n"),
                        withMapping(Map.of("kind", "area-statistics", "areaLevel", "lsoa", "measures", List.of("households"))), 422,
                        List.of("name the column with the area codes"), null),
                refused("statistics at an unknown level", () -> files.text("county.csv", "code,households\r\nE10000006,120\r\n"),
                        withMapping(Map.of("kind", "area-statistics", "areaCode", "code", "areaLevel", "county", "measures", List.of("households"))),
                        422, List.of("say which areas the codes are"), null),
                refused("statistics with text for numbers, all or nothing", () -> files.text("text-values.csv",
                        "lsoa11cd,households\r\nE01006512,120\r\nE01006513,about forty\r\n"), withMapping(Map.of("kind", "area-statistics",
                        "areaCode", "lsoa11cd", "areaLevel", "lsoa", "measures", List.of("households"))), 422, List.of("not a number"), List.of(3L)),
                refused("merged 2021 LSOAs, all or nothing", () -> files.text("merged.csv", "lsoa21cd,households\r\nE01034401,120\r\n"),
                        withMapping(Map.of("kind", "area-statistics", "areaCode", "lsoa21cd", "areaLevel", "lsoa", "measures",
                                List.of("households"), "counts", List.of("households"))), 422,
                        List.of("was formed by merging the 2011 LSOAs E01006720, E01006752"), List.of(2L)),
                refused("polygons from a table without geometry", () -> files.csv, withMapping(Map.of("kind", "polygons")), 422,
                        List.of("a polygon dataset needs a file with polygons"), null),
                refused("points loaded as polygons", () -> files.path("good.gpkg"), withMapping(Map.of("kind", "polygons")), 422,
                        List.of("the geometry is a point, not a polygon"), null),
                refused("an unknown kind of dataset", () -> files.csv, withMapping(Map.of("kind", "rasters")), 422,
                        List.of("kind must be one of [events, area-statistics, polygons]"), null),
                // the request itself
                refused("metadata that is not JSON", () -> files.csv, null, 400, List.of("metadata must be JSON"), null),
                refused("an unknown theme", () -> files.csv, Map.of("title", "Bad uploads IT theme", "theme", "weather"), 400,
                        List.of("theme must be one of"), null),
                refused("no title", () -> files.csv, Map.of("theme", "crime"), 400, List.of("title is required"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aBadUploadIsRefusedWithItsProblemAndChangesNothing(Case bad) throws IOException {
        Path file = bad.file().get();
        DatabaseCounts before = DatabaseCounts.of(jdbc);
        long uploadsBefore = uploadDirectories();

        Refusal refusal = attempt(file, bad.metadata());
        JsonNode problem = refusal.problem();
        assertThat(problem.path("status").asInt()).as("%s: %s", bad, problem).isEqualTo(bad.status());
        String said = problem.path("detail").asString() + " | " + problem.path("errors").valueStream()
                .map(e -> e.path("reason").asString()).collect(Collectors.joining(" | "));
        for (String phrase : bad.phrases()) {
            assertThat(said).as("the problem names what is wrong with %s", bad).contains(phrase);
        }
        if (bad.status() == 422) {
            assertThat(problem.path("type").asString()).isEqualTo("/problems/upload-rejected");
            assertThat(problem.path("errors").size()).as("errors of %s", bad).isPositive();
            problem.path("errors").forEach(e -> assertThat(e.path("file").asString()).as("file named in %s", e).isNotBlank());
        }
        if (bad.rows() != null) {
            List<Long> named = problem.path("errors").valueStream().map(e -> e.path("row").asLong()).toList();
            assertThat(named).as("lines named in the errors of %s", bad).containsExactlyElementsOf(bad.rows());
            List<CSVRecord> report = manager.rejectedRows(refusal.job());
            assertThat(report.stream().map(r -> Long.parseLong(r.get("row"))).toList()).containsExactlyElementsOf(bad.rows());
            assertThat(report).allSatisfy(r -> assertThat(r.get("reason")).isNotBlank());
        }

        assertThat(DatabaseCounts.of(jdbc)).as("datasets, versions, events and areas after %s", bad).isEqualTo(before);
        if (refusal.job() != null) {
            assertThat(DatabaseCounts.scratchTables(jdbc, jobId(refusal.job()))).as("scratch tables left by the job").isEmpty();
        } else if (bad.status() == 422 && !LEFT_BEHIND.contains(bad.name())) {
            assertThat(uploadDirectories()).as("a refused upload is not kept").isEqualTo(uploadsBefore);
        }
        try (var walk = Files.isDirectory(uploadsDir) ? Files.walk(uploadsDir) : Stream.<Path>empty()) {
            assertThat(walk.filter(p -> p.getFileName().toString().equals("evil.csv")).toList()).as("files written by zip slip").isEmpty();
        }
    }

    @Test
    void onlyDataManagersMayUpload() {
        AdminApi admin = new AdminApi(port);
        AdminApi.User viewer = admin.user(admin.partner("Bad uploads IT viewers", "council"), "viewer");
        UploadClient notAManager = new UploadClient(port, viewer.username(), viewer.password());
        DatabaseCounts before = DatabaseCounts.of(jdbc);
        for (Reply reply : List.of(notAManager.inspect(files.csv), notAManager.createDataset(files.csv, metadata("by a viewer")))) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(403);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.json().path("detail").asString()).contains("Only data managers may upload data");
        }
        assertThat(DatabaseCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aRefusedViewerLeavesNothingOnDisk() throws IOException {
        AdminApi admin = new AdminApi(port);
        AdminApi.User viewer = admin.user(admin.partner("Bad uploads IT viewers", "council"), "viewer");
        long before = uploadDirectories();
        Reply reply = new UploadClient(port, viewer.username(), viewer.password()).createDataset(files.csv, metadata("viewer finding"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(uploadDirectories()).isEqualTo(before);
    }

    @Test
    void anEmptyUploadLeavesNothingOnDisk() throws IOException {
        long before = uploadDirectories();
        assertThat(attempt(files.bytes("empty-finding.csv", new byte[0]), metadata("empty finding")).problem().path("status").asInt())
                .isEqualTo(422);
        assertThat(uploadDirectories()).isEqualTo(before);
    }

    @Test
    void latin1TextIsReportedAsNotUtf8() {
        Refusal refusal = attempt(files.bytes("latin1-finding.csv", files.latin1()), metadata("latin1 finding"));
        assertThat(refusal.problem().path("detail").asString()).contains("is not valid UTF-8 text").doesNotContain("GDAL installed");
    }

    @Test
    void aHeaderInAnotherEncodingIsNotBlamedOnAMissingGdal() {
        Refusal refusal = attempt(files.bytes("cp1252-finding.csv", windows1252Header()), metadata("cp1252 finding"));
        assertThat(refusal.problem().path("detail").asString()).contains("UTF-8").doesNotContain("GDAL installed");
    }

    @Test
    void aFileNoDriverCanOpenGetsAReason() {
        Refusal refusal = attempt(files.zip("junk-finding.xlsx", Map.of("xl/workbook.bin", BadFiles.random(2000, 4))),
                metadata("junk finding"));
        assertThat(refusal.problem().path("detail").asString()).doesNotEndWith(": ").doesNotEndWith(":");
    }

    // --- making and sending the files ---

    private Refusal attempt(Path file, Map<String, Object> metadata) {
        Reply reply = metadata == null
                ? manager.multipart("/api/datasets", file, file.getFileName().toString(), "{title: not json")
                : manager.createDataset(file, metadata);
        if (reply.status() == 202) {
            String job = UploadClient.jobOf(reply);
            JsonNode done = manager.awaitJob(job, Duration.ofMinutes(5));
            assertThat(done.path("state").asString()).as("job of %s: %s", file.getFileName(), done).isEqualTo("failed");
            assertThat(done.path("result").isNull() || done.path("result").isMissingNode()).isTrue();
            return new Refusal(done.path("problem"), job);
        }
        assertThat(reply.isProblem()).as("problem+json: %s", reply).isTrue();
        return new Refusal(reply.json(), null);
    }

    private static String jobId(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private long uploadDirectories() throws IOException {
        if (!Files.isDirectory(uploadsDir)) {
            return 0;
        }
        try (var list = Files.list(uploadsDir)) {
            return list.count();
        }
    }

    private static Map<String, Object> metadata(String name) {
        return Map.of("title", "Bad uploads IT " + name, "theme", "crime");
    }

    private static Map<String, Object> withMapping(Map<String, Object> mapping) {
        return Map.of("title", "Bad uploads IT mapping", "theme", "crime", "mapping", mapping);
    }

    private static Case refusedAtOnce(String name, Supplier<Path> file, String... phrases) {
        return new Case(name, file, metadata(name), 422, List.of(phrases), null);
    }

    private static Case refusedInJob(String name, Supplier<Path> file, List<String> phrases, List<Long> rows) {
        return new Case(name, file, metadata(name), 422, phrases, rows);
    }

    private static Case refused(String name, Supplier<Path> file, Map<String, Object> metadata, int status, List<String> phrases,
                                List<Long> rows) {
        return new Case(name, file, metadata, status, phrases, rows);
    }
}
