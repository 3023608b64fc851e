package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A Merseyside Police analyst compares burglary per 1,000 residents with the IMD rank across Liverpool's LSOAs on
 * one bivariate map: the legend's nine cells count the areas in each pair of thirds, and those counts are
 * worked out here independently, from each indicator's published values and the server's tertile breaks (which
 * are also checked against the quantile rule worked here); the areas without both values are counted apart and
 * drawn grey; clicking an area highlights its point, and selecting a point highlights its area.
 */
@PatchworkIntegrationTest
class BivariateBrowserIT extends BrowserJourney {

    static final String LIVERPOOL = "E08000012";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBivariateMapCountsEachPairOfThirdsAsTheValuesAndServerBreaksGive() {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        ApiClient client = analyst.basic(port);
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        long imd = jdbc.sql("select id from dataset where slug = 'imd2019'").query(Long.class).single();
        long burglary = client.json(201, client.post("/api/indicators", Map.of("name", "Burglary per 1,000 (bivariate)", "datasetId", crime,
                "measure", "rate-per-1000", "categories", List.of("Burglary"), "from", "2022-01", "to", "2022-12", "level", "lsoa")))
                .path("id").asLong();
        long rank = client.json(201, client.post("/api/indicators", Map.of("name", "IMD rank (bivariate)", "datasetId", imd,
                "measure", "area-statistic", "statistic", "imd_rank", "level", "lsoa"))).path("id").asLong();

        // expected: the pairs of each indicator's own published values, their tertiles, each pair's cell
        Map<String, Double> xs = values(client, burglary);
        Map<String, Double> ys = values(client, rank);
        List<double[]> pairs = new ArrayList<>();
        Map<String, String> cellOf = new LinkedHashMap<>();
        xs.forEach((code, x) -> {
            Double y = ys.get(code);
            if (x != null && y != null) {
                pairs.add(new double[] {x, y});
                cellOf.put(code, null);
            }
        });
        int n = pairs.size();
        assertThat(n).isGreaterThan(250);
        double[] xBreaks = serverTertiles(client, pairs.stream().map(p -> p[0]).toList());
        double[] yBreaks = serverTertiles(client, pairs.stream().map(p -> p[1]).toList());
        assertThat(xBreaks).containsExactly(tertiles(pairs.stream().mapToDouble(p -> p[0]).toArray()));
        assertThat(yBreaks).containsExactly(tertiles(pairs.stream().mapToDouble(p -> p[1]).toArray()));
        Map<String, Integer> expected = new HashMap<>();
        for (int col = 0; col < 3; col++) {
            for (int row = 0; row < 3; row++) {
                expected.put(col + "-" + row, 0);
            }
        }
        for (String code : cellOf.keySet()) {
            String key = third(xs.get(code), xBreaks) + "-" + third(ys.get(code), yBreaks);
            cellOf.put(code, key);
            expected.merge(key, 1, Integer::sum);
        }
        long liverpoolLsoas = jdbc.sql("select count(*) from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = :lad").param("lad", LIVERPOOL).query(Long.class).single();

        pages.signIn(analyst.username(), analyst.password());
        pages.open("/compare.html?x=" + burglary + "&y=" + rank + "&within=" + LIVERPOOL);
        pages.awaitState("ready");
        assertThat(driver.findElement(By.id("legend-bi")).isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("#view input[value='bivariate']")).click();
        pages.await("#legend-bi", WebElement::isDisplayed);
        assertThat(driver.findElement(By.id("map-x")).isDisplayed()).isFalse();
        assertThat(driver.getCurrentUrl()).contains("view=bivariate");

        Map<String, Integer> shown = new HashMap<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#legend-bi .bivariate-cell"))) {
            shown.put(cell.getDomAttribute("data-cell"), Integer.parseInt(cell.getDomAttribute("data-count")));
            assertThat(cell.getText()).isEqualTo(cell.getDomAttribute("data-count"));
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(shown.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
        int noData = Integer.parseInt(driver.findElement(By.id("bivariate-no-data")).getDomAttribute("data-count"));
        assertThat(noData).isEqualTo(liverpoolLsoas - n);
        assertThat(pages.text("#bivariate-no-data")).contains(noData + " without both values");
        assertThat(pages.text("#legend-bi")).contains("Burglary per 1,000 (bivariate)", "IMD rank (bivariate)", "low", "high");

        // every drawn area is in the cell its values give, or grey without both
        pages.await("#map-bi path[data-code]", e -> true);
        assertThat(pages.count("#map-bi path[data-code]")).isEqualTo(liverpoolLsoas);
        assertThat(pages.count("#map-bi path[data-cell='no-data']")).isEqualTo(noData);
        cellOf.forEach((code, key) -> assertThat(driver.findElement(By.cssSelector("#map-bi path[data-code='" + code + "']"))
                .getDomAttribute("data-cell")).as(code).isEqualTo(key));

        // clicking an area highlights its point; selecting a point (as a click or a brush does) highlights its area
        String first = cellOf.keySet().iterator().next();
        pages.dispatch("#map-bi path[data-code='" + first + "']", "click");
        new WebDriverWait(driver, WAIT).until(d -> List.of(first).equals(highlighted()));
        assertThat(driver.findElement(By.cssSelector("#map-bi path[data-code='" + first + "']")).getDomAttribute("class"))
                .contains("is-selected");
        pages.screenshot("compare-bivariate.png");

        // and back to two maps
        driver.findElement(By.cssSelector("#view input[value='two-maps']")).click();
        pages.await("#map-x", WebElement::isDisplayed);
        assertThat(driver.findElement(By.id("legend-bi")).isDisplayed()).isFalse();
        pages.assertNoConsoleErrors();
    }

    /** Each area's published value (null when withheld or missing), from GET /api/indicators/{id}/values. */
    private static Map<String, Double> values(ApiClient client, long id) {
        Map<String, Double> byCode = new LinkedHashMap<>();
        for (JsonNode area : client.getJson("/api/indicators/" + id + "/values?within=" + LIVERPOOL).path("areas")) {
            JsonNode value = area.path("value");
            byCode.put(area.path("code").asString(), value.isNumber() ? value.asDouble() : null);
        }
        return byCode;
    }

    private static double[] serverTertiles(ApiClient client, List<Double> values) {
        JsonNode answer = client.postJson("/api/classify", Map.of("values", values, "method", "quantile", "classes", 3));
        double[] breaks = new double[answer.path("breaks").size()];
        for (int i = 0; i < breaks.length; i++) {
            breaks[i] = answer.path("breaks").get(i).asDouble();
        }
        return breaks;
    }

    /** Tertile breaks by the quantile rule: the sorted values at positions floor(n/3) and floor(2n/3), kept if increasing. */
    private static double[] tertiles(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        List<Double> kept = new ArrayList<>();
        double last = sorted[0];
        for (int i = 1; i < 3; i++) {
            double b = sorted[i * sorted.length / 3];
            if (b > last) {
                kept.add(b);
                last = b;
            }
        }
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** 0, 1 or 2: how many breaks the value reaches (classes are [lower, next lower)). */
    private static int third(double value, double[] breaks) {
        int index = 0;
        for (double b : breaks) {
            if (value >= b) {
                index++;
            }
        }
        return Math.min(index, 2);
    }

    @SuppressWarnings("unchecked")
    private List<String> highlighted() {
        return (List<String>) driver.executeScript("return window.patchworkCompare.highlighted()");
    }
}
