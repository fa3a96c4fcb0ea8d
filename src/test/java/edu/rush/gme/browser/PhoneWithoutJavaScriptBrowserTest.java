package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.program.ProgramType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The same 390 × 844 phone with JavaScript turned off: the menu is a details element that opens and
 * closes by itself, Search is a link to the search page, and the finder's checkboxes compare
 * programs through its own buttons.
 */
class PhoneWithoutJavaScriptBrowserTest extends RealSiteInBrowser {

    PhoneWithoutJavaScriptBrowserTest() {
        super(PhoneBrowserTest.WIDTH, PhoneBrowserTest.HEIGHT, false);
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    @Test
    void the_menu_opens_and_closes_without_javascript() {
        browser.get(site.url("/about"));
        assertThat(browser.findElements(By.cssSelector("button.site-menu__toggle"))).as("no script ran").isEmpty();
        WebElement summary = find("details.site-menu > summary");
        List<WebElement> links = browser.findElements(By.cssSelector("details.site-menu nav a"));
        assertThat(summary.getText()).isEqualTo("Menu");
        assertThat(links).noneMatch(WebElement::isDisplayed);

        summary.click();
        assertThat(find("details.site-menu").getAttribute("open")).isNotNull();
        assertThat(links).extracting(WebElement::getText).containsExactlyElementsOf(
                RealContent.snapshot().site().navigation().stream().map(SiteConfig.Link::title).toList());
        assertThat(links).allMatch(WebElement::isDisplayed);
        Browser.screenshot(browser, "phone-menu-open-without-javascript");
        Browser.pageScripts(browser, true); // for axe; the page stays as it was built without them
        try {
            Browser.assertAccessible(browser, "/about with the menu open, without JavaScript, at 390px");
        } finally {
            Browser.pageScripts(browser, false);
        }

        summary.click();
        assertThat(links).noneMatch(WebElement::isDisplayed);
    }

    @Test
    void search_is_a_link_to_the_search_page() {
        browser.get(site.url("/news"));
        assertThat(find("#site-search-q").isDisplayed()).isFalse();
        find("a.site-header__search-link").click();
        waitForUrl("/search");
        WebElement box = find("main input[name=q]");
        assertThat(box.isDisplayed()).isTrue();
        assertThat(number("return arguments[0].getBoundingClientRect().bottom", box)).as("on the first screen")
                .isLessThan(PhoneBrowserTest.HEIGHT);
    }

    @Test
    void the_finders_checkboxes_compare_programs_through_its_own_buttons() {
        browser.get(site.url("/programs/fellowship"));
        assertThat(find(".selection-bar").isDisplayed()).as("the bar needs JavaScript").isFalse();
        List<WebElement> buttons = browser.findElements(By.cssSelector(".compare-form__submit button[type=submit]"));
        assertThat(buttons).hasSize(2).allMatch(WebElement::isDisplayed);
        List<WebElement> boxes = browser.findElements(By.cssSelector(".results input[name=p]"));
        tap(boxes.get(0));
        tap(boxes.get(1));
        String first = boxes.get(0).getAttribute("data-title");
        String second = boxes.get(1).getAttribute("data-title");
        tap(buttons.get(0));
        waitForUrl("/programs/compare?p=");
        assertThat(browser.findElements(By.cssSelector(".compare-stack__programs > li > a:first-child"))).extracting(WebElement::getText)
                .containsExactly(first, second);
        assertThat(find(".compare-stack").isDisplayed()).isTrue();

        // Too many: the comparison says so and offers them ticked to choose from.
        browser.navigate().back();
        boxes = browser.findElements(By.cssSelector(".results input[name=p]"));
        for (WebElement box : boxes.subList(0, 5)) {
            if (!box.isSelected()) {
                tap(box);
            }
        }
        tap(browser.findElements(By.cssSelector(".compare-form__submit button[type=submit]")).get(1));
        waitForUrl("/programs/compare?p=");
        assertThat(find(".error-summary").getText()).contains("you chose 5");
        Browser.screenshot(browser, "phone-compare-too-many-without-javascript");
        // The retry leads to another comparison page, whose address starts as this one's does.
        tapAndWaitForNewPage(find(".compare-retry button[type=submit]"));
        waitForUrl("/programs/compare?p=");
        assertThat(browser.findElements(By.cssSelector(".compare-stack__programs > li"))).hasSize(4);
    }

    @Test
    void a_program_page_shows_no_checkbox_that_cannot_work() {
        browser.get(site.url(RealContent.first(ProgramType.RESIDENCY).url()));
        assertThat(find(".select-toggle").isDisplayed()).isFalse();
    }

    private double number(String script, Object... args) {
        return ((Number) browser.executeScript(script, args)).doubleValue();
    }
}
