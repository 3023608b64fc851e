package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
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
 * their PAI, the method comparison and the export hook, with no console errors.
 */
@PatchworkIntegrationTest
class HotspotsBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsAKernelDensityAndSeesItsHotspotsWithTheirPai() {
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
        assertThat(driver.findElement(By.id("export-hotspots")).getDomAttribute("href")).isEqualTo("/api/export/hotspots-" + runId + "?format=gpkg");
        assertThat(pages.text("#runs")).contains("#" + runId);
        pages.screenshot("hotspots.png");
        pages.assertNoConsoleErrors();
    }
}
