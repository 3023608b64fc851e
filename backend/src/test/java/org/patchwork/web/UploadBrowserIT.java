package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;

/**
 * The upload wizard in headless Chromium. A data manager of a new partner uploads 300 real police.uk
 * street crimes (the first rows of Merseyside's March 2022 file) plus three hand-made bad rows: a date
 * that is not one, longitude and latitude swapped, and no crime type. The preview shows the mapping
 * Patchwork suggests (Longitude/Latitude in EPSG:4326, Month, Crime type) and the sample on a map; the
 * manager corrects the mapping (the wizard refuses to go on without a category) and first asks for
 * all or nothing, which fails with the three rows and their reasons; going back, the manager publishes
 * the valid rows, sees 303 in, 300 published, 3 rejected with their reasons, and the new dataset drawn
 * by the map's crime layer. The datasets page lists the version and links back to the wizard with the dataset
 * preselected; the corrected file becomes version 2, which the manager withdraws, so version 1 is
 * current again. A file of the wrong kind dropped on the page is turned away before it is sent; a
 * zipped Shapefile without its .shx is refused with a message naming the missing part, and one without
 * its .prj is loaded once the uploader gives the EPSG code the preview asks for (its extent is drawn as
 * soon as it is known). Only data managers are offered the wizard.
 */
@PatchworkIntegrationTest
class UploadBrowserIT extends BrowserJourney {

    private static final int GOOD_ROWS = 300;
    // Columns: Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name,
    // Crime type, Last outcome category, Context. Lines 302 to 304 of the file (the header is line 1).
    private static final List<String> BAD_ROWS = List.of(
            ",sometime in March,Merseyside Police,Merseyside Police,-2.983,53.405,On or near Bold Street,E01033755,Liverpool 061C,Shoplifting,,",
            ",2022-03,Merseyside Police,Merseyside Police,53.405,-2.983,On or near Bold Street,E01033755,Liverpool 061C,Shoplifting,,",
            ",2022-03,Merseyside Police,Merseyside Police,-2.983,53.405,On or near Bold Street,E01033755,Liverpool 061C,,,");
    private static final String FAILED_422 = "/api/uploads - Failed to load resource: the server responded with a status of 422";

    @TempDir
    Path files;

    @Test
    void aDataManagerPublishesTheValidRowsOfACrimeFileAndSeesItOnTheMap() throws IOException {
        String suffix = TestAccounts.suffix();
        String title = "Street crime sample " + suffix;
        Path csv = new UploadSamples(files).crimes("merseyside-march-2022-sample.csv", GOOD_ROWS, BAD_ROWS);
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

        pages.choose("map-category", "");
        driver.findElement(By.id("preview-continue")).click();
        assertThat(pages.text("#preview-problems")).contains("Choose the column with each event's category.");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus on what to fix").isEqualTo("map-category");
        assertThat(driver.findElement(By.id("map-category")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(step()).isEqualTo("preview");
        pages.choose("map-category", "Crime type");
        assertThat(pages.text("#preview-problems")).as("fixed as soon as it is corrected").isEmpty();
        driver.executeScript("document.getElementById('sample-table').scrollIntoView({ block: 'center' })");
        pages.screenshot("upload-2-sample.png");

        driver.findElement(By.id("preview-continue")).click();
        awaitStep("metadata");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("focus moves to the step").isEqualTo("step-metadata-heading");
        pages.type(By.id("dataset-title"), title);
        pages.choose("dataset-theme", "crime");
        pages.type(By.id("dataset-source"), "Merseyside Police via data.police.uk");
        pages.type(By.id("dataset-licence"), "Open Government Licence v3.0");
        pages.type(By.id("dataset-coverage"), "Merseyside, March 2022 (sample)");
        assertThat(driver.findElement(By.id("publish-none")).isSelected()).as("all or nothing unless asked").isTrue();
        pages.screenshot("upload-3-metadata.png");

        // All or nothing: the three bad rows stop the load, and the report says why.
        load("failed");
        assertThat(pages.text("#result-problem")).contains("Nothing was published", "3 of 303 rows cannot be used");
        assertReportListsTheBadRows();
        pages.screenshot("upload-4-refused.png");
        driver.findElement(By.id("result-change")).click();
        awaitStep("preview");
        driver.findElement(By.id("preview-continue")).click();
        awaitStep("metadata");
        assertThat(driver.findElement(By.id("dataset-title")).getDomProperty("value")).as("nothing typed is lost").isEqualTo(title);
        driver.findElement(By.cssSelector("label[for='publish-valid']")).click();
        assertThat(driver.findElement(By.id("publish-valid")).isSelected()).isTrue();

        WebElement result = load("succeeded");
        assertThat(pages.count("#result-problem")).as("the refusal is gone").isZero();
        assertThat(pages.text("#result-rows-in")).isEqualTo("303");
        assertThat(pages.text("#result-published")).isEqualTo("300");
        assertThat(pages.text("#result-rejected")).isEqualTo("3");
        assertThat(pages.text("#result-agreement")).matches("\\d+(\\.\\d)?%");
        assertThat(pages.text("#result-agreement + .figure-note")).matches("[\\d,]+ of [\\d,]+ rows: their own LSOA code .*");
        assertThat(pages.text("#result-outside")).matches("\\d+");
        assertReportListsTheBadRows();
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
        WebElement first = pages.await("#versions tr[data-version='1']", r -> true);
        assertThat(first.getDomAttribute("data-status")).isEqualTo("in-force");
        assertThat(first.getText()).contains("Current", csv.getFileName().toString(), "Mar 2022", "303", "300", "3");
        assertThat(driver.findElement(By.id("upload-new-version")).getDomAttribute("href")).isEqualTo("/upload.html?dataset=" + datasetId);
        addsAndWithdrawsAVersion(datasetId, title);
        pages.assertNoConsoleErrors();
    }

    // Presses "Load the data" and waits for the load to end as expected (succeeded or failed).
    private WebElement load(String expected) {
        driver.findElement(By.id("metadata-submit")).click();
        awaitStep("processing");
        WebElement result = pages.await("#result[data-state]", r -> true);
        assertThat(result.getDomAttribute("data-state")).as("the load: " + result.getText()).isEqualTo(expected);
        return result;
    }

    private void assertReportListsTheBadRows() {
        List<String> rows = pages.await("#report-table", t -> true).findElements(By.cssSelector("tbody tr")).stream()
                .map(WebElement::getText).toList();
        // beside the rejected rows, the report lists the points police.uk placed just over Merseyside's boundary
        // (kept in the dataset, counted in no area; ForeignFileWarningIT checks that listing row by row)
        List<String> report = rows.stream().filter(r -> !r.contains("outside the partnership's area")).toList();
        assertThat(rows).filteredOn(r -> r.contains("outside the partnership's area"))
                .allSatisfy(r -> assertThat(r).contains("Longitude, Latitude", "kept in the dataset, counted in no area"));
        assertThat(report).hasSize(3);
        assertThat(report.get(0)).contains("302", "Month", "sometime in March", "not a date");
        assertThat(report.get(1)).contains("303", "Longitude / Latitude", "53.405, -2.983", "outside England and Wales");
        assertThat(report.get(2)).contains("304", "Crime type", "no category");
        assertThat(driver.findElement(By.id("report-download")).getDomAttribute("href")).endsWith("/report.csv");
    }

    // "Upload a new version" opens the wizard for this dataset; version 2 (the good rows alone, all or
    // nothing) becomes current, and withdrawing it makes version 1 current again.
    private void addsAndWithdrawsAVersion(String datasetId, String title) throws IOException {
        Path corrected = new UploadSamples(files).crimes("merseyside-march-2022-corrected.csv", GOOD_ROWS, List.of());
        driver.findElement(By.id("upload-new-version")).click();
        pages.awaitState("ready");
        pages.await("#version-of option[value='" + datasetId + "']", o -> true);
        pages.attach("upload-file", corrected);
        awaitStep("preview");
        assertThat(pages.text("#mapping-source")).as("the mapping confirmed for version 1 is offered")
                .startsWith("The mapping below is the one confirmed for this dataset's last upload");
        assertThat(selected("map-category")).isEqualTo("Crime type");
        driver.findElement(By.id("preview-continue")).click();
        awaitStep("metadata");
        assertThat(driver.findElement(By.id("target-version")).isSelected()).as("the dataset is preselected").isTrue();
        assertThat(selected("version-of")).isEqualTo(datasetId);
        assertThat(driver.findElement(By.id("publish-none")).isSelected()).as("all or nothing unless asked").isTrue();
        load("succeeded");
        assertThat(pages.text("#result .message-success")).isEqualTo("Published version 2 of " + title + ": 300 rows.");
        assertThat(pages.text("#result-rejected")).isEqualTo("0");
        assertThat(pages.count("#report-table")).isZero();

        pages.open("/datasets.html?dataset=" + datasetId);
        pages.awaitState("ready");
        WebElement second = pages.await("#versions tr[data-version='2']", r -> "in-force".equals(r.getDomAttribute("data-status")));
        assertThat(pages.text("#versions tr[data-version='1']")).contains("Published").doesNotContain("Current");
        driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", second);
        pages.screenshot("upload-6-versions.png");
        second.findElement(By.xpath(".//button[normalize-space()='Withdraw…']")).click();
        WebElement confirm = second.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Confirm')]"));
        assertThat(driver.switchTo().activeElement()).as("focus moves to the confirmation").isEqualTo(confirm);
        confirm.click();
        WebElement withdrawn = pages.await("#versions tr[data-version='2']", r -> "withdrawn".equals(r.getDomAttribute("data-status")));
        assertThat(withdrawn.getText()).contains("Withdrawn").doesNotContain("Withdraw…");
        assertThat(pages.text("#versions tr[data-version='1']")).as("the newest remaining version is current").contains("Current");
        assertThat(pages.text("#versions .message-success")).contains("Version 2 withdrawn");
        pages.screenshot("upload-7-withdrawn.png");
    }

    @Test
    void aShapefileWithoutItsShxIsRefusedNamingTheMissingPart() throws IOException {
        Path zip = new UploadSamples(files).shapefileWithoutShx();
        signInAsDataManager(TestAccounts.suffix());
        pages.open("/upload.html");
        pages.awaitState("ready");

        dropFile("notes.docx");
        assertThat(pages.text("#upload-error")).as("dropped files are checked before they are sent")
                .contains("notes.docx is not a kind of file Patchwork reads");

        pages.attach("upload-file", zip);
        WebElement error = pages.await("#upload-error", e -> e.getText().contains("parcels"));
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
    void aShapefileThatDoesNotSayItsCoordinateSystemLoadsOnceTheUploaderDoes() throws IOException {
        UploadSamples samples = new UploadSamples(files);
        Path zip = samples.shapefileWithoutPrj(samples.crimes("points.csv", 50, List.of()));
        signInAsDataManager(TestAccounts.suffix());
        pages.open("/upload.html");
        pages.awaitState("ready");
        pages.attach("upload-file", zip);
        awaitStep("preview");
        assertThat(pages.text("#preview-facts")).contains("ESRI Shapefile", "Point", "50");
        assertThat(pages.text("#crs-problem")).contains("points.shp has no .prj file", "probably EPSG:27700");
        assertThat(driver.findElement(By.id("preview-map")).isDisplayed()).as("nowhere to draw yet").isFalse();
        assertThat(pages.text("#preview-map-caption")).isEqualTo("Give the coordinate system to see where the file's features are.");
        assertThat(pages.count("#map-x")).as("points come from the geometry, not from columns").isZero();

        driver.findElement(By.id("preview-continue")).click();
        assertThat(pages.text("#preview-problems")).contains("Give the EPSG code of the file's coordinates.");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("crs-epsg");
        driver.findElement(By.xpath("//button[normalize-space()='27700 — British National Grid']")).click();
        assertThat(driver.findElement(By.id("crs-epsg")).getDomProperty("value")).isEqualTo("27700");
        assertThat(pages.text("#preview-problems")).isEmpty();
        assertThat(driver.findElement(By.id("preview-map")).getDomAttribute("data-extent")).isEqualTo("true");
        assertThat(pages.count("#preview-map path.sample-extent")).as("the file's extent drawn as a box").isEqualTo(1);
        assertThat(pages.text("#preview-map-caption")).startsWith("The area the file's 50 features cover (EPSG:27700)");
        pages.screenshot("upload-crs-given.png");

        driver.findElement(By.id("preview-continue")).click();
        awaitStep("metadata");
        pages.type(By.id("dataset-title"), "Points without a .prj " + TestAccounts.suffix());
        load("succeeded");
        assertThat(pages.text("#result-published")).isEqualTo("50");
        assertThat(pages.text("#result-rejected")).isEqualTo("0");
        pages.assertNoConsoleErrors();
    }

    /**
     * Statistics by area: Census 2021 residents by age on 2021 LSOAs. The preview suggests the kind, the
     * code column and level, the breakdown and the one measure (a count) and shows no map; the load
     * publishes the rows that can be placed on 2011 LSOAs (18 on merged LSOAs are rejected), and the
     * map draws the values as a choropleth with its legend.
     */
    @Test
    void aDataManagerPublishesStatisticsByAreaAndSeesThemOnTheMap() {
        signInAsDataManager(TestAccounts.suffix());
        pages.open("/upload.html");
        pages.awaitState("ready");
        pages.attach("upload-file", SharedDataDirectory.locate().resolve("population/merseyside_census2021_usual_residents_by_age_lsoa21.csv"));
        awaitStep("preview");
        assertThat(driver.findElement(By.id("kind-area-statistics")).isSelected()).isTrue();
        assertThat(selected("map-areaCode")).isEqualTo("lsoa21_code");
        assertThat(selected("map-areaLevel")).isEqualTo("lsoa");
        assertThat(selected("map-category")).isEqualTo("age_group");
        assertThat(driver.findElement(By.cssSelector("#measure-list tr[data-column='usual_residents'] input[data-role='measure']")).isSelected()).isTrue();
        assertThat(driver.findElement(By.cssSelector("#measure-list tr[data-column='usual_residents'] input[data-role='count']")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("preview-map")).isDisplayed()).as("no coordinates, no map").isFalse();
        assertThat(pages.text("#preview-map-caption")).startsWith("Statistics by area carry no coordinates");
        pages.screenshot("upload-statistics-preview.png");

        driver.findElement(By.id("preview-continue")).click();
        awaitStep("metadata");
        pages.type(By.id("dataset-title"), "Residents by age " + TestAccounts.suffix());
        pages.choose("dataset-theme", "population");
        driver.findElement(By.cssSelector("label[for='publish-valid']")).click();
        WebElement result = load("succeeded");
        assertThat(pages.text("#result-rows-in")).isEqualTo("5,538");
        assertThat(pages.text("#result-rejected")).isEqualTo("18");
        assertThat(pages.text("#result-areas")).isEqualTo("904");
        assertThat(pages.text("#result-translated + .figure-note")).contains("combined");
        pages.screenshot("upload-statistics-result.png");

        String datasetId = result.getDomAttribute("data-dataset-id");
        pages.open("/?dataset=" + datasetId);
        new WebDriverWait(driver, PatchworkPages.LOAD).until(d -> ("statistics:" + datasetId)
                .equals(driver.executeScript("return document.body.dataset.theme")) && "ready".equals(pages.state()));
        assertThat(pages.count("path.statistics-area[data-value]:not([data-value=''])")).as("a value for every LSOA the file could be placed on").isEqualTo(904);
        assertThat(driver.findElement(By.cssSelector(".legend-control[data-kind='statistics']")).isDisplayed()).isTrue();
        assertThat(pages.count(".legend-control .legend-item")).isPositive();
        pages.screenshot("map-statistics.png");
        pages.assertNoConsoleErrors();
    }

    /** Polygons: the Liverpool MSOA GeoPackage, one invalid polygon repaired, then drawn as a map overlay. */
    @Test
    void aDataManagerPublishesPolygonsAndSeesThemAsAnOverlay() {
        signInAsDataManager(TestAccounts.suffix());
        pages.open("/upload.html");
        pages.awaitState("ready");
        pages.attach("upload-file", SharedDataDirectory.locate().resolve("boundaries/liverpool/liverpool_msoa11_life_expectancy.gpkg"));
        awaitStep("preview");
        assertThat(driver.findElement(By.id("kind-polygons")).isSelected()).isTrue();
        assertThat(selected("map-name")).isEqualTo("msoa11nm");
        driver.findElement(By.id("preview-continue")).click();
        awaitStep("metadata");
        pages.type(By.id("dataset-title"), "Liverpool MSOAs " + TestAccounts.suffix());
        pages.choose("dataset-theme", "health");
        WebElement result = load("succeeded");
        assertThat(pages.text("#result-published")).isEqualTo("61");
        assertThat(pages.text("#result-repaired")).isEqualTo("1");

        String datasetId = result.getDomAttribute("data-dataset-id");
        String overlay = "polygons:" + datasetId;
        pages.open("/?dataset=" + datasetId);
        pages.await(".pw-overlay[data-overlay='" + overlay + "'][data-state='ready']", o -> true);
        assertThat(pages.count("path.polygon-overlay[data-overlay='" + overlay + "']")).isEqualTo(61);
        pages.screenshot("map-polygons.png");
        pages.assertNoConsoleErrors();
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

    // Drops a small file on the drop zone, as dragging it from the desktop would.
    private void dropFile(String name) {
        driver.executeScript("""
                const data = new DataTransfer();
                data.items.add(new File(['hello'], arguments[0], { type: 'application/octet-stream' }));
                document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
                """, name);
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
