package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;

/**
 * The map screen, in headless Chromium against the real server and the Merseyside data in PostGIS, signed
 * in as the administrator through the sign-in page: the LSOA choropleth and its legend, an area's details,
 * another boundary level and zooming to a district.
 * The page reports its progress in {@code body[data-state]} (loading, ready, empty, error) and
 * {@code body[data-level]}, and the zoom it settled on in {@code #map[data-zoom]}.
 */
@PatchworkIntegrationTest
class MapBrowserIT extends BrowserJourney {

    private static final String LSOA = "path.choropleth-area";

    // A Liverpool city-centre LSOA from the ONS lookup in ../shared/data/lookups.
    private static final String LSOA_CODE = "E01006512";
    private static final String LSOA_NAME = "Liverpool 031A";

    @Test
    void browsesDeprivationByAreaAndZoomsToADistrict() {
        pages.signIn("admin", SharedDataDirectory.ADMIN_PASSWORD);
        awaitMap("lsoa");
        assertThat(driver.getTitle()).contains("Patchwork");
        assertThat(driver.findElement(By.cssSelector(".app-header")).getText()).contains("Patchwork");

        assertThat(count(LSOA)).as("LSOA areas drawn").isGreaterThanOrEqualTo(900);
        assertThat(count("path.district-outline")).as("district outlines drawn for context").isEqualTo(5);
        WebElement legend = driver.findElement(By.cssSelector(".legend-control"));
        assertThat(legend.isDisplayed()).isTrue();
        assertThat(legend.findElements(By.cssSelector(".legend-item[data-decile]"))).as("decile entries").hasSize(10);
        assertThat(legend.getText()).contains("Index of Multiple Deprivation", "most deprived");
        assertThat(driver.findElement(By.cssSelector(".leaflet-control-attribution")).getText()).contains("Crown copyright");

        String area = LSOA + "[data-code='" + LSOA_CODE + "']";
        dispatch(area, "mouseover");
        assertThat(driver.findElement(By.cssSelector(area)).getDomAttribute("stroke-width")).as("hover outline").isEqualTo("2.5");
        dispatch(area, "mouseout");
        assertThat(driver.findElement(By.cssSelector(area)).getDomAttribute("stroke-width")).isEqualTo("0.6");

        dispatch(area, "click");
        WebElement details = driver.findElement(By.id("details"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> LSOA_CODE.equals(details.getDomAttribute("data-code")));
        assertThat(details.getText()).contains(LSOA_NAME, LSOA_CODE, "Liverpool", "Population", "of 32,844", "Decile");
        pages.screenshot("map.png");

        new Select(driver.findElement(By.id("pw-level"))).selectByValue("ward");
        awaitMap("ward");
        assertThat(count(LSOA)).as("ward areas drawn").isEqualTo(105);
        assertThat(legend.findElements(By.cssSelector(".legend-item[data-class]"))).as("share classes").hasSize(5);
        assertThat(details.getDomAttribute("data-code")).as("selection cleared with the level").isNull();

        double wholeArea = zoom();
        new Select(driver.findElement(By.id("pw-district"))).selectByVisibleText("Liverpool");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> zoom() > wholeArea);
        pages.screenshot("map-ward-liverpool.png");
        pages.assertNoConsoleErrors();
    }

    @Test
    void showsAnErrorThePersonCanRetry() {
        pages.signIn("admin", SharedDataDirectory.ADMIN_PASSWORD);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/ogc/collections/lsoa/items*")));
        driver.get("http://localhost:" + port + "/");
        awaitState("error");
        WebElement status = driver.findElement(By.cssSelector(".status-error"));
        assertThat(status.getText()).contains("Could not load LSOA boundaries");
        assertThat(status.getDomAttribute("role")).isEqualTo("alert");

        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        status.findElement(By.tagName("button")).click();
        awaitMap("lsoa");
        assertThat(count(LSOA)).isGreaterThanOrEqualTo(900);
        assertThat(driver.findElements(By.cssSelector(".status-error"))).isEmpty();
    }

    private void awaitMap(String level) {
        awaitState("ready");
        assertThat(driver.executeScript("return document.body.dataset.level")).isEqualTo(level);
    }

    private void awaitState(String wanted) {
        pages.awaitState(wanted);
    }

    private long count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    private double zoom() {
        return Double.parseDouble(driver.findElement(By.id("map")).getDomAttribute("data-zoom"));
    }

    private void dispatch(String css, String type) {
        pages.dispatch(css, type);
    }
}
