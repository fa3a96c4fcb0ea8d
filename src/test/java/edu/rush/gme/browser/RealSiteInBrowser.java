package edu.rush.gme.browser;

import edu.rush.gme.RealContent;
import edu.rush.gme.TestSite;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real site over the real content/, and one Chromium window (desktop-sized unless a subclass
 * asks for another size), for a test class. Each class has its own (instance fields, one instance
 * per class), so classes can run side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RealSiteInBrowser {

    private final int width;
    private final int height;
    private final boolean javaScript;
    TestSite site;
    ChromeDriver browser;

    RealSiteInBrowser() {
        this(1280, 900);
    }

    RealSiteInBrowser(int width, int height) {
        this(width, height, true);
    }

    /** A window of this size (a phone's is emulated, see Browser.start), with JavaScript on or off. */
    RealSiteInBrowser(int width, int height, boolean javaScript) {
        this.width = width;
        this.height = height;
        this.javaScript = javaScript;
    }

    @BeforeAll
    void start() {
        browser = Browser.start(width, height, javaScript);
        site = startSite();
    }

    /** The site the window visits: the real content/ unless a subclass brings its own fixture. */
    TestSite startSite() {
        return TestSite.start(RealContent.DIR);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /** Waits for the navigation a click started. */
    void waitForUrl(String part) {
        waiting().until(ExpectedConditions.urlContains(part));
    }

    /**
     * Waits until the window shows the page at this path (the address's path itself, not a part of
     * the whole address: a sign-in form's {@code ?next=/admin/edit} would already contain it).
     */
    void waitForPath(String path) {
        waiting().until(driver -> {
            try {
                return path.equals(java.net.URI.create(driver.getCurrentUrl()).getPath());
            } catch (IllegalArgumentException notYetAnAddress) {
                return false;
            }
        });
    }

    /** Taps an element that leads to another page and waits until that page has replaced this one (its address may start the same). */
    void tapAndWaitForNewPage(org.openqa.selenium.WebElement element) {
        tap(element);
        waiting().until(driver -> isGone(element));
    }

    /**
     * Whether the page that held this element has been replaced. Chromium says so either as a stale
     * element or, when asked while the new document is being put in place, as an "unknown error" that
     * the node no longer belongs to the document (Selenium's {@code stalenessOf} lets that one through).
     */
    private static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** A click on an element brought to the middle of the window, where the selection bar at its foot does not cover it. */
    void tap(org.openqa.selenium.WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }
}
