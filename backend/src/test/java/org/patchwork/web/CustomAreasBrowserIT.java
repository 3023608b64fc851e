package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Merseyside Police analyst pastes an MSOA's LSOA codes into the map's "Custom areas" control, names and saves
 * the area, sees it listed (and drawn), then reads an indicator by custom areas on the indicators page: the area's
 * count of 2022 burglaries is the number of source rows in those LSOAs (SQL on {@code event}).
 */
@PatchworkIntegrationTest
class CustomAreasBrowserIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void pastesLsoasSavesACustomAreaAndSeesItsValueInAnIndicator() {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        List<String> lsoas = jdbc.sql("select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.msoa_code = (select min(msoa_code) from lsoa_hierarchy where lad_code = 'E08000012') order by 1")
                .query(String.class).list();
        long burglaries = jdbc.sql("select count(*) from event e where e.dataset_id = :d and e.version_id = "
                        + "(select current_version_id from dataset where id = :d) and e.category = 'Burglary' and e.lsoa_code = any (cast(:l as text[]))")
                .param("d", crime).param("l", lsoas.toArray(String[]::new)).query(Long.class).single();
        ApiClient client = analyst.basic(port);
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("name", "Burglary 2022 by custom area");
        indicator.put("datasetId", crime);
        indicator.put("measure", "count");
        indicator.put("categories", List.of("Burglary"));
        indicator.put("level", "custom");
        long id = client.postJson("/api/indicators", indicator).path("id").asLong();

        pages.signIn(analyst.username(), analyst.password());
        pages.awaitState("ready");
        WebElement control = pages.await(".custom-areas-control", c -> c.getDomAttribute("data-custom-areas") != null);
        control.findElement(By.tagName("summary")).click();
        String name = AdminApi.unique("Pasted MSOA");
        pages.type(By.id("pw-custom-name"), name);
        pages.type(By.id("pw-custom-lsoas"), String.join(", ", lsoas));
        control.findElement(By.cssSelector("button[type='submit']")).click();
        WebElement item = pages.await(".pw-custom-list li", li -> li.getText().contains(name));
        assertThat(item.getText()).contains(lsoas.size() + " LSOAs");
        String code = item.getDomAttribute("data-code");
        assertThat(pages.text(".pw-custom-message")).contains("Saved");
        pages.screenshot("custom-areas-map.png");

        pages.assertNoConsoleErrors();

        // an unknown code is named and nothing saved (the browser logs the 400 answer, the only console error allowed)
        pages.type(By.id("pw-custom-name"), "With a typo");
        pages.type(By.id("pw-custom-lsoas"), lsoas.get(0) + " E01999999");
        control.findElement(By.cssSelector("button[type='submit']")).click();
        pages.await(".pw-custom-message", m -> m.getText().contains("E01999999"));
        assertThat(pages.text(".pw-custom-message")).startsWith("Not saved");
        assertThat(pages.consoleErrors()).allMatch(e -> e.getMessage().contains("/api/custom-areas - Failed to load resource")
                && e.getMessage().contains("400"));

        pages.open("/indicators.html?indicator=" + id + "&level=custom");
        pages.awaitState("ready");
        WebElement row = pages.await("#values table tbody tr", tr -> tr.getText().contains(code));
        assertThat(row.getText()).contains(name, NumberFormat.getIntegerInstance(Locale.UK).format(burglaries));
        pages.screenshot("custom-areas-indicator.png");
        assertThat(pages.consoleErrors()).as("no console error but the refused save").hasSize(1);
    }

    /**
     * Drawing: "Draw on map" loads Leaflet.draw from its WebJar; four clicks round the middle of the map and a click on
     * the first corner close the polygon; saved, the area is the LSOAs whose point on surface lies inside the drawing.
     */
    @Test
    void drawsAPolygonAndSavesItAsTheLsoasInside() {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        pages.signIn(analyst.username(), analyst.password());
        pages.awaitState("ready");
        WebElement control = pages.await(".custom-areas-control", c -> c.getDomAttribute("data-custom-areas") != null);
        control.findElement(By.tagName("summary")).click();
        String name = AdminApi.unique("Drawn patch");
        pages.type(By.id("pw-custom-name"), name);
        control.findElement(By.xpath(".//button[text()='Draw on map']")).click();
        pages.await(".pw-custom-message", m -> m.getText().startsWith("Click the map"));
        WebElement map = driver.findElement(By.id("map"));
        // offsets from the map's centre, below the open control on the left and clear of the layer picker on the right
        int[][] corners = {{-120, 80}, {80, 80}, {80, 230}, {-120, 230}, {-120, 80}};
        for (int[] corner : corners) {
            new Actions(driver).moveToElement(map, corner[0], corner[1]).pause(150).click().pause(150).perform();
        }
        pages.await(".pw-custom-message", m -> m.getText().startsWith("Drawn."));
        control.findElement(By.cssSelector("button[type='submit']")).click();
        WebElement item = pages.await(".pw-custom-list li", li -> li.getText().contains(name));
        long id = Long.parseLong(item.getDomAttribute("data-code").substring("custom-".length()));
        long inside = jdbc.sql("select count(*) from area a, custom_area c where c.id = :id and a.level = 'lsoa' "
                + "and ST_Contains(c.drawn, ST_PointOnSurface(a.geom))").param("id", id).query(Long.class).single();
        assertThat(inside).isPositive();
        assertThat(item.getText()).contains(inside + " LSOAs");
        pages.screenshot("custom-areas-drawn.png");
        pages.assertNoConsoleErrors();
    }
}
