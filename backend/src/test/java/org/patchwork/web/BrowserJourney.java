package org.patchwork.web;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user journey in headless Chromium against the server the test started: a fresh browser per test. */
abstract class BrowserJourney {

    @LocalServerPort
    int port;

    HeadlessChromium chromium;
    ChromeDriver driver;
    PatchworkPages pages;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
        pages = new PatchworkPages(driver, port);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }
}
