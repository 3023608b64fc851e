package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The map as an analyst and an officer use it, in headless Chromium on the real Merseyside street crime of
 * 2022, signed in as a Merseyside Police analyst (record-level access): a quick change of filters while the
 * first answer is slow leaves only the last choice on the map, legend and popups; the time slider steps
 * through months moving only counts; every event of a busy month is drawn (clusters with their number), not
 * a first 5,000; and the page works at 400 px wide. The slow network is made in the test only: a script put
 * into the page before it loads (Chrome DevTools Protocol) holds back the answers for the first choice.
 */
@PatchworkIntegrationTest
class MapUsabilityBrowserIT extends BrowserJourney {

    private static final String SLUG = "merseyside-street-crime-2022";

    @Autowired
    JdbcClient jdbc;

    private String analyst;
    private String password;
    private TestAccounts accounts;

    @BeforeEach
    void createAnalyst() {
        String suffix = TestAccounts.suffix();
        analyst = "map-analyst-" + suffix;
        password = "map-password-" + suffix;
        accounts = new TestAccounts(port);
        accounts.createUser(analyst, "Map Analyst " + suffix, accounts.partnerId("Merseyside Police"), "analyst", password);
    }

    @Test
    void aQuickChangeOfFiltersNeverLeavesAnEarlierSelectionShowing() {
        // Answers about burglary are held back 4 s and do not heed cancelling, like a slow proxy: the page must ignore them.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                const realFetch = window.fetch.bind(window);
                window.fetch = (input, init = {}) => {
                  const url = String(input && input.url ? input.url : input);
                  if (!/category=Burglary/.test(url)) return realFetch(input, init);
                  const { signal, ...rest } = init;
                  return new Promise((resolve, reject) => setTimeout(() => realFetch(input, rest).then(resolve, reject), 4000));
                };"""));
        pages.signIn(analyst, password);
        long datasetId = showCrime();
        pages.choose("pw-from", "2022-03");
        pages.choose("pw-to", "2022-03");
        pages.awaitState("ready");

        pages.chooseText("pw-category", "Burglary");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> loads() > 0);
        assertThat(driver.findElement(By.cssSelector(".map-progress")).isDisplayed()).as("a loading bar while the answer is awaited").isTrue();
        assertThat(pages.text(".status-control")).contains("Loading");
        pages.chooseText("pw-category", "Bicycle theft");
        pages.awaitState("ready");
        assertThat(pages.text(".legend-control")).contains("Bicycle theft, Mar 2022");

        sleep(5000);   // the held-back burglary answer has now arrived
        assertThat(pages.state()).isEqualTo("ready");
        assertThat(pages.text(".legend-control")).as("the legend of the last choice").contains("Bicycle theft, Mar 2022").doesNotContain("Burglary");
        Map<String, Long> expected = new HashMap<>();
        accounts.get("/api/datasets/" + datasetId + "/counts?level=lsoa&category=Bicycle%20theft&from=2022-03&to=2022-03", analyst, password)
                .path("areas").forEach(a -> expected.put(a.path("code").asString(), a.path("count").asLong()));
        Map<String, Long> shown = new HashMap<>();
        driver.findElements(By.cssSelector("path.choropleth-area[data-count]"))
                .forEach(p -> shown.put(p.getDomAttribute("data-code"), Long.parseLong(p.getDomAttribute("data-count"))));
        assertThat(shown).as("every area shows the last choice's count").isEqualTo(expected);
        assertThat(shown.values().stream().mapToLong(Long::longValue).sum()).isPositive();

        String busiest = shown.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        pages.dispatch("path.choropleth-area[data-code='" + busiest + "']", "click");
        WebElement popup = pages.await(".leaflet-popup-content", p -> !p.getText().isBlank());
        assertThat(popup.getText()).contains("Bicycle theft, Mar 2022").doesNotContain("Burglary");
        assertThat(pages.text("#details")).contains("Bicycle theft, Mar 2022");
        pages.assertNoConsoleErrors();
    }

    @Test
    void theTimeSliderStepsThroughMonthsMovingOnlyCounts() {
        pages.signIn(analyst, password);
        showCrime();
        WebElement slider = driver.findElement(By.cssSelector(".time-slider"));
        assertThat(slider.isDisplayed()).isTrue();
        assertThat(slider.getText()).contains("Jan–Nov 2022");

        slider.findElement(By.cssSelector("[data-step='1']")).click();
        pages.awaitState("ready");
        assertThat(slider.getDomAttribute("data-period")).isEqualTo("2022-01");
        assertThat(pages.text(".legend-control")).contains("All crime types, Jan 2022");
        Map<String, String> january = counts();

        driver.executeScript("performance.clearResourceTimings()");
        slider.findElement(By.cssSelector("[data-step='1']")).click();
        pages.awaitState("ready");
        assertThat(slider.getDomAttribute("data-period")).isEqualTo("2022-02");
        assertThat(slider.getText()).contains("Feb 2022");
        assertThat(pages.text(".legend-control")).contains("All crime types, Feb 2022");
        assertThat(new Select(driver.findElement(By.id("pw-from"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("2022-02");
        Map<String, String> february = counts();
        assertThat(february.keySet()).isEqualTo(january.keySet());
        assertThat(february).as("February's counts are not January's").isNotEqualTo(january);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => ({ name: e.name, size: e.encodedBodySize }))");
        assertThat(requests).as("no boundaries fetched again").noneMatch(r -> String.valueOf(r.get("name")).contains("/ogc/collections/"));
        Map<String, Object> step = requests.stream().filter(r -> String.valueOf(r.get("name")).contains("/counts?")).findFirst().orElseThrow();
        assertThat(String.valueOf(step.get("name"))).contains("from=2022-02", "to=2022-02");
        assertThat(((Number) step.get("size")).longValue()).as("a step moves kilobytes (values by code)").isLessThan(200_000);
        pages.screenshot("map-time-slider.png");
        pages.assertNoConsoleErrors();
    }

    @Test
    void everyEventOfABusyMonthIsDrawnNotTheFirstFiveThousand() {
        String month = jdbc.sql("select to_char(month, 'YYYY-MM') from event e join dataset d on d.id = e.dataset_id "
                + "and d.current_version_id = e.version_id where d.slug = :slug group by month order by count(*) desc, month limit 1")
                .param("slug", SLUG).query(String.class).single();
        pages.signIn(analyst, password);
        showCrime();
        pages.choose("pw-from", month);
        pages.choose("pw-to", month);
        pages.awaitState("ready");
        driver.findElement(By.id("pw-points")).click();
        pages.awaitState("ready");

        long inView = inViewFromDatabase(month);
        assertThat(inView).as("a busy month, more than the old cap").isGreaterThan(5000);
        assertThat(Long.parseLong(driver.findElement(By.id("map")).getDomAttribute("data-events-in-view"))).isEqualTo(inView);
        assertThat(drawnOnMap()).as("dots plus the numbers in the clusters").isEqualTo(inView);
        assertThat(pages.text(".legend-total")).isEqualTo(String.format(java.util.Locale.UK, "%,d crimes in view, every one drawn", inView));
        assertThat(pages.count(".crime-cluster")).isPositive();
        pages.screenshot("map-clusters.png");

        double zoom = zoom();
        String biggest = (String) driver.executeScript("""
                const clusters = [...document.querySelectorAll('.crime-cluster:not([data-one-place])')];
                clusters.sort((a, b) => Number(b.dataset.count) - Number(a.dataset.count));
                clusters[0].id = 'pw-biggest-cluster';
                return clusters[0].dataset.count;""");
        pages.dispatch("#pw-biggest-cluster", "click");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> zoom() > zoom
                && !String.valueOf(inView).equals(driver.findElement(By.id("map")).getDomAttribute("data-events-in-view"))
                && ((Number) driver.executeScript("return Number(document.body.dataset.loads)")).intValue() == 0);
        long closer = inViewFromDatabase(month);
        assertThat(closer).as("zoomed in on a cluster of %s", biggest).isLessThan(inView).isGreaterThanOrEqualTo(Long.parseLong(biggest));
        assertThat(Long.parseLong(driver.findElement(By.id("map")).getDomAttribute("data-events-in-view"))).isEqualTo(closer);
        assertThat(drawnOnMap()).isEqualTo(closer);
        pages.assertNoConsoleErrors();
    }

    @Test
    void usableAtFourHundredPixelsWide() {
        pages.signIn(analyst, password);
        driver.manage().window().setSize(new Dimension(400, 800));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 400, "height", 800, "deviceScaleFactor", 1,
                "mobile", false));
        pages.open("/?dataset=999999");
        pages.awaitState("ready");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !"0".equals(driver.executeScript("return document.body.dataset.themes ?? '0'")));
        assertNoSidewaysScrolling();
        assertThat(driver.findElement(By.id("pw-theme")).isDisplayed()).as("the options are folded away").isFalse();
        WebElement notice = pages.await(".status-notice-item", n -> n.getText().contains("Dataset 999999 cannot be drawn"));
        pages.screenshot("map-400-closed.png");

        driver.findElement(By.cssSelector(".picker-control .pw-collapse-toggle")).click();
        assertThat(driver.findElement(By.id("pw-theme")).isDisplayed()).as("the toggle opens them").isTrue();
        WebElement crime = pages.await("#pw-theme option", o -> o.getDomAttribute("value").startsWith("events:"));
        pages.choose("pw-theme", crime.getDomAttribute("value"));
        pages.awaitState("ready");
        assertThat(pages.count("path.choropleth-area")).isGreaterThanOrEqualTo(900);
        assertNoSidewaysScrolling();
        pages.screenshot("map-400-open.png");

        driver.findElement(By.cssSelector(".picker-control .pw-collapse-toggle")).click();
        assertThat(driver.findElement(By.id("pw-theme")).isDisplayed()).as("and closes them").isFalse();
        assertThat(notice.isDisplayed()).as("a notice stays until dismissed, whatever the map does meanwhile").isTrue();
        notice.findElement(By.cssSelector(".pw-dismiss")).click();
        assertThat(pages.count(".status-notice-item")).isZero();
        pages.assertNoConsoleErrors();
    }

    /** Chooses the crime dataset (labelled by its theme, every label different) and returns its id. */
    private long showCrime() {
        pages.awaitState("ready");
        WebElement option = pages.await("#pw-theme option", o -> o.getDomAttribute("value").startsWith("events:"));
        List<String> labels = new Select(driver.findElement(By.id("pw-theme"))).getOptions().stream().map(WebElement::getText).toList();
        assertThat(new HashSet<>(labels)).as("no two datasets share a label: %s", labels).hasSize(labels.size());
        assertThat(option.getText()).as("labelled by its theme").startsWith("Crime — Street crime, Merseyside 2022");
        pages.choose("pw-theme", option.getDomAttribute("value"));
        pages.awaitState("ready");
        assertThat(pages.text(".legend-control")).contains("Crimes per LSOA");
        return Long.parseLong(option.getDomAttribute("value").substring("events:".length()));
    }

    private Map<String, String> counts() {
        Map<String, String> counts = new HashMap<>();
        driver.findElements(By.cssSelector("path.choropleth-area[data-count]"))
                .forEach(p -> counts.put(p.getDomAttribute("data-code"), p.getDomAttribute("data-count")));
        return counts;
    }

    /** The month's events whose longitude and latitude lie in the box the map shows, counted in the database. */
    private long inViewFromDatabase(String month) {
        String[] box = driver.findElement(By.id("map")).getDomAttribute("data-bounds").split(",");
        return jdbc.sql("""
                select count(*) from (select ST_Transform(e.geom, 4326) as p from event e join dataset d on d.id = e.dataset_id
                  and d.current_version_id = e.version_id where d.slug = :slug and to_char(e.month, 'YYYY-MM') = :month) x
                where ST_X(p) between :w and :e and ST_Y(p) between :s and :n""")
                .param("slug", SLUG).param("month", month).param("w", Double.parseDouble(box[0])).param("s", Double.parseDouble(box[1]))
                .param("e", Double.parseDouble(box[2])).param("n", Double.parseDouble(box[3])).query(Long.class).single();
    }

    private long drawnOnMap() {
        return ((Number) driver.executeScript("""
                return document.querySelectorAll('path.crime-point').length
                  + [...document.querySelectorAll('.crime-cluster')].reduce((sum, c) => sum + Number(c.dataset.count), 0);""")).longValue();
    }

    @SuppressWarnings("unchecked")
    private void assertNoSidewaysScrolling() {
        Map<String, Object> widths = (Map<String, Object>) driver.executeScript(
                "return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth }");
        assertThat(((Number) widths.get("inner")).longValue()).as("the window is narrow").isLessThanOrEqualTo(420);
        assertThat(((Number) widths.get("scroll")).longValue()).as("no sideways scrolling: %s", widths)
                .isLessThanOrEqualTo(((Number) widths.get("inner")).longValue());
    }

    private int loads() {
        Object loads = driver.executeScript("return Number(document.body.dataset.loads ?? 0)");
        return ((Number) loads).intValue();
    }

    private double zoom() {
        return Double.parseDouble(driver.findElement(By.id("map")).getDomAttribute("data-zoom"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
