package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.program.ProgramType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * AccessibilityBrowserTest's pages at phone width (its own browser, so both widths are checked at
 * once), no sideways scrolling on a phone, and the finder's filters folded away.
 */
class PhoneAccessibilityBrowserTest extends RealSiteInBrowser {

    PhoneAccessibilityBrowserTest() {
        super(375, 812);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edu.rush.gme.browser.AccessibilityBrowserTest#everyPageType")
    void every_page_type_has_no_wcag_violations_at_phone_width(String path) {
        AccessibilityBrowserTest.visit(browser, site, path);
        try {
            Browser.assertAccessible(browser, path + " at 375px");
        } finally {
            browser.manage().deleteAllCookies();
        }
    }

    static Stream<String> pagesOnAPhone() {
        return Stream.of("/", "/about", "/programs", RealContent.first(ProgramType.RESIDENCY).url(), "/news", RealContent.newestStory().url(),
                "/wellness", "/events", "/programs/compare?p=" + RealContent.firstSlugs(4), "/inquiries/new", "/api");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesOnAPhone")
    void nothing_scrolls_sideways_on_a_phone(String path) {
        browser.get(site.url(path));
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as(path).isLessThanOrEqualTo(0L);
    }

    @Test
    void on_a_phone_the_finder_shows_results_first_and_the_filters_open_on_request() {
        browser.get(site.url("/programs?type=fellowship"));
        WebElement panel = browser.findElement(By.cssSelector("details.finder__panel"));
        assertThat(panel.getAttribute("open")).isNull();
        assertThat(browser.findElement(By.id("f-type-fellowship")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("details.finder__panel summary")).click();
        assertThat(browser.findElement(By.id("f-type-fellowship")).isDisplayed()).isTrue();
    }
}
