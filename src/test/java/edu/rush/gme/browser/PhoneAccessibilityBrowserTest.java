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

    /**
     * Every page type of AccessibilityBrowserTest's list, without the variants whose difference is
     * content, not layout (other filters of the finder, other queries of search, other numbers of
     * programs compared, other preview links, an event list filtered): at this width what changes is
     * the layout (the header's menu, the finder's folded filters, stacked tables, the compare bar),
     * and the desktop test audits every variant. About a third of this class's time was variants.
     */
    static Stream<String> everyLayout() {
        java.util.Set<String> variants = java.util.Set.of("/events?audience=international-graduates", "/programs?window=ahead&sort=deadline",
                "/programs?type=fellowship&visa=H-1B&sort=deadline", "/programs?type=allied-health&visa=H-1B",
                "/programs/compare?p=" + RealContent.firstSlugs(1), "/programs/compare?p=" + RealContent.firstSlugs(5),
                "/search?q=zebra%20quantum", "/search?q=cardiolgy", "/search?q=peds&kind=program&type=fellowship",
                "/inquiries/new?program=" + RealContent.first(ProgramType.RESIDENCY).slug(),
                AccessibilityBrowserTest.PREVIEW_EXPIRED, AccessibilityBrowserTest.PREVIEW_AS_OF);
        java.util.List<String> all = AccessibilityBrowserTest.everyPageType().toList();
        assertThat(all).as("the variants left out are still audited at desktop width").containsAll(variants);
        return all.stream().filter(path -> !variants.contains(path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLayout")
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
