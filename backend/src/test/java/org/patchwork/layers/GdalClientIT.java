package org.patchwork.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.patchwork.uploads.UploadClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * GDAL's own OGC API – Features client (the OAPIF driver behind QGIS) reads the server: it finds the
 * collections, counts them, and copies every LSOA into a GeoPackage with the stored total area. It signs
 * in with HTTP Basic as the first administrator (the driver's USERPWD open option), as a QGIS user would.
 * Needs Debian's gdal-bin; without it the test is skipped, except under {@code CI=true}, where it fails.
 */
@PatchworkIntegrationTest
class GdalClientIT {

    private static final Pattern FEATURE_COUNT = Pattern.compile("Feature Count: (\\d+)");
    private static final Pattern TOTAL_AREA = Pattern.compile("total_area \\(Real\\) = ([0-9.eE+-]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String service;

    /** GDAL's OAPIF open option for HTTP Basic, placed after the program's other options. */
    static final String[] SIGN_IN = {"-oo", "USERPWD=admin:" + SharedDataDirectory.ADMIN_PASSWORD};

    @BeforeAll
    static void requireGdal() {
        if (!onPath("ogrinfo") || !onPath("ogr2ogr")) {
            String reason = "GDAL client tests need ogrinfo and ogr2ogr (apt-get install gdal-bin)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            assumeTrue(false, reason);
        }
    }

    @BeforeEach
    void service() {
        service = "OAPIF:http://localhost:" + port + "/ogc";
    }

    @Test
    void listsTheFourCollections() throws Exception {
        String layers = run("ogrinfo", "-ro", SIGN_IN[0], SIGN_IN[1], service);

        assertThat(layers).contains("1: lsoa ", "2: msoa ", "3: ward ", "4: district ").contains("(Multi Polygon)")
                .as("the administrator has metadata access only to the partner-owned crime data").doesNotContain("crime");
    }

    /** A police analyst's API token (GDAL_HTTP_HEADERS, as QGIS's authentication header) shows the points. */
    @Test
    void aRecordLevelApiTokenShowsTheCrimePointsAndCounts() throws Exception {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        String token = analyst.basic(port).postJson("/api/me/tokens", Map.of("name", "gdal", "days", 1)).path("token").asString();
        String[] bearer = {"--config", "GDAL_HTTP_HEADERS", "Authorization: Bearer " + token};

        String layers = run("ogrinfo", "-ro", bearer[0], bearer[1], bearer[2], service);
        assertThat(layers).contains(": merseyside-street-crime-2022 ", "(Point)", ": merseyside-street-crime-2022-by-lsoa ",
                ": merseyside-street-crime-2022-by-district ");

        int events = ApiClient.bearer(port, token).getJson("/ogc/collections/merseyside-street-crime-2022/items?limit=1")
                .path("numberMatched").asInt();
        assertThat(events).isGreaterThan(170_000);
        assertThat(featureCount(run("ogrinfo", "-ro", "-so", bearer[0], bearer[1], bearer[2], service,
                "merseyside-street-crime-2022"))).isEqualTo(events);
    }

    /**
     * A partner's statistics by area and polygons, as its data manager sees them in GDAL: every LSOA value
     * and every polygon, and the polygons copied into a GeoPackage in British National Grid.
     */
    @Test
    void aPartnersStatisticsAndPolygonsReadInGdal(@TempDir Path dir) throws Exception {
        UploadClient owner = UploadClient.ofPartner(port, "Merseyside Police");
        Path data = SharedDataDirectory.locate();
        JsonNode statistics = owner.load(data.resolve("education/liverpool_census2011_KS501EW_lsoa11.csv"),
                Map.of("title", "Qualifications (GDAL IT)", "theme", "education"));
        JsonNode polygons = owner.load(data.resolve("boundaries/liverpool/liverpool_msoa11_life_expectancy.gpkg"),
                Map.of("title", "Liverpool MSOAs (GDAL IT)", "theme", "health"));
        String statisticsSlug = owner.dataset(statistics.path("result").path("datasetId").asLong()).path("slug").asString();
        String polygonsSlug = owner.dataset(polygons.path("result").path("datasetId").asLong()).path("slug").asString();
        String token = owner.api().postJson("/api/me/tokens", Map.of("name", "gdal", "days", 1)).path("token").asString();
        String[] bearer = {"--config", "GDAL_HTTP_HEADERS", "Authorization: Bearer " + token};

        assertThat(run("ogrinfo", "-ro", bearer[0], bearer[1], bearer[2], service))
                .contains(": " + statisticsSlug + " ", ": " + polygonsSlug + " ");
        assertThat(featureCount(run("ogrinfo", "-ro", "-so", bearer[0], bearer[1], bearer[2], service, statisticsSlug)))
                .as("one feature per Liverpool LSOA").isEqualTo(298);
        Path gpkg = dir.resolve("msoa.gpkg");
        run("ogr2ogr", "-f", "GPKG", bearer[0], bearer[1], bearer[2], gpkg.toString(), service, polygonsSlug, "-t_srs", "EPSG:27700");
        String copied = run("ogrinfo", "-ro", "-so", gpkg.toString(), polygonsSlug);
        assertThat(featureCount(copied)).isEqualTo(61);
        assertThat(copied).as("the file's own attributes as fields").contains("leb_est: Real");
    }

    @ParameterizedTest
    @CsvSource({"msoa, 184", "ward, 105", "district, 5"})
    void countsEachCollection(String collection, int features) throws Exception {
        assertThat(featureCount(run("ogrinfo", "-ro", "-so", SIGN_IN[0], SIGN_IN[1], service, collection))).isEqualTo(features);
    }

    @Test
    void copiesEveryLsoaIntoAGeoPackageInBritishNationalGrid(@TempDir Path dir) throws Exception {
        Path gpkg = dir.resolve("lsoa.gpkg");
        run("ogr2ogr", "-f", "GPKG", SIGN_IN[0], SIGN_IN[1], gpkg.toString(), service, "lsoa", "-t_srs", "EPSG:27700");

        String summary = run("ogrinfo", "-ro", "-so", gpkg.toString(), "lsoa");
        assertThat(featureCount(summary)).isEqualTo(910);
        assertThat(summary).contains("ID[\"EPSG\",27700]");

        String sum = run("ogrinfo", "-ro", gpkg.toString(), "-dialect", "SQLite",
                "-sql", "select sum(ST_Area(geom)) as total_area from lsoa");
        Matcher area = TOTAL_AREA.matcher(sum);
        assertThat(area.find()).as("total area in:%n%s", sum).isTrue();
        double stored = jdbc.sql("select sum(ST_Area(geom)) from area where level = 'lsoa'").query(Double.class).single();
        assertThat(Double.parseDouble(area.group(1))).isCloseTo(stored, within(stored * 0.001));
    }

    private static int featureCount(String ogrinfo) {
        Matcher count = FEATURE_COUNT.matcher(ogrinfo);
        assertThat(count.find()).as("feature count in:%n%s", ogrinfo).isTrue();
        return Integer.parseInt(count.group(1));
    }

    /** Runs a GDAL program with an argument list (no shell); returns stdout, failing on a non-zero exit. */
    private static String run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gdal-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            // the server is local: keep any proxy configured for the machine out of the way
            List.of("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
                    .forEach(builder.environment()::remove);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " took longer than 3 minutes");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("%s exit status; output:%n%s", String.join(" ", command), output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
