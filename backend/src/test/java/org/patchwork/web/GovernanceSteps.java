package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Steps of {@link GovernanceBrowserIT} on the admin and datasets pages: adding a partner and a user,
 * sharing the crime data through an agreement (its owner's data manager) and withdrawing it (an
 * administrator), and an API token's life.
 */
final class GovernanceSteps {

    private static final String CRIME = "merseyside-street-crime-2022";

    private final ChromeDriver driver;
    private final PatchworkPages pages;
    private final int port;

    GovernanceSteps(ChromeDriver driver, PatchworkPages pages, int port) {
        this.driver = driver;
        this.pages = pages;
        this.port = port;
    }

    // On the datasets page: a token is shown once, works as a Bearer token, and stops working when revoked.
    void createsUsesAndRevokesAToken(String owner) {
        TestAccounts accounts = new TestAccounts(port);
        pages.awaitReady("#token-panel [data-state]");
        pages.type(By.id("token-name"), "QGIS " + owner);
        driver.findElement(By.cssSelector("#token-form button[type='submit']")).click();
        WebElement shown = pages.await("#token-value", field -> !field.getDomProperty("value").isBlank());
        String token = shown.getDomProperty("value");
        assertThat(pages.text("#token-panel .message-success")).contains("it will not be shown again");
        assertThat(accounts.statusWithToken("/ogc/collections/" + CRIME + "-by-lsoa/items?category=Bicycle%20theft&from=2022-03&to=2022-03",
                token)).as("the token reads what its owner may read").isEqualTo(200);
        assertThat(accounts.statusWithToken("/ogc/collections/" + CRIME + "-by-lsoa/items?category=Bicycle%20theft", token))
                .as("all months (adjusted counts)").isEqualTo(200);
        assertThat(accounts.statusWithToken("/ogc/collections/" + CRIME + "-by-lsoa/items?category=Bicycle%20theft&from=2022-01&to=2022-02", token))
                .as("but not months that are not one month, a quarter or a year").isEqualTo(400);
        assertThat(accounts.statusWithToken("/ogc/collections/" + CRIME + "/items", token))
                .as("and no more: points need record-level access").isEqualTo(403);
        driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", shown);
        pages.screenshot("datasets-token.png");

        WebElement row = pages.await("#token-panel tbody tr", r -> r.getText().contains("QGIS " + owner) && r.getText().contains("Active"));
        row.findElement(By.tagName("button")).click();
        pages.await("#token-panel tbody tr", r -> r.getText().contains("QGIS " + owner) && r.getText().contains("Revoked"));
        assertThat(accounts.statusWithToken("/api/datasets", token)).as("a revoked token is refused").isEqualTo(401);
    }

    void addPartnerAndAnalyst(String partner, String analyst, String password) {
        pages.open("/admin.html#partners");
        pages.awaitState("ready");
        pages.awaitReady("#panel-partners [data-state]");
        pages.type(By.id("partner-name"), partner);
        pages.choose("partner-kind", "council");
        driver.findElement(By.cssSelector("#partner-form button[type='submit']")).click();
        pages.await("#panel-partners tbody tr", row -> row.getText().contains(partner));
        assertThat(pages.text("#panel-partners .message-success")).contains(partner);
        pages.screenshot("admin-partners.png");

        driver.findElement(By.id("tab-users")).click();
        pages.awaitReady("#panel-users [data-state]");
        pages.type(By.id("user-username"), analyst);
        pages.type(By.id("user-display-name"), "Analyst " + analyst.substring(analyst.indexOf('-') + 1));
        pages.chooseText("user-partner", partner);
        pages.choose("user-role", "analyst");
        pages.type(By.id("user-password"), password);
        driver.findElement(By.cssSelector("#user-form button[type='submit']")).click();
        WebElement row = pages.await("#panel-users tr[data-username='" + analyst + "']", r -> true);
        assertThat(row.getText()).contains(partner);
        assertThat(row.getDomAttribute("data-enabled")).isEqualTo("true");
        pages.screenshot("admin-users.png");
    }

    // An administrator sees the crime data's metadata and agreements but may not make one (separation of duties).
    void administratorMayNotShareCrime() {
        pages.open("/datasets.html");
        pages.awaitState("ready");
        driver.findElement(By.cssSelector("tr[data-slug='" + CRIME + "'] .link-button")).click();
        pages.awaitReady("#dataset");
        pages.awaitReady(".agreement-list");
        assertThat(pages.text(".access-box")).as("administrators see metadata only").contains("Metadata only");
        assertThat(pages.count("#agreement-form")).as("administrators may not make agreements").isZero();
        assertThat(pages.text("#agreements")).contains("administrators can withdraw them");
    }

    // The crime data's owner (a Merseyside Police data manager) shares it.
    void shareCrimeWith(String partner, String title) {
        pages.open("/datasets.html");
        pages.awaitState("ready");
        driver.findElement(By.cssSelector("tr[data-slug='" + CRIME + "'] .link-button")).click();
        pages.awaitReady("#dataset");
        pages.awaitReady(".agreement-list");
        driver.findElement(By.cssSelector("#agreements summary")).click();
        pages.await("#agreement-partner option", option -> option.getText().startsWith(partner));
        pages.type(By.id("agreement-title"), title);
        pages.type(By.id("agreement-purpose"), "Strategic assessment of crime and disorder for the community safety partnership");
        pages.type(By.id("agreement-legal-basis"), "Crime and Disorder Act 1998 s.115");
        pages.chooseText("agreement-partner", partner + " (Council)");
        pages.choose("agreement-level", "aggregate");
        pages.choose("agreement-geography", "lsoa");
        driver.findElement(By.cssSelector("#agreement-form button[type='submit']")).click();
        WebElement card = pages.await(".agreement-list article.agreement", a -> a.getText().contains(title));
        assertThat(card.getText()).contains("In force", partner, "Aggregate", "LSOA");
        assertThat(pages.text("#agreements .message-success")).contains(title);
        driver.executeScript("arguments[0].scrollIntoView({ block: 'start' })", card);
        pages.screenshot("datasets-agreement.png");
    }

    void withdraw(String title) {
        pages.open("/datasets.html");
        pages.awaitState("ready");
        driver.findElement(By.cssSelector("tr[data-slug='" + CRIME + "'] .link-button")).click();
        pages.awaitReady("#dataset");
        WebElement card = pages.await(".agreement-list article.agreement", a -> a.getText().contains(title));
        card.findElement(By.xpath(".//button[normalize-space()='Withdraw…']")).click();
        WebElement confirm = card.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Confirm')]"));
        assertThat(driver.switchTo().activeElement()).as("focus moves to the confirmation").isEqualTo(confirm);
        confirm.click();
        WebElement withdrawn = pages.await(".agreement-list article.agreement", a -> a.getText().contains(title)
                && "withdrawn".equals(a.getDomAttribute("data-status")));
        assertThat(withdrawn.getText()).contains("Withdrawn").doesNotContain("Withdraw…");
    }
}
