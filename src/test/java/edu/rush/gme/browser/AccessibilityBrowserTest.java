package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core's WCAG 2.1 A and AA rules on one page of every type, at desktop and phone widths, and
 * no sideways scrolling on a phone. Every new page type joins the list.
 */
class AccessibilityBrowserTest {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    static TestSite site;
    static ChromeDriver desktop;
    static ChromeDriver phone;

    @BeforeAll
    static void start() {
        desktop = Browser.start(1280, 900);
        phone = Browser.start(375, 812);
        site = TestSite.start(Path.of("content"));
    }

    @AfterAll
    static void stop() {
        for (ChromeDriver driver : new ChromeDriver[] {desktop, phone}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/about", "/resources", "/programs", "/programs/residency", "/programs/internal-medicine",
            "/programs/neurology", "/news", "/news/resident-not-in-waiting", "/wellness", "/wellness/wellness-initiatives-in-gme",
            "/no-such-page", "/programs?type=fellowship&visa=H-1B&sort=deadline", "/programs?type=allied-health&visa=H-1B",
            "/programs/medical-physics-residency", "/programs/compare?p=internal-medicine,pediatrics,cardiovascular-disease",
            "/programs/compare?p=internal-medicine", "/search", "/search?q=heart", "/search?q=zebra%20quantum",
            "/search?q=cardiolgy", "/search?q=peds&kind=program&type=fellowship", "/inquiries/new", "/inquiries/new?program=internal-medicine"})
    void every_page_type_has_no_wcag_violations_at_desktop_and_phone_width(String path) {
        for (ChromeDriver browser : new ChromeDriver[] {desktop, phone}) {
            browser.get(site.url(path));
            Results results = new AxeBuilder().withTags(TAGS).analyze(browser);
            assertThat(results.getViolations()).as(path + " at " + width(browser) + "px: " + describe(results.getViolations())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/about", "/programs", "/programs/internal-medicine", "/news", "/news/resident-not-in-waiting", "/wellness",
            "/programs/compare?p=internal-medicine,pediatrics,cardiovascular-disease,neurology", "/inquiries/new"})
    void nothing_scrolls_sideways_on_a_phone(String path) {
        phone.get(site.url(path));
        Long overflow = (Long) ((JavascriptExecutor) phone).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as(path).isLessThanOrEqualTo(0L);
    }

    @org.junit.jupiter.api.Test
    void on_a_phone_the_finder_shows_results_first_and_the_filters_open_on_request() {
        phone.get(site.url("/programs?type=fellowship"));
        org.openqa.selenium.WebElement panel = phone.findElement(org.openqa.selenium.By.cssSelector("details.finder__panel"));
        assertThat(panel.getAttribute("open")).isNull();
        assertThat(phone.findElement(org.openqa.selenium.By.id("f-type-fellowship")).isDisplayed()).isFalse();
        phone.findElement(org.openqa.selenium.By.cssSelector("details.finder__panel summary")).click();
        assertThat(phone.findElement(org.openqa.selenium.By.id("f-type-fellowship")).isDisplayed()).isTrue();
    }

    private static long width(ChromeDriver browser) {
        return (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;");
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
