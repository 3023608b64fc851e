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
 * the rate's monthly series chart counted from its LSOAs, the IMD rank shown as not averageable with the reason, the
 * rate's spine chart (area, district, partnership over the partnership's LSOAs), and the IMD domains as the area's
 * LSOAs and residents by national decile, counted here by SQL on imd2019 and lsoa_population.
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
        // the spine chart against the district (diamond) and the partnership (bar), over the partnership's LSOAs
        String spine = "#indicator-table tr[data-indicator='" + burglary + "'] svg.spine";
        assertThat(pages.count(spine + " circle")).isEqualTo(1);
        assertThat(pages.count(spine + " polygon")).isEqualTo(1);
        assertThat(pages.count(spine + " line")).isEqualTo(2);
        assertThat(pages.text("#indicator-table th:last-child")).isEqualToIgnoringCase("Among the partnership's LSOAs");
        assertThat(driver.findElements(By.id("no-parent-district"))).isEmpty();

        // the IMD domains: the area's LSOAs and residents by national decile, as SQL counts them
        assertThat(driver.findElement(By.id("deprivation")).isDisplayed()).isTrue();
        assertThat(pages.count("#domains tr[data-domain]")).isEqualTo(8);
        for (String domain : List.of("imd", "crime")) {
            Map<Integer, long[]> expected = new java.util.HashMap<>();
            jdbc.sql("select i." + domain + "_decile as d, count(*) as n, coalesce(sum(p.total), 0) as people from imd2019 i "
                            + "left join lsoa_population p on p.lsoa_code = i.lsoa_code where i.lsoa_code = any(cast(:codes as text[])) "
                            + "group by 1").param("codes", lsoas.toArray(String[]::new))
                    .query((rs, n) -> expected.put(rs.getInt("d"), new long[] {rs.getLong("n"), rs.getLong("people")})).list();
            for (int d = 1; d <= 10; d++) {
                WebElement cell = driver.findElement(By.cssSelector("#domains tr[data-domain='" + domain + "'] [data-decile='" + d + "']"));
                long[] sql = expected.getOrDefault(d, new long[2]);
                assertThat(Long.parseLong(cell.getDomAttribute("data-lsoas"))).as(domain + " decile " + d).isEqualTo(sql[0]);
                assertThat(Long.parseLong(cell.getDomAttribute("data-population"))).as(domain + " decile " + d).isEqualTo(sql[1]);
            }
            long top = expected.getOrDefault(1, new long[2])[0];
            assertThat(pages.text("#domains tr[data-domain='" + domain + "'] [data-share='most10']"))
                    .startsWith(top + " of " + lsoas.size() + " LSOAs");
        }
        assertThat(driver.findElement(By.id("csv")).getDomAttribute("href")).isEqualTo("/api/areas/" + code + "/profile?format=csv");
        assertThat(client.get("/api/areas/" + code + "/profile?format=csv").status()).isEqualTo(200);
        pages.screenshot("custom-area-profile.png");
        driver.executeScript("document.getElementById('deprivation').scrollIntoView()");
        pages.screenshot("custom-area-profile-domains.png");
        pages.assertNoConsoleErrors();

        // an area across two districts has no single parent district: said on the page, and no district on its spine
        List<String> across = jdbc.sql("(select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = 'E08000012' order by h.lsoa_code limit 4) union all (select h.lsoa_code from lsoa_hierarchy h "
                + "join area a on a.level = 'lsoa' and a.code = h.lsoa_code where h.lad_code = 'E08000014' order by h.lsoa_code limit 4)")
                .query(String.class).list();
        String two = client.postJson("/api/custom-areas", Map.of("name", "Liverpool and Sefton " + System.nanoTime(), "lsoas", across))
                .path("code").asString();
        pages.open("/profile.html?area=" + two);
        pages.awaitState("ready");
        assertThat(pages.text("#no-parent-district")).contains("No single parent district", "2 districts", "E08000012", "E08000014");
        assertThat(pages.text("#profile-intro")).contains("no single parent district");
        String acrossSpine = "#indicator-table tr[data-indicator='" + burglary + "'] svg.spine";
        assertThat(pages.count(acrossSpine + " circle")).isEqualTo(1);
        assertThat(pages.count(acrossSpine + " polygon")).isZero();
        assertThat(pages.text("#indicator-table tr[data-indicator='" + burglary + "']")).contains("Not compared");
        assertThat(pages.count("#domains tr[data-domain]")).isEqualTo(8);
        pages.assertNoConsoleErrors();
    }
}
