package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A Merseyside Police analyst finds burglary hotspots on the hotspot page with the defaults (kernel density
 * on the month before the data's last), follows the run's progress, and sees the hotspots on the map with
 * their PAI, the method comparison and the export, with no console errors. The export link's file is downloaded in the
 * page's session and opened with GDAL: a GeoPackage of exactly the run's features.
 */
@PatchworkIntegrationTest
class HotspotsBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsAKernelDensityAndSeesItsHotspotsWithTheirPai(@TempDir Path directory) throws Exception {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();

        pages.signIn(analyst.username(), analyst.password());
        pages.open("/hotspots.html");
        pages.awaitState("ready");
        assertThat(driver.findElement(By.cssSelector(".app-nav a[aria-current='page']")).getText()).isEqualTo("Hotspots");
        pages.choose("datasetId", String.valueOf(crime));
        pages.await("#categories option[value='Burglary']", o -> true);
        pages.choose("categories", "Burglary");
        pages.choose("method", "kde");
        assertThat(pages.text("#method-words")).contains("bandwidth");
        driver.findElement(By.cssSelector("#run-form button[type='submit']")).click();

        WebElement pai = pages.await("#hotspot-pai", p -> p.getText().startsWith("PAI"));
        pages.await("#hotspot-map", m -> Integer.parseInt(m.getDomAttribute("data-features") == null ? "0" : m.getDomAttribute("data-features")) > 0);
        assertThat(pages.count("#hotspot-map path.leaflet-interactive")).isPositive();
        long runId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*[?&]run=(\\d+).*", "$1"));
        JsonNode run = ApiClient.basic(port, analyst.username(), analyst.password()).getJson("/api/hotspots/" + runId);
        assertThat(run.path("categories").get(0).asString()).isEqualTo("Burglary");
        assertThat(run.path("from").asString()).as("one month by default").isEqualTo(run.path("to").asString());
        double apiPai = run.path("result").path("accuracy").path("pai").asDouble();
        assertThat(Double.parseDouble(pai.getDomAttribute("data-pai"))).isCloseTo(apiPai, within(1e-12));
        assertThat(pages.count("#comparison tbody tr")).isEqualTo(3);
        // a KDE run: its density surface is drawn as an image when the map is zoomed out, the polygons when zoomed in
        String heat = pages.await("#hotspot-map", m -> m.getDomAttribute("data-heat") != null).getDomAttribute("data-heat");
        assertThat(heat).isIn("shown", "hidden");
        assertThat(pages.count("#hotspot-map img.hotspot-heat")).isEqualTo(heat.equals("shown") ? 1 : 0);
        if (heat.equals("shown")) {
            assertThat(driver.findElement(By.cssSelector("#hotspot-map img.hotspot-heat")).getDomAttribute("src")).startsWith("data:image/png;base64,");
        }
        WebElement export = driver.findElement(By.id("export-hotspots"));
        assertThat(export.getDomAttribute("href")).isEqualTo("/api/export/hotspots-" + runId + "?format=gpkg");
        // the file behind the link, fetched in the page's own session as the click would, opened with GDAL
        Path file = download(export.getDomProperty("href"), directory.resolve("hotspots-" + runId + ".gpkg"));
        long features = ApiClient.basic(port, analyst.username(), analyst.password())
                .getJson("/ogc/collections/hotspots-" + runId + "/items?limit=1").path("numberMatched").asLong();
        assertThat(features).isPositive();
        assertThat(featureCounts(file, "hotspots-" + runId)).as("ogrinfo -so %s", file).containsExactly(features);
        assertThat(pages.text("#runs")).contains("#" + runId);
        pages.screenshot("hotspots.png");
        pages.assertNoConsoleErrors();
    }

    /** Fetches {@code url} from inside the page (its cookies, its session) and saves the bytes to {@code file}. */
    private Path download(String url, Path file) throws IOException {
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
        Object reply = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: "same-origin" })
                  .then(async (r) => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let binary = "";
                    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
                    done([r.status, r.headers.get("content-type"), btoa(binary)]);
                  })
                  .catch((e) => done([0, String(e), ""]));""", url);
        List<?> parts = (List<?>) reply;
        assertThat(((Number) parts.get(0)).intValue()).as("GET %s: %s", url, parts.get(1)).isEqualTo(200);
        assertThat((String) parts.get(1)).isEqualTo("application/geopackage+sqlite3");
        Files.write(file, Base64.getDecoder().decode((String) parts.get(2)));
        return file;
    }

    /** The layer's feature count as {@code ogrinfo -so} prints it. */
    private static List<Long> featureCounts(Path file, String layer) throws Exception {
        Process process = new ProcessBuilder("ogrinfo", "-ro", "-so", file.toString(), layer).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return Pattern.compile("^Feature Count: (\\d+)$", Pattern.MULTILINE).matcher(out).results()
                .map(m -> Long.parseLong(m.group(1))).toList();
    }
}
