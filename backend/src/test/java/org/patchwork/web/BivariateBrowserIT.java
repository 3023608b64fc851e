package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.uploads.UploadClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A Merseyside Police analyst compares burglary per 1,000 residents with the IMD rank across Liverpool's LSOAs on
 * one bivariate map: the legend's nine cells count the areas in each pair of thirds, and those counts are
 * worked out here independently, from each indicator's published values and the server's tertile breaks (which
 * are also checked against the quantile rule worked here); the areas without both values are counted apart and
 * drawn grey; clicking an area highlights its point, and selecting a point highlights its area. A second case pairs
 * burglary with a statistic uploaded here for only some of Liverpool's LSOAs: the legend's no-data count and the
 * grey areas are exactly the LSOAs the file leaves out (counted by SQL on the loaded LSOAs and from the file).
 */
@PatchworkIntegrationTest
class BivariateBrowserIT extends BrowserJourney {

    static final String LIVERPOOL = "E08000012";
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

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

    @Test
    void areasAStatisticDoesNotCoverAreCountedAsNoDataAndDrawnGrey() throws Exception {
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        ApiClient client = analyst.basic(port);
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        List<String> liverpool = jdbc.sql("select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' "
                + "and a.code = h.lsoa_code where h.lad_code = :lad order by h.lsoa_code").param("lad", LIVERPOOL).query(String.class).list();
        // a statistic for every third Liverpool LSOA only, with values spread enough to fill three thirds
        Map<String, Double> covered = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("lsoa11cd,wellbeing_score\n");
        for (int i = 0; i < liverpool.size(); i += 3) {
            double score = (i * 37 % 101) + 0.5;
            covered.put(liverpool.get(i), score);
            csv.append(liverpool.get(i)).append(',').append(score).append('\n');
        }
        Path file = dir.resolve("wellbeing.csv");
        Files.writeString(file, csv);
        JsonNode done = UploadClient.ofPartner(port, "Merseyside Police").load(file, Map.of("title", "Wellbeing score (bivariate) "
                + System.nanoTime(), "theme", "other", "publishValidRows", true));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        long dataset = done.path("result").path("datasetId").asLong();
        // the uploaded rows, as loaded, are the file's: the no-data areas are Liverpool's LSOAs not in the file
        assertThat(jdbc.sql("select count(*) from area_statistic s join dataset d on d.id = s.dataset_id and d.current_version_id = "
                + "s.version_id where s.dataset_id = :d").param("d", dataset).query(Long.class).single()).isEqualTo(covered.size());
        long burglary = client.json(201, client.post("/api/indicators", Map.of("name", "Burglary per 1,000 (bivariate gaps)", "datasetId",
                crime, "measure", "rate-per-1000", "categories", List.of("Burglary"), "from", "2022-01", "to", "2022-12", "level", "lsoa")))
                .path("id").asLong();
        long wellbeing = client.json(201, client.post("/api/indicators", Map.of("name", "Wellbeing score (bivariate gaps)", "datasetId",
                dataset, "measure", "area-statistic", "statistic", "wellbeing_score", "level", "lsoa"))).path("id").asLong();

        Map<String, Double> xs = values(client, burglary);
        List<String> expectedNoData = liverpool.stream().filter(code -> !covered.containsKey(code) || xs.get(code) == null).toList();
        assertThat(expectedNoData).hasSize(liverpool.size() - covered.size());   // every Liverpool LSOA has a burglary rate
        Map<String, String> cellOf = new LinkedHashMap<>();
        covered.keySet().forEach(code -> cellOf.put(code, null));
        double[] xBreaks = tertiles(covered.keySet().stream().mapToDouble(xs::get).toArray());
        double[] yBreaks = tertiles(covered.values().stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(serverTertiles(client, covered.keySet().stream().map(xs::get).toList())).containsExactly(xBreaks);
        assertThat(serverTertiles(client, List.copyOf(covered.values()))).containsExactly(yBreaks);
        Map<String, Integer> expected = new HashMap<>();
        for (int col = 0; col < 3; col++) {
            for (int row = 0; row < 3; row++) {
                expected.put(col + "-" + row, 0);
            }
        }
        for (String code : covered.keySet()) {
            String key = third(xs.get(code), xBreaks) + "-" + third(covered.get(code), yBreaks);
            cellOf.put(code, key);
            expected.merge(key, 1, Integer::sum);
        }

        pages.signIn(analyst.username(), analyst.password());
        pages.open("/compare.html?x=" + burglary + "&y=" + wellbeing + "&within=" + LIVERPOOL + "&view=bivariate");
        pages.awaitState("ready");
        pages.await("#legend-bi", WebElement::isDisplayed);
        Map<String, Integer> shown = new HashMap<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#legend-bi .bivariate-cell"))) {
            shown.put(cell.getDomAttribute("data-cell"), Integer.parseInt(cell.getDomAttribute("data-count")));
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(driver.findElement(By.id("bivariate-no-data")).getDomAttribute("data-count"))
                .isEqualTo(String.valueOf(expectedNoData.size()));
        assertThat(pages.text("#bivariate-no-data")).contains(expectedNoData.size() + " without both values");

        // the no-data areas are exactly the LSOAs the file leaves out, drawn in the no-data grey; the rest in their cells
        pages.await("#map-bi path[data-code]", e -> true);
        assertThat(pages.count("#map-bi path[data-code]")).isEqualTo(liverpool.size());
        List<String> grey = new ArrayList<>();
        for (WebElement path : driver.findElements(By.cssSelector("#map-bi path[data-cell='no-data']"))) {
            grey.add(path.getDomAttribute("data-code"));
            assertThat(path.getDomAttribute("fill")).as(path.getDomAttribute("data-code")).isEqualToIgnoringCase(NO_DATA_GREY);
        }
        assertThat(grey).containsExactlyInAnyOrderElementsOf(expectedNoData);
        cellOf.forEach((code, key) -> {
            WebElement path = driver.findElement(By.cssSelector("#map-bi path[data-code='" + code + "']"));
            assertThat(path.getDomAttribute("data-cell")).as(code).isEqualTo(key);
            assertThat(path.getDomAttribute("fill")).as(code).isNotEqualToIgnoringCase(NO_DATA_GREY);
        });
        pages.screenshot("compare-bivariate-no-data.png");
        pages.assertNoConsoleErrors();
    }

    /** The no-data fill of the bivariate map and legend (a light grey outside the 3×3 palette). */
    static final String NO_DATA_GREY = "#bdbdbd";

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
