package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A custom area chosen on the profile page (by its code, offered by name in the box): its rate with the interval,
 * the rate's monthly series chart counted from its LSOAs, and the IMD rank shown as not averageable with the reason.
 */
@PatchworkIntegrationTest
class CustomAreaProfileBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCustomAreasProfileShowsItsRateSeriesAndWhyARankHasNoValue() {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        ApiClient client = analyst.basic(port);
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        long imd = jdbc.sql("select id from dataset where slug = 'imd2019'").query(Long.class).single();
        long burglary = client.json(201, client.post("/api/indicators", Map.of("name", "Burglary per 1,000 (custom profile)", "datasetId",
                crime, "measure", "rate-per-1000", "categories", List.of("Burglary"), "from", "2022-01", "to", "2022-12", "level", "lsoa")))
                .path("id").asLong();
        long rank = client.json(201, client.post("/api/indicators", Map.of("name", "IMD rank (custom profile)", "datasetId", imd,
                "measure", "area-statistic", "statistic", "imd_rank", "level", "lsoa"))).path("id").asLong();
        List<String> lsoas = jdbc.sql("select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = 'E08000012' order by h.lsoa_code limit 15").query(String.class).list();
        String name = "Fifteen Liverpool LSOAs " + System.nanoTime();
        String code = client.postJson("/api/custom-areas", Map.of("name", name, "lsoas", lsoas)).path("code").asString();

        pages.signIn(analyst.username(), analyst.password());
        pages.open("/profile.html");
        pages.awaitState("ready");
        pages.await("#custom-area-list option[value='" + code + "']", e -> true);
        pages.open("/profile.html?area=" + code);
        pages.awaitState("ready");
        assertThat(pages.text("#profile-title")).isEqualTo(name);
        assertThat(pages.text("#profile-intro")).contains("CUSTOM " + code);

        WebElement row = driver.findElement(By.cssSelector("#indicator-table tr[data-indicator='" + burglary + "']"));
        assertThat(row.getText()).matches("(?s).*\\(.+ to .+\\).*");
        // the monthly series, with its 95% band: 12 months counted from the area's own LSOAs
        WebElement chart = driver.findElement(By.cssSelector("#series figure[data-indicator='" + burglary + "'] canvas"));
        assertThat(((Number) driver.executeScript("return Chart.getChart(arguments[0]).data.datasets[2].data.length", chart)).intValue())
                .isEqualTo(12);
        assertThat(pages.text("#series figure[data-indicator='" + burglary + "']")).contains("trend");
        assertThat(pages.text("#indicator-table tr[data-indicator='" + rank + "']")).contains("cannot be averaged");
        assertThat(driver.findElement(By.id("csv")).getDomAttribute("href")).isEqualTo("/api/areas/" + code + "/profile?format=csv");
        assertThat(client.get("/api/areas/" + code + "/profile?format=csv").status()).isEqualTo(200);
        pages.screenshot("custom-area-profile.png");
        pages.assertNoConsoleErrors();
    }
}
