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
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GDAL's own OGC API – Features client (the OAPIF driver behind QGIS) reads the server: it finds the
 * collections, counts them, and copies every LSOA into a GeoPackage with the stored total area.
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
        String layers = run("ogrinfo", "-ro", service);

        assertThat(layers).contains("1: lsoa ", "2: msoa ", "3: ward ", "4: district ").contains("(Multi Polygon)");
    }

    @ParameterizedTest
    @CsvSource({"msoa, 184", "ward, 105", "district, 5"})
    void countsEachCollection(String collection, int features) throws Exception {
        assertThat(featureCount(run("ogrinfo", "-ro", "-so", service, collection))).isEqualTo(features);
    }

    @Test
    void copiesEveryLsoaIntoAGeoPackageInBritishNationalGrid(@TempDir Path dir) throws Exception {
        Path gpkg = dir.resolve("lsoa.gpkg");
        run("ogr2ogr", "-f", "GPKG", gpkg.toString(), service, "lsoa", "-t_srs", "EPSG:27700");

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
