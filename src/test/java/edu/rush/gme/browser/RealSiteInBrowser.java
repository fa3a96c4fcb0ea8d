package edu.rush.gme.browser;

import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The real site over the real content/, and one desktop-sized Chromium window, for a test class. */
abstract class RealSiteInBrowser {

    static TestSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = Browser.start(1280, 900);
        site = TestSite.start(Path.of("content"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** Waits for the navigation a click started. */
    static void waitForUrl(String part) {
        waiting().until(ExpectedConditions.urlContains(part));
    }
}
