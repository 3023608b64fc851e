package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;

/**
 * Signing in and out in headless Chromium: a page asked for while signed out leads to the sign-in form;
 * a wrong password and an unknown user get the same message (so the form does not reveal which user
 * names exist) and stay on the form; the right password lands on the map with the person named in the
 * header; Sign out returns to the form, which says so, and the map then needs signing in again.
 */
@PatchworkIntegrationTest
class SignInBrowserIT extends BrowserJourney {

    @Test
    void signsInWithTheRightPasswordOnlyAndSignsOut() {
        pages.open("/");
        assertThat(pages.path()).as("signed-out visitors are sent to the sign-in page").isEqualTo("/login.html");
        pages.awaitState("ready");
        assertThat(driver.getTitle()).contains("Sign in", "Patchwork");
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("the user name has the focus").isEqualTo("username");
        assertThat(driver.findElement(By.id("sign-in-notice")).isDisplayed()).isFalse();
        pages.screenshot("login.png");

        attempt("admin", "not-the-password", true);
        WebElement error = driver.findElement(By.id("sign-in-error"));
        assertThat(error.getText()).isEqualTo(PatchworkPages.SIGN_IN_FAILED);
        assertThat(error.getDomAttribute("role")).isEqualTo("alert");
        assertThat(pages.path()).isEqualTo("/login.html");
        assertThat(driver.findElement(By.id("password")).getDomProperty("value")).as("password cleared").isEmpty();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).as("ready to try again").isEqualTo("password");

        attempt("nobody-" + TestAccounts.suffix(), "not-the-password", false);
        assertThat(driver.findElement(By.id("sign-in-error")).getText()).as("an unknown user gets the same message")
                .isEqualTo(PatchworkPages.SIGN_IN_FAILED);
        assertThat(pages.path()).isEqualTo("/login.html");
        pages.screenshot("login-failed.png");

        pages.signIn("admin", SharedDataDirectory.ADMIN_PASSWORD);
        pages.awaitState("ready");
        String header = pages.text(".app-header");
        assertThat(header).contains("Patchwork", "Map", "Datasets", "Admin", "Administrator", "Partnership administration", "Sign out");
        assertThat(driver.findElement(By.cssSelector(".app-nav a[href='/']")).getDomAttribute("aria-current")).isEqualTo("page");

        pages.signOut();
        assertThat(driver.getCurrentUrl()).endsWith("/login.html?signed-out");
        assertThat(pages.text("#sign-in-notice")).contains("You have signed out");
        pages.screenshot("login-signed-out.png");

        pages.open("/");
        assertThat(pages.path()).as("the map needs signing in again").isEqualTo("/login.html");
        pages.open("/datasets.html");
        assertThat(pages.path()).isEqualTo("/login.html");

        // The server answers a refused sign-in with 401, which Chromium logs; nothing else may fail.
        List<LogEntry> errors = pages.consoleErrors();
        assertThat(errors).as("console errors other than the two refused sign-ins")
                .filteredOn(entry -> !entry.getMessage().contains("/login - Failed to load resource: the server responded with a status of 401"))
                .isEmpty();
        assertThat(errors).hasSize(2);
    }

    // One sign-in attempt that the server refuses: with Enter from the password field, or with the button.
    private void attempt(String username, String password, boolean withEnter) {
        driver.executeScript("document.body.dataset.state = ''");
        pages.type(By.id("username"), username);
        pages.type(By.id("password"), password + (withEnter ? Keys.ENTER : ""));
        if (!withEnter) {
            driver.findElement(By.cssSelector("#sign-in button[type='submit']")).click();
        }
        new WebDriverWait(driver, PatchworkPages.LOAD).until(d -> "failed".equals(pages.state()));
    }
}
