package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do on Patchwork's pages, in the person's terms: sign in through the sign-in
 * form, sign out with the header's button, wait for a page to report its state ({@code body[data-state]}),
 * fill fields, take screenshots (into {@code backend/target/screenshots}), and collect the console's
 * errors across every page visited.
 */
final class PatchworkPages {

    static final Duration LOAD = Duration.ofSeconds(60);
    static final String SIGN_IN_FAILED = "The user name or password is not right, or the account is disabled.";

    private final ChromeDriver driver;
    private final String base;
    private final List<LogEntry> severe = new ArrayList<>();

    PatchworkPages(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    String url(String path) {
        return base + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    /** Signs in through the form (submitting with Enter, as from the keyboard) and waits for the map page. */
    void signIn(String username, String password) {
        open("/login.html");
        awaitState("ready");
        type(By.id("username"), username);
        type(By.id("password"), password + Keys.ENTER);
        new WebDriverWait(driver, LOAD).until(d -> "/".equals(path()) && !"loading".equals(state()));
    }

    /** Presses Sign out in the header and waits for the sign-in page that says so. */
    void signOut() {
        driver.findElement(By.cssSelector(".app-header [data-action='sign-out']")).click();
        new WebDriverWait(driver, LOAD).until(d -> "/login.html".equals(path()) && "ready".equals(state()));
    }

    String path() {
        return (String) driver.executeScript("return location.pathname");
    }

    String state() {
        return (String) driver.executeScript("return document.body.dataset.state");
    }

    /** Waits for body[data-state]; fails at once, with the page's text, if it reports error or empty instead. */
    void awaitState(String wanted) {
        new WebDriverWait(driver, LOAD).until(d -> {
            String state = state();
            if (!wanted.equals(state) && List.of("error", "empty").contains(state)) {
                throw new AssertionError("The page is in state '" + state + "': " + driver.findElement(By.tagName("main")).getText());
            }
            return wanted.equals(state);
        });
    }

    /** Waits for an element's data-state to be ready (lists, tables and panels that load on their own). */
    WebElement awaitReady(String css) {
        return wait(LOAD).until(d -> {
            List<WebElement> found = driver.findElements(By.cssSelector(css));
            if (found.isEmpty()) {
                return null;
            }
            String state = found.get(0).getDomAttribute("data-state");
            if ("error".equals(state)) {
                throw new AssertionError(css + " failed to load: " + found.get(0).getText());
            }
            return "ready".equals(state) ? found.get(0) : null;
        });
    }

    /** The first element matching css and the condition, once there is one; lists redrawn meanwhile are read again. */
    WebElement await(String css, Predicate<WebElement> condition) {
        return wait(LOAD).until(d -> driver.findElements(By.cssSelector(css)).stream()
                .filter(condition).findFirst().orElse(null));
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Gives a file input a file, as choosing it in the browser's file dialog would. */
    void attach(String inputId, Path file) {
        driver.findElement(By.id(inputId)).sendKeys(file.toAbsolutePath().toString());
    }

    void choose(String selectId, String value) {
        new Select(driver.findElement(By.id(selectId))).selectByValue(value);
    }

    void chooseText(String selectId, String visibleText) {
        new Select(driver.findElement(By.id(selectId))).selectByVisibleText(visibleText);
    }

    long count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Leaflet listens for mouse events on the map and finds the area from the event target, as for a real pointer. */
    void dispatch(String css, String type) {
        driver.executeScript("""
                const target = document.querySelector(arguments[0]);
                const box = target.getBoundingClientRect();
                target.dispatchEvent(new MouseEvent(arguments[1], { bubbles: true, cancelable: true, view: window,
                    clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }));
                """, css, type);
    }

    void screenshot(String name) {
        try {
            Path directory = Files.isDirectory(Path.of("backend")) ? Path.of("backend", "target", "screenshots")
                    : Path.of("target", "screenshots");
            Files.createDirectories(directory);
            Files.write(directory.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SEVERE console entries since the browser started (the driver hands each entry out once, so they are kept). */
    List<LogEntry> consoleErrors() {
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .forEach(severe::add);
        return List.copyOf(severe);
    }

    void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
    }
}
