package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every format a partner may upload, each made at test time with GDAL from the same 500 real police.uk
 * rows (the first of Merseyside's March 2022 file): uploaded as a new dataset, loaded by the job worker,
 * and then visible to readers. The plain CSV is the reference: every other format must publish the same
 * rows, at the same places (within a metre), in the same LSOAs.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadFormatsIT {

    static final int ROWS = 500;
    static final String MONTH = "2022-03";

    /**
     * One way of sending the 500 rows: the file, the format Patchwork should see, its EPSG code, the mapping sent
     * (null: the suggested one), and whether that maps the outcome column.
     */
    record Format(String name, String file, String label, int epsg, Map<String, Object> mapping, boolean outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${patchwork.uploads.dir}")
    Path uploadsDir;

    UploadClient manager;
    List<Map<String, String>> rows;
    Reference reference;

    /** What the plain CSV load published, which every other format must match. */
    record Reference(UploadClient.Counts counts, JsonNode assignment) {
    }

    @BeforeAll
    void makeFilesAndLoadTheReference() throws IOException {
        Path csv = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth(MONTH), ROWS, dir.resolve("crimes.csv"));
        rows = CrimeFiles.read(csv);
        assertThat(rows).hasSize(ROWS);
        makeFormats(csv);
        manager = UploadClient.newPartner(port, "Formats IT");

        JsonNode job = manager.load(csv, Map.of("title", "Formats IT reference", "theme", "crime"));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        long datasetId = job.path("result").path("datasetId").asLong();
        reference = new Reference(manager.counts(datasetId, "lsoa"), job.path("result").path("assignment"));
    }

    /** All formats from the one CSV: lon/lat ones in EPSG:4326, the others reprojected to British National Grid. */
    private void makeFormats(Path csv) throws IOException {
        String[] points = {"-oo", "X_POSSIBLE_NAMES=Longitude", "-oo", "Y_POSSIBLE_NAMES=Latitude", "-oo", "KEEP_GEOM_COLUMNS=NO",
                "-oo", "AUTODETECT_TYPE=NO", "-a_srs", "EPSG:4326", "-nln", "crimes", "-nlt", "POINT"};
        Path wgs84 = Ogr2ogr.convert("GPKG", dir.resolve("wgs84.gpkg"), csv.toString(), points);
        Path bng = Ogr2ogr.convert("GPKG", dir.resolve("crimes.gpkg"), wgs84.toString(), "-t_srs", "EPSG:27700", "-nln", "crimes");

        Path xy = Ogr2ogr.convert("CSV", dir.resolve("xy.csv"), bng.toString(), "-lco", "GEOMETRY=AS_XY");
        List<String> lines = Files.readAllLines(xy, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("X,Y,");
        lines.set(0, lines.get(0).replaceFirst("^X,Y,", "Easting,Northing,"));
        Files.write(dir.resolve("crimes-bng.csv"), lines, StandardCharsets.UTF_8);

        // numbers as numbers, as a spreadsheet would hold them
        Ogr2ogr.convert("XLSX", dir.resolve("crimes.xlsx"), csv.toString(), "-oo", "AUTODETECT_TYPE=YES", "-nln", "crimes");

        Path shp = Files.createDirectories(dir.resolve("shp"));
        Ogr2ogr.convert("ESRI Shapefile", shp.resolve("crimes.shp"), bng.toString(), "-lco", "ENCODING=UTF-8");
        Map<String, Path> shapefile = CrimeFiles.parts(shp, "crimes");
        assertThat(shapefile.keySet()).contains("crimes.prj", "crimes.cpg");
        CrimeFiles.zip(dir.resolve("crimes-shp.zip"), shapefile);
        Map<String, Path> upper = new LinkedHashMap<>();
        shapefile.forEach((name, file) -> upper.put("Export/Crime Data/" + name.toUpperCase(), file));
        Path metadata = Files.writeString(dir.resolve("crimes.shp.xml"), "<metadata><idinfo>ArcGIS export</idinfo></metadata>");
        upper.put("Export/Crime Data/CRIMES.SHP.XML", metadata);
        CrimeFiles.zip(dir.resolve("crimes-shp-upper.zip"), upper);

        Path tab = Files.createDirectories(dir.resolve("tab"));
        Ogr2ogr.convert("MapInfo File", tab.resolve("crimes.tab"), bng.toString());
        CrimeFiles.zip(dir.resolve("crimes-tab.zip"), CrimeFiles.parts(tab, "crimes"));
        Path mif = Files.createDirectories(dir.resolve("mif"));
        Ogr2ogr.convert("MapInfo File", mif.resolve("crimes.mif"), bng.toString(), "-dsco", "FORMAT=MIF");
        CrimeFiles.zip(dir.resolve("crimes-mif.zip"), CrimeFiles.parts(mif, "crimes"));

        Ogr2ogr.convert("GeoJSON", dir.resolve("crimes.geojson"), wgs84.toString());
        Ogr2ogr.convert("LIBKML", dir.resolve("crimes.kml"), wgs84.toString());
        Ogr2ogr.convert("LIBKML", dir.resolve("crimes.kmz"), wgs84.toString());
        Ogr2ogr.convert("FlatGeobuf", dir.resolve("crimes.fgb"), bng.toString());
    }

    Stream<Format> formats() {
        Map<String, Object> dbfNames = new HashMap<>();
        dbfNames.put("date", "Month");
        dbfNames.put("category", "Crime type");
        dbfNames.put("id", "Crime ID");
        dbfNames.put("lsoaCode", "LSOA code");
        dbfNames.put("location", "Location");
        dbfNames.put("outcome", "Last outco");   // "Last outcome category", cut to 10 characters by the DBF
        return Stream.of(
                new Format("CSV with longitude/latitude", "crimes.csv", "CSV", 4326, null, true),
                new Format("CSV with easting/northing", "crimes-bng.csv", "CSV", 27700, null, true),
                new Format("Excel workbook", "crimes.xlsx", "Excel workbook", 4326, null, true),
                new Format("zipped Shapefile (mapping of DBF names)", "crimes-shp.zip", "ESRI Shapefile", 27700, dbfNames, true),
                // "Last outco" is no name the suggestion knows, so this one is loaded without outcomes
                new Format("zipped Shapefile, upper-case parts in a folder, with .shp.xml", "crimes-shp-upper.zip", "ESRI Shapefile", 27700,
                        null, false),
                new Format("zipped MapInfo TAB", "crimes-tab.zip", "MapInfo TAB", 27700, null, true),
                new Format("zipped MapInfo MIF/MID", "crimes-mif.zip", "MapInfo MIF/MID", 27700, null, true),
                new Format("GeoPackage", "crimes.gpkg", "GeoPackage", 27700, null, true),
                new Format("GeoJSON", "crimes.geojson", "GeoJSON", 4326, null, true),
                new Format("KML", "crimes.kml", "KML", 4326, null, true),
                new Format("KMZ", "crimes.kmz", "KMZ", 4326, null, true),
                new Format("FlatGeobuf", "crimes.fgb", "FlatGeobuf", 27700, null, true));
    }

    @Test
    void theReferenceCountsEveryRowInTheLsoaItsFileNamesOrWhereItsPointFalls() {
        assertCountedByOwnLsoaCode(reference.counts(), rows);
        assertThat(reference.assignment().path("points").asLong()).isEqualTo(ROWS);
        assertThat(reference.assignment().path("agreeing").asLong()).isPositive()
                .isLessThanOrEqualTo(reference.assignment().path("compared").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyFormatPublishesTheSameRowsAtTheSamePlaces(Format format) {
        Path file = dir.resolve(format.file());
        DatabaseCounts before = DatabaseCounts.of(jdbc);

        Reply preview = manager.inspect(file);
        assertThat(preview.status()).as("preview of %s: %s", format, preview).isEqualTo(201);
        JsonNode inspection = preview.json();
        assertThat(inspection.path("format").asString()).isEqualTo(format.label());
        assertThat(inspection.path("featureCount").asLong()).as("features seen in the preview").isEqualTo(ROWS);
        assertThat(inspection.path("sample").size()).as("sample rows").isEqualTo(10);
        JsonNode suggested = inspection.path("suggestedMapping");
        if (inspection.path("geometryType").asString().equals("None")) {
            assertThat(suggested.path("xyEpsg").asInt()).as("EPSG suggested for the x/y columns").isEqualTo(format.epsg());
            assertThat(inspection.path("epsg").isMissingNode() || inspection.path("epsg").isNull()).isTrue();
        } else {
            assertThat(inspection.path("epsg").asInt()).as("EPSG detected in the file").isEqualTo(format.epsg());
            assertThat(suggested.path("x").isMissingNode()).as("the point comes from the file's geometry").isTrue();
        }
        assertThat(suggested.path("date").asString()).isEqualTo("Month");

        Map<String, Object> submission = new HashMap<>();
        submission.put("uploadId", inspection.path("uploadId").asString());
        submission.put("title", "Formats IT " + format.name());
        submission.put("theme", "crime");
        submission.put("mapping", format.mapping());
        Reply accepted = manager.api().post("/api/datasets", submission);
        JsonNode job = manager.awaitJob(UploadClient.jobOf(accepted), java.time.Duration.ofMinutes(5));
        assertThat(job.path("state").asString()).as("job for %s: %s", format, job).isEqualTo("succeeded");
        JsonNode result = job.path("result");
        long datasetId = result.path("datasetId").asLong();
        assertThat(result.path("rowsIn").asInt()).isEqualTo(ROWS);
        assertThat(result.path("rowsPublished").asInt() + result.path("rowsRejected").asInt()).isEqualTo(ROWS);
        assertThat(result.path("rowsRejected").asInt()).as("rows rejected from %s", format).isZero();
        assertThat(result.path("assignment")).as("LSOA assignment of %s", format).isEqualTo(reference.assignment());
        assertThat(DatabaseCounts.of(jdbc)).isEqualTo(before.plusDataset(ROWS));

        JsonNode versions = manager.versions(datasetId);
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).path("rowsIn").asInt()).isEqualTo(ROWS);
        assertThat(versions.get(0).path("current").asBoolean()).isTrue();
        assertThat(versions.get(0).path("coverageStart").asString()).isEqualTo("2022-03-01");
        assertThat(versions.get(0).path("coverageEnd").asString()).isEqualTo("2022-03-31");

        assertThat(manager.counts(datasetId, "lsoa")).as("counts of %s", format).isEqualTo(reference.counts());
        assertPointsAreWhereTheFileSays(manager.points(datasetId), format.outcome());
    }

    @Test
    void aPoliceUkArchiveOfTwoMonthsFromTwoForcesIsOneDataset() throws IOException {
        Map<String, Path> files = policeUkArchive();
        Path zip = dir.resolve("police-uk-archive.zip");
        List<Map<String, String>> all = files.values().stream().flatMap(f -> CrimeFiles.read(f).stream()).toList();
        assertThat(all).hasSize(450);

        Reply preview = manager.inspect(zip);
        assertThat(preview.status()).as("%s", preview).isEqualTo(201);
        assertThat(preview.json().path("format").asString()).isEqualTo("police.uk archive");
        assertThat(preview.json().path("files").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "police-uk-archive.zip/2022-04/2022-04-merseyside-street.csv",
                "police-uk-archive.zip/2022-05/2022-05-cheshire-street.csv",
                "police-uk-archive.zip/2022-05/2022-05-merseyside-street.csv");
        assertThat(preview.json().path("suggestedMapping").path("xyEpsg").asInt()).isEqualTo(4326);

        JsonNode job = manager.load(zip, Map.of("title", "Formats IT police.uk archive", "theme", "crime"));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        JsonNode result = job.path("result");
        assertThat(result.path("rowsIn").asInt()).isEqualTo(450);
        assertThat(result.path("rowsPublished").asInt()).isEqualTo(450);
        assertThat(result.path("rowsRejected").asInt()).isZero();
        long datasetId = result.path("datasetId").asLong();

        UploadClient.Counts counts = manager.counts(datasetId, "lsoa");
        assertCountedByOwnLsoaCode(counts, all);
        assertThat(counts.outside()).as("Cheshire's rows far from Merseyside").isPositive();
        assertThat(monthTotal(datasetId, "2022-04")).isEqualTo(150);
        assertThat(monthTotal(datasetId, "2022-05")).isEqualTo(300);
        JsonNode version = manager.versions(datasetId).get(0);
        assertThat(version.path("coverageStart").asString()).isEqualTo("2022-04-01");
        assertThat(version.path("coverageEnd").asString()).isEqualTo("2022-05-31");
    }

    @Test
    void anExcelWorkbookWhoseCellsAreAllTextKeepsItsHeader() {
        Path text = Ogr2ogr.convert("XLSX", dir.resolve("all-text.xlsx"), dir.resolve("crimes.csv").toString(),
                "-oo", "AUTODETECT_TYPE=NO", "-nln", "crimes");
        Reply preview = manager.inspect(text);
        assertThat(preview.status()).isEqualTo(201);
        assertThat(preview.json().path("featureCount").asLong()).isEqualTo(ROWS);
        assertThat(preview.json().path("fields").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(CrimeFiles.POLICE_UK_HEADER);
    }

    @Test
    void thePreviewOfAPoliceUkArchiveCountsTheRowsOfEveryFile() throws IOException {
        policeUkArchive();
        assertThat(manager.inspect(dir.resolve("police-uk-archive.zip")).json().path("featureCount").asLong()).isEqualTo(450);
    }

    @Test
    void aLoadedUploadIsNotKeptOnDisk() {
        Reply preview = manager.inspect(dir.resolve("crimes.csv"));
        String uploadId = preview.json().path("uploadId").asString();
        JsonNode job = manager.awaitJob(UploadClient.jobOf(manager.api().post("/api/datasets",
                Map.of("uploadId", uploadId, "title", "Formats IT kept on disk", "theme", "crime"))), java.time.Duration.ofMinutes(5));
        assertThat(job.path("state").asString()).isEqualTo("succeeded");
        assertThat(uploadsDir.resolve(uploadId)).doesNotExist();
    }

    /**
     * police-uk-archive.zip in the archive layout: April 2022 from Merseyside's archive, May 2022 of Merseyside and of
     * Cheshire from the national one, 150 rows each; returns the files by their path in the zip.
     */
    private Map<String, Path> policeUkArchive() throws IOException {
        Path archive = Files.createDirectories(dir.resolve("police-uk"));
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("2022-04/2022-04-merseyside-street.csv", CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP,
                CrimeFiles.merseysideMonth("2022-04"), 150, archive.resolve("2022-04-merseyside-street.csv")));
        files.put("2022-05/2022-05-merseyside-street.csv", CrimeFiles.slice(CrimeFiles.NATIONAL_ZIP,
                "2022-05/2022-05-merseyside-street.csv", 150, archive.resolve("2022-05-merseyside-street.csv")));
        files.put("2022-05/2022-05-cheshire-street.csv", CrimeFiles.slice(CrimeFiles.NATIONAL_ZIP,
                "2022-05/2022-05-cheshire-street.csv", 150, archive.resolve("2022-05-cheshire-street.csv")));
        CrimeFiles.zip(dir.resolve("police-uk-archive.zip"), files);
        return files;
    }

    /** Events in one month, summed over districts and outside. */
    private long monthTotal(long datasetId, String month) {
        JsonNode body = manager.api().getJson("/api/datasets/" + datasetId + "/counts?level=district&from=" + month + "&to=" + month);
        long total = body.path("outside").path("count").asLong();
        for (JsonNode area : body.path("areas")) {
            total += area.path("count").asLong();
        }
        return total;
    }

    /**
     * The rule for the LSOA an event is counted in, checked against the file itself: a row whose own LSOA code
     * is a loaded LSOA is counted there; the others go where their point falls, or outside.
     */
    static void assertCountedByOwnLsoaCode(UploadClient.Counts counts, List<Map<String, String>> rows) {
        Set<String> loaded = counts.areas().keySet();
        assertThat(loaded).as("loaded LSOAs, zeros included").hasSize(910);
        Map<String, Long> byCode = rows.stream().filter(r -> loaded.contains(r.get("LSOA code")))
                .collect(Collectors.groupingBy(r -> r.get("LSOA code"), TreeMap::new, Collectors.counting()));
        byCode.forEach((code, n) -> assertThat(counts.areas().get(code)).as("events in %s", code).isGreaterThanOrEqualTo(n));
        long named = byCode.values().stream().mapToLong(Long::longValue).sum();
        long elsewhere = rows.size() - named;
        long placedByPoint = counts.areas().values().stream().mapToLong(Long::longValue).sum() - named;
        assertThat(placedByPoint).as("rows placed by point in polygon").isBetween(0L, elsewhere);
        assertThat(placedByPoint + counts.outside()).as("rows whose code is not a loaded LSOA").isEqualTo(elsewhere);
    }

    /**
     * Every published point with a Crime ID is where the source row says, to 1e-5 degrees (about a metre), with the
     * row's month, category, location and (when mapped) outcome.
     */
    private void assertPointsAreWhereTheFileSays(JsonNode features, boolean outcome) {
        assertThat(features.size()).isEqualTo(ROWS);
        Map<String, Map<String, String>> byId = rows.stream().filter(r -> !r.get("Crime ID").isEmpty())
                .collect(Collectors.toMap(r -> r.get("Crime ID"), r -> r, (a, b) -> a));
        int checked = 0;
        for (JsonNode feature : features) {
            Map<String, String> row = byId.get(feature.path("properties").path("source_id").asString(""));
            if (row == null) {
                continue;
            }
            JsonNode xy = feature.path("geometry").path("coordinates");
            assertThat(xy.get(0).asDouble()).as("longitude of %s", row.get("Crime ID")).isCloseTo(Double.parseDouble(row.get("Longitude")), within(1e-5));
            assertThat(xy.get(1).asDouble()).as("latitude of %s", row.get("Crime ID")).isCloseTo(Double.parseDouble(row.get("Latitude")), within(1e-5));
            assertThat(feature.path("properties").path("month").asString()).isEqualTo(MONTH);
            assertThat(feature.path("properties").path("category").asString()).isEqualTo(row.get("Crime type"));
            assertThat(feature.path("properties").path("location").asString()).isEqualTo(row.get("Location"));
            if (outcome) {
                assertThat(feature.path("properties").path("outcome").asString("")).isEqualTo(row.get("Last outcome category"));
            }
            checked++;
        }
        assertThat(checked).as("points matched to their source row by Crime ID").isEqualTo(byId.size());
    }
}
