package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The map of a large partnership area (a region, all of England: more LSOAs than patchwork.map.lsoa-start-limit,
 * lowered here to 500 so Merseyside's 910 count as large): it starts at district level and fetches no LSOA at all;
 * asking for LSOAs first asks for a district; choosing one fetches that district's LSOAs only (by lad_code) and
 * draws exactly them. The requests are read from the page's own resource timing entries.
 */
@PatchworkIntegrationTest
@TestPropertySource(properties = "patchwork.map.lsoa-start-limit=500")
class MapAtScaleBrowserIT extends BrowserJourney {

    private static final String AREA = "path.choropleth-area";
    private static final String LIVERPOOL = "E08000012";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLargeAreaStartsAtDistrictsAndLoadsOneDistrictsLsoasWhenItIsChosen() {
        pages.signIn("admin", SharedDataDirectory.ADMIN_PASSWORD);
        pages.awaitState("ready");
        assertThat(driver.executeScript("return document.body.dataset.level")).isEqualTo("district");
        assertThat(driver.findElements(By.cssSelector(AREA))).as("the five districts").hasSize(5);
        assertThat(requests()).as("no LSOA is fetched for the first map").noneMatch(url -> url.contains("/ogc/collections/lsoa/"))
                .anyMatch(url -> url.contains("/ogc/collections/district/items"));
        long firstMapBytes = (long) driver.executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/ogc/collections/')).reduce((n, e) => n + e.encodedBodySize, 0)");
        System.out.printf("MapAtScaleBrowserIT: the first map's boundaries: %,d bytes%n", firstMapBytes);

        new Select(driver.findElement(By.id("pw-level"))).selectByValue("lsoa");
        pages.awaitState("empty");
        assertThat(driver.findElement(By.cssSelector(".status-control")).getText()).contains("choose a district");
        assertThat(requests()).noneMatch(url -> url.contains("/ogc/collections/lsoa/"));

        new Select(driver.findElement(By.id("pw-district"))).selectByValue(LIVERPOOL);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state"))
                && !d.findElements(By.cssSelector(AREA)).isEmpty());
        Set<String> liverpool = new HashSet<>(jdbc.sql("select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' "
                + "and a.code = h.lsoa_code where h.lad_code = :district").param("district", LIVERPOOL).query(String.class).list());
        assertThat(liverpool).as("Liverpool's LSOAs (ONS lookup)").hasSize(298);
        Set<String> drawn = new HashSet<>();
        for (WebElement area : driver.findElements(By.cssSelector(AREA))) {
            drawn.add(area.getDomAttribute("data-code"));
        }
        assertThat(drawn).isEqualTo(liverpool);
        List<String> lsoaRequests = requests().stream().filter(url -> url.contains("/ogc/collections/lsoa/")).toList();
        assertThat(lsoaRequests).isNotEmpty().allMatch(url -> url.contains("lad_code=" + LIVERPOOL));
        pages.assertNoConsoleErrors();
    }

    @SuppressWarnings("unchecked")
    private List<String> requests() {
        return (List<String>) driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
    }
}
