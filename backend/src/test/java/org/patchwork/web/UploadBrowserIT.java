package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The upload wizard in headless Chromium. A data manager of a new partner uploads 300 real police.uk
 * street crimes (the first rows of Merseyside's March 2022 file) plus three hand-made bad rows: a date
 * that is not one, longitude and latitude swapped, and no crime type. The preview shows the mapping
 * Patchwork suggests (Longitude/Latitude in EPSG:4326, Month, Crime type) and the sample on a map; the
 * manager publishes the valid rows, sees 303 in, 300 published, 3 rejected with their reasons, and the
 * new dataset drawn by the map's crime layer; the datasets page lists its version. A zipped Shapefile
 * without its .shx is refused with a message naming the missing part, and only data managers are
 * offered the wizard at all.
 */
@PatchworkIntegrationTest
class UploadBrowserIT {

    private static final String MARCH = "2022-03/2022-03-merseyside-street.csv";
    private static final int GOOD_ROWS = 300;
    // Columns: Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name,
    // Crime type, Last outcome category, Context. Lines 302 to 304 of the file (the header is line 1).
    private static final List<String> BAD_ROWS = List.of(
            ",sometime in March,Merseyside Police,Merseyside Police,-2.983,53.405,On or near Bold Street,E01033755,Liverpool 061C,Shoplifting,,",
            ",2022-03,Merseyside Police,Merseyside Police,53.405,-2.983,On or near Bold Street,E01033755,Liverpool 061C,Shoplifting,,",
            ",2022-03,Merseyside Police,Merseyside Police,-2.983,53.405,On or near Bold Street,E01033755,Liverpool 061C,,,");
    private static final String FAILED_422 = "/api/uploads - Failed to load resource: the server responded with a status of 422";

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    private HeadlessChromium chromium;
    private ChromeDriver driver;
    private PatchworkPages pages;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
        pages = new PatchworkPages(driver, port);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aDataManagerPublishesTheValidRowsOfACrimeFileAndSeesItOnTheMap() throws IOException {
        String suffix = TestAccounts.suffix();
        String title = "Street crime sample " + suffix;
        Path csv = crimeSample();
        signInAsDataManager(suffix);

        WebElement upload = driver.findElement(By.cssSelector(".app-nav a[href='/upload.html']"));
        assertThat(upload.isDisplayed()).as("data managers are offered the Upload page").isTrue();
        upload.click();
        pages.awaitState("ready");
        assertThat(step()).isEqualTo("file");
        assertThat(driver.findElements(By.cssSelector("#steps .step-label"))).extracting(WebElement::getText)
                .containsExactly("Choose a file", "Check the preview", "Describe and publish", "Load and report");
        assertThat(driver.findElement(By.cssSelector("#steps [data-step='file'] .step-link")).getDomAttribute("aria-current")).isEqualTo("step");
        pages.screenshot("upload-1-choose.png");

        pages.attach("upload-file", csv);
        awaitStep("preview");
        assertThat(pages.text("#preview-facts")).contains("CSV", "303", "Longitude", "Crime type");
        assertThat(selected("map-x")).isEqualTo("Longitude");
        assertThat(selected("map-y")).isEqualTo("Latitude");
        assertThat(selected("map-xyEpsg")).isEqualTo("4326");
        assertThat(selected("map-date")).isEqualTo("Month");
        assertThat(selected("map-category")).isEqualTo("Crime type");
        assertThat(driver.findElements(By.cssSelector("#sample-table th.is-mapped .sample-field"))).extracting(WebElement::getText)
                .contains("Longitude", "Latitude", "Month", "Crime type", "LSOA code").doesNotContain("Reported by");
        assertThat(pages.count("#sample-table tbody tr")).isEqualTo(10);
        assertThat(driver.findElement(By.id("preview-map")).getDomAttribute("data-points")).as("every sample row placed").isEqualTo("10");
        assertThat(pages.count("#preview-map path.sample-point")).isEqualTo(10);
        assertThat(pages.text("#preview-map-caption")).contains("placed from Longitude and Latitude (EPSG:4326)");
        pages.screenshot("upload-2-preview.png");

        driver.findElement(By.id("preview-continue")).click();
        awaitStep("metadata");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus moves to the step").isEqualTo("step-metadata-heading");
        pages.type(By.id("dataset-title"), title);
        pages.choose("dataset-theme", "crime");
        pages.type(By.id("dataset-source"), "Merseyside Police via data.police.uk");
        pages.type(By.id("dataset-licence"), "Open Government Licence v3.0");
        pages.type(By.id("dataset-coverage"), "Merseyside, March 2022 (sample)");
        driver.findElement(By.cssSelector("label[for='publish-valid']")).click();
        assertThat(driver.findElement(By.id("publish-valid")).isSelected()).isTrue();
        pages.screenshot("upload-3-metadata.png");

        driver.findElement(By.id("metadata-submit")).click();
        awaitStep("processing");
        WebElement result = pages.await("#result[data-state]", r -> true);
        assertThat(result.getDomAttribute("data-state")).as("the load: " + result.getText()).isEqualTo("succeeded");
        assertThat(pages.text("#result-rows-in")).isEqualTo("303");
        assertThat(pages.text("#result-published")).isEqualTo("300");
        assertThat(pages.text("#result-rejected")).isEqualTo("3");
        assertThat(pages.text("#result-agreement")).matches("\\d+(\\.\\d)?% \\([\\d,]+ of [\\d,]+\\)");
        assertThat(pages.text("#result-outside")).matches("\\d+");
        List<String> report = pages.await("#report-table", t -> true).findElements(By.cssSelector("tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(report).hasSize(3);
        assertThat(report.get(0)).contains("302", "Month", "sometime in March", "not a date");
        assertThat(report.get(1)).contains("303", "Longitude / Latitude", "53.405, -2.983", "outside England and Wales");
        assertThat(report.get(2)).contains("304", "Crime type", "no category");
        assertThat(driver.findElement(By.id("report-download")).getDomAttribute("href")).endsWith("/report.csv");
        String datasetId = result.getDomAttribute("data-dataset-id");
        pages.screenshot("upload-4-result.png");

        driver.findElement(By.id("see-on-map")).click();
        new WebDriverWait(driver, PatchworkPages.LOAD).until(d -> ("events:" + datasetId).equals(
                driver.executeScript("return document.body.dataset.theme")) && "ready".equals(pages.state()));
        assertThat(new Select(driver.findElement(By.id("pw-theme"))).getFirstSelectedOption().getText()).isEqualTo("Crime — " + title);
        assertThat(pages.text(".legend-control")).contains("All crime types, Mar 2022");
        assertThat(pages.count("path.choropleth-area")).as("every LSOA drawn").isGreaterThanOrEqualTo(900);
        int counted = driver.findElements(By.cssSelector("path.choropleth-area[data-count]")).stream()
                .mapToInt(p -> Integer.parseInt(p.getDomAttribute("data-count"))).sum();
        assertThat(counted).as("the new crimes counted by LSOA").isPositive().isLessThanOrEqualTo(GOOD_ROWS);
        pages.screenshot("upload-5-map.png");

        pages.open("/datasets.html?dataset=" + datasetId);
        pages.awaitState("ready");
        WebElement current = pages.await("#versions tr[data-version='1']", r -> true);
        assertThat(current.getDomAttribute("data-status")).isEqualTo("in-force");
        assertThat(current.getText()).contains("Current", csv.getFileName().toString(), "303", "300", "3");
        assertThat(driver.findElement(By.id("upload-new-version")).getDomAttribute("href")).isEqualTo("/upload.html?dataset=" + datasetId);
        driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", current);
        pages.screenshot("upload-6-versions.png");

        driver.findElement(By.id("upload-new-version")).click();
        pages.awaitState("ready");
        pages.await("#version-of option[value='" + datasetId + "']", o -> true);
        assertThat(driver.findElement(By.id("target-version")).isSelected()).as("the dataset is preselected").isTrue();
        assertThat(selected("version-of")).isEqualTo(datasetId);
        pages.assertNoConsoleErrors();
    }

    @Test
    void aShapefileWithoutItsShxIsRefusedNamingTheMissingPart() throws IOException {
        Path zip = files.resolve("parcels.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String part : List.of("parcels.shp", "parcels.dbf", "parcels.prj")) {
                out.putNextEntry(new ZipEntry("parcels/" + part));
                out.write(("not really a " + part).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        signInAsDataManager(TestAccounts.suffix());
        pages.open("/upload.html");
        pages.awaitState("ready");

        pages.attach("upload-file", zip);
        WebElement error = pages.await("#upload-error", e -> true);
        assertThat(error.getDomAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("parcels.zip cannot be loaded", "parcels/parcels.shp", "missing its .shx file");
        assertThat(pages.count("#upload-errors")).as("one problem, said once: no table repeating it").isZero();
        assertThat(step()).as("nothing to preview").isEqualTo("file");
        assertThat(driver.findElement(By.cssSelector("#steps [data-step='preview'] .step-link")).isEnabled()).isFalse();
        pages.screenshot("upload-refused-file.png");

        List<LogEntry> errors = pages.consoleErrors();
        assertThat(errors).as("console errors other than the refused upload").filteredOn(e -> !e.getMessage().contains(FAILED_422)).isEmpty();
        assertThat(errors).hasSize(1);
    }

    @Test
    void onlyDataManagersAreOfferedTheWizard() {
        pages.signIn("admin", SharedDataDirectory.ADMIN_PASSWORD);
        pages.awaitState("ready");
        assertThat(driver.findElement(By.cssSelector(".app-nav a[href='/upload.html']")).isDisplayed()).isFalse();
        pages.open("/upload.html");
        pages.awaitState("refused");
        assertThat(pages.text("#upload-refused")).contains("Data managers only", "Administrator");
        assertThat(driver.findElement(By.id("wizard")).isDisplayed()).isFalse();
        pages.screenshot("upload-refused-role.png");
        pages.assertNoConsoleErrors();
    }

    private void signInAsDataManager(String suffix) {
        TestAccounts accounts = new TestAccounts(port);
        long partner = accounts.createPartner("Knowsley Community Safety " + suffix, "council");
        String username = "data-manager-" + suffix;
        String password = "manager-password-" + suffix;
        accounts.createUser(username, "Data Manager " + suffix, partner, "data-manager", password);
        pages.signIn(username, password);
        pages.awaitState("ready");
    }

    // The header and first 300 rows of March 2022 from the real archive, then the three bad rows.
    private Path crimeSample() throws IOException {
        Path archive = SharedDataDirectory.locate().resolve("crime").resolve("merseyside-street-2022.zip");
        List<String> lines = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile());
             BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(MARCH)), StandardCharsets.UTF_8))) {
            for (String line; lines.size() <= GOOD_ROWS && (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        lines.addAll(BAD_ROWS);
        Path csv = files.resolve("merseyside-march-2022-sample.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return csv;
    }

    private String step() {
        return driver.findElement(By.id("wizard")).getDomAttribute("data-step");
    }

    private void awaitStep(String wanted) {
        new WebDriverWait(driver, PatchworkPages.LOAD).until(d -> {
            List<WebElement> error = driver.findElements(By.cssSelector("#upload-error"));
            if (!error.isEmpty() && error.get(0).isDisplayed()) {
                throw new AssertionError("The upload was refused: " + error.get(0).getText());
            }
            return wanted.equals(step());
        });
    }

    private String selected(String selectId) {
        return new Select(driver.findElement(By.id(selectId))).getFirstSelectedOption().getDomAttribute("value");
    }
}
