package org.patchwork.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.patchwork.uploads.UploadClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every export format read back with GDAL, as the officer's GIS would open it: feature counts against SQL on the
 * loaded data, the coordinate system, field names (the Shapefile's 10-character names and their mapping), attribute
 * values with UTF-8 and XML-special names ("St. Helens", "Birkenhead & Tranmere"), the metadata that travels with
 * each file, CSV formulas neutralised, an audit row per export, and GDAL's OAPIF driver copying a whole collection
 * with no expert options. Needs Debian's gdal-bin (skipped without it, failed under CI=true).
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportIT {

    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");
    private static final String CRIME = "merseyside-street-crime-2022";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    String admin;
    String analyst;

    @BeforeAll
    void people() {
        if (!onPath("ogrinfo") || !onPath("ogr2ogr")) {
            String reason = "export tests read the files back with ogrinfo (apt-get install gdal-bin)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
        admin = ApiClient.basicHeader("admin", SharedDataDirectory.ADMIN_PASSWORD);
        AdminApi api = new AdminApi(port);
        AdminApi.User user = api.user(api.partnerId("Merseyside Police"), "analyst");
        analyst = ApiClient.basicHeader(user.username(), user.password());
    }

    @Test
    void aZippedShapefileOfWardsWithItsPrjCpgFieldMappingAndMetadata() throws Exception {
        long audits = exports();
        Path zip = download(admin, "/api/export/ward?format=shp", "application/zip");
        assertThat(exports()).as("one audit row per export").isEqualTo(audits + 1);

        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = file.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("ward.shp", "ward.shx", "ward.dbf", "ward.prj", "ward.cpg", "fields.csv", "metadata.json", "README.txt");
            assertThat(new String(file.getInputStream(file.getEntry("ward.cpg")).readAllBytes(), StandardCharsets.US_ASCII).strip())
                    .isEqualTo("UTF-8");
            assertThat(new String(file.getInputStream(file.getEntry("ward.prj")).readAllBytes(), StandardCharsets.US_ASCII))
                    .contains("British_National_Grid");
            String fields = new String(file.getInputStream(file.getEntry("fields.csv")).readAllBytes(), StandardCharsets.UTF_8);
            // every column of the view (less the geometry), in order, by its full name beside a name of at most 10 characters
            List<String> columns = jdbc.sql("select column_name from information_schema.columns where table_name = 'feature_ward' "
                    + "and column_name <> 'geom' order by ordinal_position").query(String.class).list();
            List<String> rows = fields.lines().skip(1).toList();
            assertThat(rows).hasSize(columns.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] pair = rows.get(i).replace("\"", "").split(",");
                assertThat(pair[1]).isEqualTo(columns.get(i));
                assertThat(pair[0].length()).isLessThanOrEqualTo(10);
            }
            assertThat(fields).contains("\"living_env\",\"living_environment_most_deprived_pct\"");
            JsonNode metadata = JSON.readTree(file.getInputStream(file.getEntry("metadata.json")).readAllBytes());
            assertThat(metadata.path("crs").asString()).isEqualTo("EPSG:27700");
            assertThat(metadata.path("licence").asString()).isEqualTo("Open Government Licence v3.0");
            assertThat(metadata.path("attribution").asString()).contains("Crown copyright");
            assertThat(metadata.path("features").asLong()).isEqualTo(wards());
        }
        String summary = gdal("ogrinfo", "-ro", "-so", "/vsizip/" + zip, "ward");
        assertThat(featureCount(summary)).isEqualTo(wards());
        assertThat(summary).contains("ID[\"EPSG\",27700]").contains("living_env: Real").contains("lad_name: String");
        // ONS spells the ward "Birkenhead and Tranmere"; the ampersand and non-ASCII names are checked on an uploaded layer below
        String birkenhead = gdal("ogrinfo", "-ro", "-q", "/vsizip/" + zip, "ward", "-where", "code = '" + wardCode("Birkenhead and Tranmere") + "'");
        assertThat(birkenhead).contains("name (String) = Birkenhead and Tranmere").contains("lad_name (String) = Wirral")
                .containsPattern("population \\(Integer(64)?\\) = " + wardPopulation("Birkenhead and Tranmere") + "\\R");
        assertThat(gdal("ogrinfo", "-ro", "-q", "/vsizip/" + zip, "ward", "-where", "name = 'St Michael''s'"))
                .contains("name (String) = St Michael's").contains("lad_name (String) = ");
    }

    @Test
    void aGeoPackageInWgs84WithItsMetadata() throws Exception {
        Path gpkg = download(admin, "/api/export/district?format=gpkg&crs=4326", "application/geopackage+sqlite3");
        String summary = gdal("ogrinfo", "-ro", "-so", gpkg.toString(), "district");
        assertThat(featureCount(summary)).isEqualTo(5);
        assertThat(summary).contains("ID[\"EPSG\",4326]").contains("DESCRIPTION=Local authority districts (2021)");
        assertThat(gdal("ogrinfo", "-ro", "-so", gpkg.toString())).as("the GeoPackage's own metadata")
                .contains("PATCHWORK_EXPORT=").contains("LICENCE=Open Government Licence v3.0").contains("ATTRIBUTION=Contains OS data");
        String names = gdal("ogrinfo", "-ro", "-q", gpkg.toString(), "-sql", "select name from district order by name");
        assertThat(names).contains("name (String) = St. Helens", "name (String) = Wirral", "name (String) = Liverpool");
        String extent = gdal("ogrinfo", "-ro", "-so", gpkg.toString(), "district");
        Matcher lon = Pattern.compile("Extent: \\((-?[0-9.]+), (-?[0-9.]+)\\)").matcher(extent);
        assertThat(lon.find()).isTrue();
        assertThat(Double.parseDouble(lon.group(1))).as("longitude of Merseyside's west edge").isBetween(-3.3, -2.5);
    }

    @Test
    void kmlAndKmzAreInWgs84WithTheDocumentDescribed() throws Exception {
        Path kml = download(admin, "/api/export/district?format=kml", "application/vnd.google-earth.kml+xml");
        String text = Files.readString(kml);
        assertThat(text).contains("<name>Local authority districts (2021)</name>").contains("Open Government Licence v3.0")
                .contains("St. Helens");
        String summary = gdal("ogrinfo", "-ro", "-so", kml.toString(), "district");
        assertThat(featureCount(summary)).isEqualTo(5);
        assertThat(summary).contains("WGS 84");

        Path kmz = download(admin, "/api/export/ward?format=kmz", "application/vnd.google-earth.kmz");
        try (ZipFile file = new ZipFile(kmz.toFile())) {
            assertThat(file.entries().nextElement().getName()).as("KMZ's document first").isEqualTo("doc.kml");
            assertThat(file.getEntry("metadata.json")).isNotNull();
        }
        assertThat(featureCount(gdal("ogrinfo", "-ro", "-so", "/vsizip/" + kmz + "/doc.kml", "ward"))).isEqualTo(wards());
        assertThat(gdal("ogrinfo", "-ro", "-q", "/vsizip/" + kmz + "/doc.kml", "ward")).contains("Birkenhead and Tranmere", "St Michael's");
    }

    @Test
    void geoJsonCarriesItsMetadataAndUtf8Names() throws Exception {
        Path geojson = download(admin, "/api/export/ward?format=geojson&crs=4326", "application/geo+json");
        JsonNode document = JSON.readTree(Files.readString(geojson));
        assertThat(document.path("metadata").path("collection").asString()).isEqualTo("ward");
        assertThat(document.path("features").size()).isEqualTo((int) wards());
        assertThat(document.toString()).contains("Birkenhead and Tranmere", "St Michael's");
        assertThat(featureCount(gdal("ogrinfo", "-ro", "-so", "-al", geojson.toString()))).isEqualTo(wards());
    }

    @Test
    void mapInfoTabZipped() throws Exception {
        Path zip = download(admin, "/api/export/ward?format=tab", "application/zip");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.stream().map(e -> e.getName()).toList()).contains("ward.tab", "ward.dat", "ward.map", "ward.id", "metadata.json");
        }
        String summary = gdal("ogrinfo", "-ro", "-so", "/vsizip/" + zip + "/ward.tab", "ward");
        assertThat(featureCount(summary)).isEqualTo(wards());
        assertThat(summary).as("British National Grid's false easting and northing").contains("400000").contains("-100000")
                .contains("lad_name: String").contains("population: ");
        assertThat(gdal("ogrinfo", "-ro", "-q", "/vsizip/" + zip + "/ward.tab", "ward", "-where", "name = 'Birkenhead and Tranmere'"))
                .contains("Birkenhead and Tranmere");
    }

    /** A record-level analyst exports one month and crime type of points as CSV with X/Y in British National Grid. */
    @Test
    void crimePointsOfOneMonthAsCsv() throws Exception {
        String category = "Burglary";
        long expected = jdbc.sql("select count(*) from event e join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id "
                + "where d.slug = :slug and e.category = :category and e.month = date '2022-03-01'")
                .param("slug", CRIME).param("category", category).query(Long.class).single();
        assertThat(expected).isGreaterThan(100);
        Path zip = download(analyst, "/api/export/" + CRIME + "?format=csv&category=" + category + "&month=2022-03", "application/zip");
        String summary = gdal("ogrinfo", "-ro", "-so", "-al", "/vsizip/" + zip + "/" + CRIME + ".csv");
        assertThat(featureCount(summary)).isEqualTo(expected);
        String csv;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            csv = new String(file.getInputStream(file.getEntry(CRIME + ".csv")).readAllBytes(), StandardCharsets.UTF_8);
            JsonNode metadata = JSON.readTree(file.getInputStream(file.getEntry("metadata.json")).readAllBytes());
            assertThat(metadata.path("parameters").path("category").asString()).isEqualTo(category);
            assertThat(metadata.path("disclosure").path("access").asString()).isEqualTo("record");
            assertThat(metadata.path("period").asString()).contains("2022");
        }
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("X,Y,").contains("category", "lsoa_code", "location");
        String[] first = csv.lines().skip(1).findFirst().orElseThrow().split(",");
        assertThat(Double.parseDouble(first[0])).as("an easting on Merseyside").isBetween(320_000.0, 360_000.0);
    }

    /** Names a spreadsheet would run as formulas are written as text; GDAL still reads every row. */
    @Test
    void csvFormulasAreNeutralised() throws Exception {
        String square = "[[-2.99,53.40],[-2.98,53.40],[-2.98,53.41],[-2.99,53.41],[-2.99,53.40]]";
        StringBuilder geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        String[] labels = {"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")", "+SUM(A1)", "-2+3", "@cmd", "Birkenhead & Tranmere", "Ynys Môn – Llangefni"};
        for (int i = 0; i < labels.length; i++) {
            geojson.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"ref\":\"F").append(i)
                    .append("\",\"label\":\"").append(labels[i]).append("\",\"score\":-").append(i)
                    .append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[").append(square).append("]}}");
        }
        Path file = dir.resolve("formulas.geojson");
        Files.writeString(file, geojson.append("]}").toString(), StandardCharsets.UTF_8);
        UploadClient owner = UploadClient.ofPartner(port, "Merseyside Police");
        JsonNode done = owner.load(file, Map.of("title", "Export IT formulas", "theme", "other",
                "mapping", Map.of("kind", "polygons", "name", "label", "id", "ref")));
        String slug = owner.dataset(done.path("result").path("datasetId").asLong()).path("slug").asString();

        Path zip = download(analyst, "/api/export/" + slug + "?format=csv", "application/zip");
        String csv;
        try (ZipFile zipped = new ZipFile(zip.toFile())) {
            csv = new String(zipped.getInputStream(zipped.getEntry(slug + ".csv")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(csv).as("WKT for polygons, in the geometry's column").startsWith("geom,").contains("MULTIPOLYGON").contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
                .contains("\"'+SUM(A1)\"", "\"'-2+3\"", "\"'@cmd\"", "Birkenhead & Tranmere")
                .as("numbers, negative ones included, as they are").contains("\"-4\"").doesNotContain("'-4");
        for (String line : csv.lines().skip(1).toList()) {
            for (String cell : line.split(",")) {
                assertThat(cell).as("no cell begins with a formula character").doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
            }
        }
        assertThat(featureCount(gdal("ogrinfo", "-ro", "-so", "-al", "/vsizip/" + zip + "/" + slug + ".csv"))).isEqualTo(labels.length);

        // the same names, UTF-8 and XML-special, in a Shapefile (with its .cpg) and in KML
        Path shp = download(analyst, "/api/export/" + slug + "?format=shp", "application/zip");
        assertThat(gdal("ogrinfo", "-ro", "-q", "/vsizip/" + shp, slug)).contains("= Birkenhead & Tranmere", "= Ynys Môn – Llangefni",
                "= =HYPERLINK(\"http://evil\",\"x\")");
        Path kml = download(analyst, "/api/export/" + slug + "?format=kml", "application/vnd.google-earth.kml+xml");
        assertThat(Files.readString(kml)).contains("Birkenhead &amp; Tranmere");
        assertThat(gdal("ogrinfo", "-ro", "-q", "-al", kml.toString())).contains("Birkenhead & Tranmere", "Ynys Môn – Llangefni");

        ApiClient.Reply plain = ApiClient.basic(port, "admin", SharedDataDirectory.ADMIN_PASSWORD).get("/ogc/collections/district/items?f=csv");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.contentType()).startsWith("text/csv");
        assertThat(plain.body().lines().count()).as("a header and the five districts").isEqualTo(6);
    }

    @Test
    void anAggregateViewerGetsNoPointsAndAHiddenCollectionIsNotFound() {
        AdminApi api = new AdminApi(port);
        AdminApi.User viewer = api.user(api.partnerId("Merseyside Police"), "viewer");
        ApiClient client = viewer.basic(port);
        ApiClient.Reply points = client.get("/api/export/" + CRIME + "?format=gpkg");
        assertThat(points.status()).isEqualTo(403);
        assertThat(points.json().path("type").asString()).isEqualTo("/problems/access-denied");
        ApiClient.Reply counts = client.get("/api/export/" + CRIME + "-by-district?format=geojson&from=2022-03&to=2022-03");
        assertThat(counts.status()).isEqualTo(200);
        JsonNode body = counts.json();
        assertThat(body.path("features").size()).isEqualTo(5);
        assertThat(body.path("metadata").path("disclosure").path("method").asString()).isEqualTo("cell-key");

        AdminApi.User stranger = api.user(api.partner(AdminApi.unique("Export IT stranger"), "council"), "analyst");
        ApiClient.Reply hidden = stranger.basic(port).get("/api/export/" + CRIME + "?format=shp");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.isProblem()).isTrue();
        assertThat(hidden.body()).doesNotContain("Merseyside Police");
    }

    @Test
    void badRequestsAreSpecificProblems() {
        ApiClient client = ApiClient.basic(port, "admin", SharedDataDirectory.ADMIN_PASSWORD);
        Map<String, String> cases = new TreeMap<>(Map.of(
                "/api/export/ward?format=dxf", "/problems/invalid-format",
                "/api/export/ward", "/problems/invalid-format",
                "/api/export/ward?format=shp&crs=3857", "/problems/invalid-crs",
                "/api/export/ward?format=kml&crs=27700", "/problems/invalid-crs",
                "/api/export/ward?format=tif", "/problems/not-a-raster",
                "/api/export/ward?format=csv&geometry=xy", "/problems/invalid-parameter",
                "/api/export/ward?format=shp&colour=red", "/problems/invalid-parameter",
                "/api/export/parish?format=shp", "/problems/unknown-collection"));
        cases.forEach((target, type) -> {
            ApiClient.Reply reply = client.get(target);
            assertThat(reply.isProblem()).as(target).isTrue();
            assertThat(reply.json().path("type").asString()).as(target).isEqualTo(type);
            assertThat(reply.body()).as(target).doesNotContain("/tmp/", "select ");
        });
    }

    @Test
    void theCollectionListsItsExportsWithTheirMediaTypes() {
        JsonNode collection = ApiClient.basic(port, "admin", SharedDataDirectory.ADMIN_PASSWORD).getJson("/ogc/collections/ward");
        List<String> enclosures = new ArrayList<>();
        collection.path("links").forEach(link -> {
            if (link.path("rel").asString().equals("enclosure")) {
                enclosures.add(link.path("type").asString() + " " + link.path("href").asString().replaceFirst("^http://[^/]+", ""));
            }
        });
        assertThat(enclosures).contains("application/zip /api/export/ward?format=shp",
                "application/geopackage+sqlite3 /api/export/ward?format=gpkg",
                "application/vnd.google-earth.kml+xml /api/export/ward?format=kml", "application/geo+json /api/export/ward?format=geojson");
    }

    /** GDAL's OAPIF driver, as QGIS uses it, copies every crime point with no open option but the sign-in header. */
    @Test
    void gdalsOapifDriverCopiesAWholeCollectionWithoutExpertOptions() throws Exception {
        long events = jdbc.sql("select count(*) from feature_event v join dataset d on d.id = v.dataset_id where d.slug = :slug")
                .param("slug", CRIME).query(Long.class).single();
        Path gpkg = dir.resolve("copy.gpkg");
        gdal("ogr2ogr", "--config", "GDAL_HTTP_HEADERS", "Authorization: " + analyst, "-f", "GPKG", gpkg.toString(),
                "OAPIF:http://localhost:" + port + "/ogc/collections/" + CRIME);
        assertThat(featureCount(gdal("ogrinfo", "-ro", "-so", gpkg.toString(), CRIME))).isEqualTo(events);
    }

    private long wards() {
        return jdbc.sql("select count(*) from area where level = 'ward'").query(Long.class).single();
    }

    private String wardCode(String name) {
        return jdbc.sql("select code from area where level = 'ward' and name = :name").param("name", name).query(String.class).single();
    }

    private long wardPopulation(String name) {
        return jdbc.sql("select s.population from area a join area_summary s on s.level = 'ward' and s.code = a.code "
                + "where a.level = 'ward' and a.name = :name").param("name", name).query(Long.class).single();
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_event where action = 'export'").query(Long.class).single();
    }

    private Path download(String authorization, String target, String mediaType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target)).header("Authorization", authorization).build();
        String disposition;
        Path file;
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("%s: %s", target, new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
        disposition = response.headers().firstValue("Content-Disposition").orElse("");
        Matcher name = Pattern.compile("filename=\"([^\"]+)\"").matcher(disposition);
        assertThat(name.find()).as(disposition).isTrue();
        file = dir.resolve(name.group(1));
        Files.write(file, response.body());
        return file;
    }

    private static long featureCount(String summary) {
        Matcher count = FEATURE_COUNT.matcher(summary);
        assertThat(count.find()).as("a feature count in:%n%s", summary).isTrue();
        return Long.parseLong(count.group(1));
    }

    static String gdal(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("export-it", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " took too long");
            }
            String output = Files.readString(out);
            assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean onPath(String program) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }
}
