package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A Merseyside Police analyst compares burglary per 1,000 residents with the IMD health deprivation rank across
 * Liverpool's LSOAs (clicking an area highlights its point, clicking a point its area, brushing selects
 * several; the correlation is stated), then opens an LSOA's profile with its charts, prints it (the print
 * stylesheet gives an A4 page without the site's header and buttons) and downloads it as CSV.
 */
@PatchworkIntegrationTest
class CompareAndProfileBrowserIT extends BrowserJourney {

    static final String LIVERPOOL = "E08000012";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    record Setup(AdminApi.User analyst, ApiClient client, long burglary, long health) {
    }

    Setup setUp() {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        ApiClient client = analyst.basic(port);
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        long imd = jdbc.sql("select id from dataset where slug = 'imd2019'").query(Long.class).single();
        long burglary = client.json(201, client.post("/api/indicators", Map.of("name", "Burglary per 1,000 (browser)", "datasetId", crime,
                "measure", "rate-per-1000", "categories", List.of("Burglary"), "from", "2022-01", "to", "2022-12", "level", "lsoa")))
                .path("id").asLong();
        long health = client.json(201, client.post("/api/indicators", Map.of("name", "Health deprivation rank (browser)", "datasetId", imd,
                "measure", "area-statistic", "statistic", "health_rank", "level", "lsoa"))).path("id").asLong();
        return new Setup(analyst, client, burglary, health);
    }

    @Test
    void comparesTwoIndicatorsOnLinkedMapsAndAScatterPlot() {
        Setup s = setUp();
        JsonNode expected = s.client().getJson("/api/indicators/compare?x=" + s.burglary() + "&y=" + s.health() + "&within=" + LIVERPOOL);
        int n = expected.path("pearson").path("n").asInt();
        String first = expected.path("areas").get(0).path("code").asString();

        pages.signIn(s.analyst().username(), s.analyst().password());
        pages.open("/compare.html?x=" + s.burglary() + "&y=" + s.health() + "&within=" + LIVERPOOL);
        pages.awaitState("ready");
        String correlation = pages.text("#correlation");
        assertThat(correlation).contains("Pearson's r = ", "Spearman's ρ = ", "n = " + n, "95% CI");
        assertThat(pages.text("[data-kind='pearson']")).contains(signed(expected.path("pearson").path("r").asDouble()));
        WebElement areas = pages.await("#map-x path[data-code]", e -> true);
        assertThat(areas).isNotNull();
        assertThat(pages.count("#map-x path[data-code]")).isEqualTo(pages.count("#map-y path[data-code]")).isGreaterThanOrEqualTo(n);

        // clicking an area on a map highlights its point on the scatter plot, and the area on both maps
        pages.dispatch("#map-x path[data-code='" + first + "']", "click");
        new WebDriverWait(driver, WAIT).until(d -> List.of(first).equals(highlighted()));
        assertThat(driver.findElement(By.cssSelector("#map-y path[data-code='" + first + "']")).getDomAttribute("class")).contains("is-selected");
        assertThat(pages.text("#selection")).contains("1 selected area");

        // clicking a point highlights its area
        int index = 5;
        String pointCode = expected.path("areas").get(index).path("code").asString();
        WebElement canvas = driver.findElement(By.id("scatter"));
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) driver.executeScript("""
                const chart = Chart.getChart(arguments[0]);
                const point = chart.getDatasetMeta(0).data[arguments[1]];
                const box = arguments[0].getBoundingClientRect();
                return { x: point.x - box.width / 2, y: point.y - box.height / 2 };""", canvas, index);
        new Actions(driver).moveToElement(canvas, at.get("x").intValue(), at.get("y").intValue()).click().perform();
        new WebDriverWait(driver, WAIT).until(d -> highlighted().contains(pointCode));
        new WebDriverWait(driver, WAIT).until(d -> String.valueOf(d.findElement(By.cssSelector("#map-x path[data-code='" + pointCode + "']"))
                .getDomAttribute("class")).contains("is-selected"));

        // brushing over the whole plotting area (from just outside it: points at the axes' ends lie on its edge)
        // selects every point, and every paired area on the maps
        @SuppressWarnings("unchecked")
        Map<String, Number> area = (Map<String, Number>) driver.executeScript("""
                const chart = Chart.getChart(arguments[0]);
                const box = arguments[0].getBoundingClientRect();
                const a = chart.chartArea;
                const left = Math.max(1, a.left - 8), top = Math.max(1, a.top - 8);
                const right = Math.min(box.width - 1, a.right + 8), bottom = Math.min(box.height - 1, a.bottom + 8);
                return { left: left - box.width / 2, top: top - box.height / 2, width: right - left, height: bottom - top };""", canvas);
        new Actions(driver).moveToElement(canvas, area.get("left").intValue(), area.get("top").intValue()).clickAndHold()
                .moveByOffset(area.get("width").intValue() / 2, area.get("height").intValue() / 2)
                .moveByOffset(area.get("width").intValue() / 2, area.get("height").intValue() / 2).release().perform();
        new WebDriverWait(driver, WAIT).until(d -> highlighted().size() == n);
        assertThat(pages.count("#map-x path.is-selected")).isEqualTo(n);
        assertThat(pages.text("#selection")).contains(n + " selected areas");
        pages.screenshot("compare.png");
        pages.assertNoConsoleErrors();
    }

    @Test
    void opensAProfileWithItsChartsPrintsItAndDownloadsItsCsv() throws Exception {
        Setup s = setUp();
        String lsoa = jdbc.sql("select min(h.lsoa_code) from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = :lad").param("lad", LIVERPOOL).query(String.class).single();
        String name = jdbc.sql("select name from area where level = 'lsoa' and code = :c").param("c", lsoa).query(String.class).single();

        pages.signIn(s.analyst().username(), s.analyst().password());
        // from an indicator's values, an area's name opens its profile
        pages.open("/indicators.html?indicator=" + s.burglary());
        WebElement link = pages.await("#values a[href='/profile.html?area=" + lsoa + "']", e -> true);
        link.click();
        new WebDriverWait(driver, WAIT).until(d -> "/profile.html".equals(pages.path()));
        pages.awaitState("ready");
        assertThat(pages.text("#profile-title")).isEqualTo(name);
        // the same header as every page, the profile marked as part of Indicators
        assertThat(pages.text(".app-nav")).contains("Map", "Datasets", "Indicators", "Hotspots");
        assertThat(pages.text(".app-nav a[aria-current='page']")).isEqualTo("Indicators");

        for (long id : List.of(s.burglary(), s.health())) {
            WebElement row = driver.findElement(By.cssSelector("#indicator-table tr[data-indicator='" + id + "']"));
            assertThat(row.findElements(By.cssSelector(".cmp"))).hasSize(2)
                    .allMatch(b -> List.of("Higher", "Similar", "Lower", "Not compared").contains(b.getText()));
            assertThat(row.findElements(By.cssSelector("svg.spine circle"))).hasSize(1);
        }
        assertThat(driver.findElement(By.cssSelector("#indicator-table tr[data-indicator='" + s.burglary() + "']")).getText())
                .matches("(?s).*\\(.+ to .+\\).*");
        // the burglary series as a Chart.js line chart: 12 months, with the 95% band
        WebElement chart = driver.findElement(By.cssSelector("#series figure[data-indicator='" + s.burglary() + "'] canvas"));
        assertThat(((Number) driver.executeScript("return Chart.getChart(arguments[0]).data.datasets[2].data.length", chart)).intValue())
                .isEqualTo(12);
        assertThat(pages.text("#series figure[data-indicator='" + s.burglary() + "']")).contains("trend");
        assertThat(pages.count("#domains tbody tr")).isEqualTo(8);

        // Print calls the browser's print
        driver.executeScript("window.__printed = 0; window.print = () => { window.__printed++; };");
        driver.findElement(By.id("print")).click();
        assertThat(((Number) driver.executeScript("return window.__printed")).intValue()).isEqualTo(1);
        // on paper: no header or buttons, the printed-from line, the cards and charts within the page
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(display(".app-header")).isEqualTo("none");
        assertThat(display("#actions")).isEqualTo("none");
        assertThat(display("#printed")).isEqualTo("block");
        assertThat(pages.text("#printed")).contains(name, lsoa, "printed");
        assertThat(display("#indicators")).isEqualTo("block");
        assertThat((Boolean) driver.executeScript("""
                return [...document.querySelectorAll('#series canvas')].every(c =>
                    c.getBoundingClientRect().width <= c.parentElement.getBoundingClientRect().width + 1);""")).isTrue();
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        // the PDF Chromium prints is A4 (595.3 × 841.9 points), as the stylesheet's @page asks, not the default Letter
        Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        String text = new String(Base64.getDecoder().decode((String) pdf.get("data")), StandardCharsets.ISO_8859_1);
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]").matcher(text);
        assertThat(box.find()).as("a page size in the PDF").isTrue();
        assertThat(Double.parseDouble(box.group(1))).isCloseTo(595.3, within(1.5));
        assertThat(Double.parseDouble(box.group(2))).isCloseTo(841.9, within(1.5));

        // Download CSV saves the server's CSV of the same profile
        Path downloads = Files.createTempDirectory("patchwork-downloads");
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        WebElement csv = driver.findElement(By.id("csv"));
        assertThat(csv.getDomAttribute("href")).isEqualTo("/api/areas/" + lsoa + "/profile?format=csv");
        csv.click();
        Path file = downloads.resolve("profile-" + lsoa + ".csv");
        new WebDriverWait(driver, WAIT).until(d -> Files.exists(file) && !partial(downloads));
        String content = Files.readString(file);
        assertThat(content).startsWith("kind,area_code,area_name");
        assertThat(content).contains("Burglary per 1,000 (browser)", "Health deprivation rank (browser)", "imd2019");
        assertThat(content).isEqualTo(s.client().get("/api/areas/" + lsoa + "/profile?format=csv").body());
        pages.screenshot("profile.png");
        pages.assertNoConsoleErrors();
    }

    private static boolean partial(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private String display(String css) {
        return (String) driver.executeScript("return getComputedStyle(document.querySelector(arguments[0])).display", css);
    }

    @SuppressWarnings("unchecked")
    private List<String> highlighted() {
        return (List<String>) driver.executeScript("return window.patchworkCompare.highlighted()");
    }

    private static String signed(double r) {
        return (r < 0 ? "−" : "") + String.format(java.util.Locale.ROOT, "%.2f", Math.abs(r));
    }
}
