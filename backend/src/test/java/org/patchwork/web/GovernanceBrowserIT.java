package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;

/**
 * Information governance end to end in headless Chromium, against the real Merseyside police.uk crime
 * data (owned by Merseyside Police, not open data). An administrator adds a partner and an analyst in
 * it on the admin page, and on the datasets page gives that partner aggregate access at LSOA level.
 * The analyst then maps a rare crime type for one month (with aggregate access the map offers every
 * crime type and all of them, periods of a month, a quarter, a year or all months, and every level): every
 * area has a count, adjusted by the server (cell-key method), none hatched, none from 1 to the method's
 * threshold, and one sentence near the legend says small numbers are adjusted to protect people; the
 * analyst also maps the year by MSOA. The analyst sees the agreement, makes (and revokes) an API
 * token for a GIS client, but is refused the admin page; the administrator finds the analyst's sign-in
 * and aggregate access in the audit trail, then withdraws the agreement, which ends the partner's
 * access. A Merseyside Police analyst (record level) sees the individual crimes instead.
 */
@PatchworkIntegrationTest
class GovernanceBrowserIT extends BrowserJourney {

    private static final String CRIME = "merseyside-street-crime-2022";
    private static final String SUPPRESSED = "path.choropleth-area[data-suppressed='true']";
    // "3 crimes", "1 crime", "4" alone: any way a count from 1 to 4 could be shown.
    private static final Pattern SMALL_COUNT = Pattern.compile("(?<![\\d,.–-])[1-4] crimes?\\b");

    private GovernanceSteps steps;

    @org.springframework.beans.factory.annotation.Autowired
    org.patchwork.disclosure.DisclosureProperties disclosure;

    @BeforeEach
    void startSteps() {
        steps = new GovernanceSteps(driver, pages, port);
    }

    @Test
    void sharedCrimeCountsReachAPartnerWithSmallNumbersAdjusted() {
        String suffix = TestAccounts.suffix();
        String partner = "Sefton Council " + suffix;
        String analyst = "analyst-" + suffix;
        String password = "analyst-password-" + suffix;
        String agreement = "Community safety strategic assessment " + suffix;

        pages.signIn("admin", SharedDataDirectory.ADMIN_PASSWORD);
        steps.addPartnerAndAnalyst(partner, analyst, password);
        steps.administratorMayNotShareCrime();
        pages.assertNoConsoleErrors();
        pages.signOut();

        TestAccounts accounts = new TestAccounts(port);
        String policeManager = "police-dm-" + suffix;
        accounts.createUser(policeManager, "Police data manager " + suffix, accounts.partnerId("Merseyside Police"), "data-manager",
                "police-dm-password-" + suffix);
        pages.signIn(policeManager, "police-dm-password-" + suffix);
        steps.shareCrimeWith(partner, agreement);
        pages.assertNoConsoleErrors();
        pages.signOut();

        pages.signIn(analyst, password);
        assertThat(pages.text(".app-header")).contains("Analyst " + suffix, partner + " · Analyst");
        assertThat(driver.findElement(By.cssSelector(".app-nav [data-role='admin']")).isDisplayed()).as("no Admin link").isFalse();
        mapBicycleTheftForMarch("lsoa", true);
        assertSmallNumbersAdjusted();
        pages.screenshot("map-crime-aggregate.png");
        pages.choose("pw-level", "msoa");
        pages.choose("pw-from", "2022-01|2022-12");
        pages.awaitState("ready");
        assertThat(pages.text(".legend-control")).contains("Bicycle theft, Jan–Dec 2022");
        assertThat(pages.count("path.choropleth-area")).as("every MSOA drawn").isPositive();
        assertThat(pages.count(SUPPRESSED)).as("nothing hatched").isZero();
        pages.screenshot("map-crime-aggregate-year-msoa.png");

        pages.open("/datasets.html");
        pages.awaitState("ready");
        driver.findElement(By.cssSelector("tr[data-slug='" + CRIME + "'] .link-button")).click();
        pages.awaitReady("#dataset");
        assertThat(driver.getCurrentUrl()).as("the chosen dataset can be linked to").contains("?dataset=");
        WebElement card = pages.await(".agreement-list article.agreement", a -> a.getText().contains(agreement));
        assertThat(card.getDomAttribute("data-status")).isEqualTo("in-force");
        assertThat(card.getText()).contains("In force", "Crime and Disorder Act 1998", partner, "Aggregate", "LSOA");
        assertThat(pages.text(".access-box")).contains("Aggregate", "small numbers adjusted to protect people");
        assertThat(pages.count("#agreement-form")).as("an analyst may not add agreements").isZero();
        assertThat(pages.count(".agreement button")).as("nor withdraw them").isZero();
        driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", card);
        pages.screenshot("datasets-analyst.png");
        steps.createsUsesAndRevokesAToken(analyst);

        pages.open("/admin.html");
        pages.awaitState("refused");
        assertThat(pages.text("#admin-refused")).contains("Administrators only", "Analyst " + suffix);
        assertThat(driver.findElement(By.id("admin")).isDisplayed()).isFalse();
        pages.screenshot("admin-refused.png");
        pages.assertNoConsoleErrors();
        pages.signOut();

        pages.signIn("admin", SharedDataDirectory.ADMIN_PASSWORD);
        pages.open("/admin.html#audit");
        pages.awaitState("ready");
        pages.awaitReady("#panel-audit [data-state]");
        pages.type(By.id("audit-username"), analyst);
        driver.findElement(By.cssSelector("#audit-form button[type='submit']")).click();
        pages.await("#panel-audit tr[data-action='aggregate-access']", row -> true);
        List<String> actions = driver.findElements(By.cssSelector("#panel-audit tbody tr")).stream()
                .map(row -> row.getDomAttribute("data-username") + " " + row.getDomAttribute("data-action") + " " + row.getDomAttribute("data-outcome"))
                .toList();
        assertThat(actions).contains(analyst + " login allowed", analyst + " aggregate-access allowed")
                .allMatch(row -> row.startsWith(analyst + " "));
        assertThat(pages.text("#panel-audit tbody")).contains(partner, "Street crime, Merseyside 2022", "ogc-counts");
        pages.screenshot("admin-audit.png");

        driver.findElement(By.id("tab-usage")).click();
        pages.awaitReady("#panel-usage [data-state]");
        WebElement usage = pages.await("#panel-usage tbody tr", row -> row.getText().contains(partner));
        assertThat(usage.getText()).contains("Street crime, Merseyside 2022", "aggregate-access");
        pages.screenshot("admin-usage.png");

        steps.withdraw(agreement);
        assertThat(new TestAccounts(port).status("/ogc/collections/" + CRIME + "-by-lsoa/items", analyst, password))
                .as("without an agreement the partner does not even learn the dataset exists").isEqualTo(404);
        pages.assertNoConsoleErrors();
    }

    @Test
    void theOwnersAnalystSeesExactCountsAndIndividualCrimes() {
        String suffix = TestAccounts.suffix();
        String analyst = "police-analyst-" + suffix;
        String password = "police-password-" + suffix;
        TestAccounts accounts = new TestAccounts(port);
        accounts.createUser(analyst, "Police Analyst " + suffix, accounts.partnerId("Merseyside Police"), "analyst", password);

        pages.signIn(analyst, password);
        mapBicycleTheftForMarch("lsoa", false);
        assertThat(pages.text("#pw-access")).startsWith("Record-level access");
        assertThat(pages.count(SUPPRESSED)).as("nothing is suppressed at record level").isZero();
        assertThat(pages.count(".legend-suppressed")).isZero();
        assertThat(driver.findElements(By.cssSelector("path.choropleth-area[data-count]")).stream()
                .map(p -> Integer.parseInt(p.getDomAttribute("data-count"))).filter(c -> c >= 1 && c <= 4).count())
                .as("small counts are shown to the owner").isPositive();

        driver.findElement(By.id("pw-points")).click();
        pages.awaitState("ready");
        long expected = accounts.get("/ogc/collections/" + CRIME + "/items?limit=1&category=Bicycle%20theft&month=2022-03", analyst, password)
                .path("numberMatched").asLong();
        assertThat(expected).isPositive();
        assertThat(pages.count("path.crime-point")).as("every bicycle theft of March 2022").isEqualTo(expected);
        assertThat(pages.text(".legend-points")).contains("(" + expected + " shown)");
        pages.dispatch("path.crime-point", "click");
        pages.await(".leaflet-popup-content", popup -> popup.getText().contains("Bicycle theft") && popup.getText().contains("Mar 2022"));
        pages.screenshot("map-crime-points.png");

        pages.choose("pw-to", "2022-04");
        pages.awaitState("ready");
        assertThat(driver.findElement(By.id("pw-points")).isEnabled()).as("points only for one month").isFalse();
        assertThat(pages.count("path.crime-point")).isZero();
        pages.assertNoConsoleErrors();
    }

    /**
     * Shows the crime theme and maps bicycle theft in March 2022 at the level. With disclosure control
     * (periods) the controls offer all crime types and one Period (all months, a year, a quarter or a
     * month) instead of From and To; otherwise all types, From and To. Every level either way.
     */
    private void mapBicycleTheftForMarch(String level, boolean periods) {
        pages.awaitState("ready");
        WebElement theme = pages.await("#pw-theme option", o -> o.getDomAttribute("value").startsWith("events:"));
        assertThat(theme.getText()).startsWith("Crime");
        pages.choose("pw-theme", theme.getDomAttribute("value"));
        pages.awaitState("ready");
        List<String> types = new Select(driver.findElement(By.id("pw-category"))).getOptions().stream().map(WebElement::getText).toList();
        String fromLabel = driver.findElement(By.cssSelector("label[for='pw-from']")).getDomProperty("textContent");
        List<String> levels = new Select(driver.findElement(By.id("pw-level"))).getOptions().stream().filter(WebElement::isEnabled)
                .map(o -> o.getDomAttribute("value")).toList();
        if (periods) {
            assertThat(types.get(0)).isEqualTo("All crime types");
            assertThat(types).contains("Bicycle theft");
            assertThat(fromLabel).isEqualTo("Period");
            assertThat(driver.findElement(By.id("pw-to")).isDisplayed()).as("no To month").isFalse();
            assertThat(new Select(driver.findElement(By.id("pw-from"))).getOptions().stream().map(WebElement::getText))
                    .contains("All months", "2022", "Jan–Mar 2022", "Mar 2022");
            assertThat(pages.text(".legend-control")).contains("All crime types, all months");
            assertThat(levels).containsExactlyInAnyOrder("lsoa", "msoa", "ward", "district");
        } else {
            assertThat(types.get(0)).isEqualTo("All crime types");
            assertThat(fromLabel).isEqualTo("From");
            assertThat(pages.text(".legend-control")).contains("All crime types, Jan–Nov 2022");
            assertThat(levels).containsExactlyInAnyOrder("lsoa", "msoa", "ward", "district");
        }
        pages.screenshot("map-crime-all-" + pages.text("#pw-access").split(" ")[0].toLowerCase() + ".png");
        pages.choose("pw-level", level);
        pages.chooseText("pw-category", "Bicycle theft");
        if (periods) {
            pages.choose("pw-from", "2022-03|2022-03");
        } else {
            pages.choose("pw-from", "2022-03");
            pages.choose("pw-to", "2022-03");
        }
        pages.awaitState("ready");
        assertThat(driver.executeScript("return document.body.dataset.theme")).asString().startsWith("events:");
        assertThat(pages.count("path.choropleth-area")).as("every LSOA drawn").isGreaterThanOrEqualTo(900);
        assertThat(pages.text(".legend-control")).contains("Bicycle theft, Mar 2022", "Crimes per LSOA");
    }

    /**
     * Every area has a count and none is hatched; none shows a positive count at or below the method's
     * threshold (so no true 1 to 4 appears as itself); the legend says in one sentence that small numbers
     * are adjusted, and no popup, panel or tooltip shows a small count.
     */
    private void assertSmallNumbersAdjusted() {
        int threshold = disclosure.aggregate().threshold();
        assertThat(pages.text("#pw-access")).isEqualTo("Aggregate access. Small numbers are adjusted to protect people, so parts may not add up to totals.");
        assertThat(pages.text(".legend-control")).contains("Small numbers are adjusted to protect people");
        assertThat(pages.count(".legend-suppressed")).isZero();
        assertThat(pages.count(SUPPRESSED)).as("nothing hatched").isZero();
        List<Integer> shown = driver.findElements(By.cssSelector("path.choropleth-area[data-count]")).stream()
                .map(p -> Integer.parseInt(p.getDomAttribute("data-count"))).toList();
        assertThat(shown).as("no area shows a positive count at or below the threshold").noneMatch(c -> c >= 1 && c <= threshold);
        assertThat(shown.size()).as("every area has a count").isEqualTo(pages.count("path.choropleth-area"));

        pages.dispatch("path.choropleth-area[data-count]", "click");
        WebElement popup = pages.await(".leaflet-popup-content", p -> !p.getText().isBlank());
        assertThat(popup.getText()).contains("Bicycle theft, Mar 2022");
        for (String text : List.of(popup.getText(), pages.text("#details"), pages.text(".legend-control"))) {
            assertThat(SMALL_COUNT.matcher(text).find()).as("a count from 1 to 4 in: " + text).isFalse();
        }
        String tooltips = (String) driver.executeScript("""
                return [...document.querySelectorAll(arguments[0])].slice(0, 40).map((path) => {
                  path.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
                  const text = document.querySelector('.leaflet-tooltip')?.textContent ?? '';
                  path.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
                  return text;
                }).join('\\n');""", "path.choropleth-area");
        assertThat(SMALL_COUNT.matcher(tooltips).find()).as("tooltips").isFalse();
    }
}
