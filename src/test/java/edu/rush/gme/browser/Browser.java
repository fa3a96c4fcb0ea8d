package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, driven by Selenium; never a downloaded browser. Where they
 * are not installed, browser tests are skipped with a message, except in CI, where they fail.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_PATH", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_PATH", "/usr/bin/chromedriver"));

    /** axe-core's rules for WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Browser() {
    }

    /** One rule a page breaks: axe-core's id, impact and help, and where (CSS selectors of the first elements). */
    record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + String.join(", ", targets);
        }
    }

    /** axe-core as its Selenium package ships it (the package pins the version; its Java runner is not used, see axe). */
    private static final String AXE_SOURCE = axeSource();

    private static String axeSource() {
        try (var in = com.deque.html.axecore.selenium.AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not in com.deque.html.axe-core:selenium any more");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe in the page: answers a JSON array of the violations, each with its elements' selectors
     * (a few), or "axe failed: ..." when axe itself could not run.
     */
    private static final String RUN_AXE = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']}).then(function (results) {
              done(JSON.stringify(results.violations.map(function (rule) {
                return {id: rule.id, impact: rule.impact, help: rule.help,
                        targets: rule.nodes.slice(0, 3).map(function (node) { return node.target.join(' '); })};
              })));
            }, function (error) { done('axe failed: ' + error); });""";

    /**
     * axe-core's WCAG 2.1 AA rules on the page the browser shows, in every frame. axe is put into the
     * page and its frames once (a page that has it already keeps it) and run there, and only the
     * violations come back, as small JSON. This replaces axe-core's Java runner (AxeBuilder): in
     * legacy mode it took two to three times as long per page as axe itself (0.7-0.9 s against
     * 0.3-0.4 s, measured side by side), and its default mode opens a blank window that fails now
     * and then (dequelabs/axe-core-maven-html#616). AccessibilityBrowserTest checks that a violation
     * is still reported.
     */
    static List<Violation> axe(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        putAxeIn(browser);
        for (WebElement frame : browser.findElements(By.tagName("iframe"))) {
            browser.switchTo().frame(frame);
            try {
                putAxeIn(browser);
            } finally {
                browser.switchTo().defaultContent();
            }
        }
        Object answer = page.executeAsyncScript(RUN_AXE, WCAG_AA);
        String json = String.valueOf(answer);
        if (!json.startsWith("[")) {
            throw new AssertionError(json);
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Violation>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void putAxeIn(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(AXE_SOURCE);
        }
    }

    /** No WCAG 2.1 AA violation on the page the browser shows; a failure names each rule and where it broke. */
    static void assertAccessible(WebDriver browser, String what) {
        // A region that says it is updating (the editor's live preview, aria-busy) is audited once it has:
        // axe reads every frame, and a frame that reloads meanwhile is not there to answer.
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(driver -> driver.findElements(By.cssSelector("[aria-busy=true]")).isEmpty());
        List<Violation> violations = axe(browser);
        assertThat(violations).as(what + ": " + violations.stream().map(Violation::toString)
                .collect(Collectors.joining("; "))).isEmpty();
    }

    /**
     * A headless Chromium window of the given size; it cannot reach anything but this machine. On a
     * busy machine starting can fail (the driver's port taken between choosing and binding it,
     * Chromium slow to answer): a second start, with a new port and profile, is not a second chance
     * for a test.
     */
    static ChromeDriver start(int width, int height) {
        return start(width, height, true);
    }

    /**
     * As {@link #start(int, int)}, with JavaScript on or off. A desktop Chromium window is never
     * narrower than 500 px, so a phone's width is the device's metrics emulated as DevTools does
     * (a mobile viewport of exactly that size, which stays for every page the window opens).
     */
    static ChromeDriver start(int width, int height, boolean javaScript) {
        requireInstalled();
        ChromeDriver driver;
        try {
            driver = startOnce(width, height, javaScript);
        } catch (SessionNotCreatedException e) {
            driver = startOnce(width, height, javaScript);
        }
        if (!javaScript) {
            pageScripts(driver, false);
        }
        if (width < PHONE_WIDER_THAN) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
        return driver;
    }

    /**
     * Turns the pages' own scripts off or on, as a browser's "JavaScript blocked" setting does; it
     * holds for every page the window opens next. A page loaded while they were off stays as it was
     * built without them when they are turned on again (axe needs them on to run).
     */
    static void pageScripts(ChromeDriver driver, boolean on) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    /** Below this width a size is a phone's, emulated. */
    private static final int PHONE_WIDER_THAN = 600;

    private static ChromeDriver startOnce(int width, int height, boolean javaScript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("gme-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--mute-audio",
                "--proxy-server=http://127.0.0.1:9", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        // axe runs as an async script; on a loaded 2-core machine a long page can take more than the default 30 s.
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        return driver;
    }

    /**
     * Saves what the window shows as NAME.png in the folder named by the system property
     * gme.screenshots (mvn test -Dgme.screenshots=some/folder), to look at; without it, nothing.
     */
    static void screenshot(ChromeDriver driver, String name) {
        String folder = System.getProperty("gme.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "browser tests need Chromium at " + CHROMIUM + " and ChromeDriver at " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver; or set CHROME_PATH and CHROMEDRIVER_PATH)";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        abort("skipped: " + message);
    }
}
