package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramCatalog;
import edu.rush.gme.program.ProgramType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A 390 × 844 phone (an iPhone 12 to 15) with JavaScript: the compact header's Menu and Search,
 * the home page's call to action on the first screen, selecting programs anywhere and comparing
 * them from the bar at the foot of the screen, and the comparison read without sideways scrolling.
 */
class PhoneBrowserTest extends RealSiteInBrowser {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;

    PhoneBrowserTest() {
        super(WIDTH, HEIGHT);
    }

    private double number(String script, Object... args) {
        return ((Number) browser.executeScript(script, args)).doubleValue();
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private List<WebElement> finderBoxes() {
        return browser.findElements(By.cssSelector(".results input.select-box"));
    }

    private String barCount() {
        return find(".selection-bar__count").getText();
    }

    private void freshFinder() {
        browser.get(site.url("/programs"));
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
    }

    @Test
    void the_home_pages_call_to_action_is_on_the_first_screen() {
        browser.get(site.url("/"));
        assertThat(number("return window.innerWidth")).as("the viewport is a phone's").isEqualTo(WIDTH);
        assertThat(number("return window.innerHeight")).isEqualTo(HEIGHT);
        WebElement cta = find(".hero a[href='/programs']");
        assertThat(cta.isDisplayed()).isTrue();
        assertThat(number("return arguments[0].getBoundingClientRect().bottom", cta)).as("'Find a program' ends within the first 844 px")
                .isLessThanOrEqualTo(HEIGHT);
        assertThat(number("return document.querySelector('.site-header').getBoundingClientRect().height"))
                .as("the header is one row").isLessThanOrEqualTo(80);
        Browser.screenshot(browser, "phone-home");
    }

    @Test
    void the_menu_button_opens_and_closes_the_navigation() {
        browser.get(site.url("/news"));
        WebElement button = find("button.site-menu__toggle");
        WebElement panel = find("#" + button.getAttribute("aria-controls"));
        assertThat(button.getText()).isEqualTo("Menu");
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(panel.isDisplayed()).isFalse();
        assertThat(find("nav.site-nav").isDisplayed()).as("the wide navigation gives way to the menu").isFalse();

        button.click();
        assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
        List<SiteConfig.Link> nav = RealContent.snapshot().site().navigation();
        assertThat(panel.findElements(By.tagName("a"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(nav.stream().map(SiteConfig.Link::title).toList());
        assertThat(panel.findElements(By.tagName("a"))).allMatch(WebElement::isDisplayed);
        assertThat(panel.findElement(By.cssSelector("a[aria-current=page]")).getAttribute("href")).endsWith("/news");
        Browser.screenshot(browser, "phone-menu-open");
        Browser.assertAccessible(browser, "/news with the menu open at 390px");

        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(button.getAttribute("aria-expanded")).as("Escape closes the menu").isEqualTo("false");
        assertThat(panel.isDisplayed()).isFalse();
        assertThat(browser.switchTo().activeElement()).as("and leaves the focus on its button").isEqualTo(button);

        button.click();
        assertThat(panel.isDisplayed()).isTrue();
        button.click();
        assertThat(panel.isDisplayed()).as("the button closes what it opened").isFalse();

        button.click();
        // Tap somewhere that is not a link, a control or the menu itself (a story card is a link as a whole).
        Number y = (Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                for (let y = innerHeight - 20; y > 0; y -= 10) {
                  const hit = document.elementFromPoint(arguments[0], y);
                  if (hit && !hit.closest('a, button, input, select, textarea, label, summary, header, .site-menu, .selection-bar')) return y;
                }
                return -1;""", WIDTH / 2);
        assertThat(y.intValue()).as("a plain spot to tap").isPositive();
        new Actions(browser).moveToLocation(WIDTH / 2, y.intValue()).click().perform();
        assertThat(panel.isDisplayed()).as("a tap elsewhere closes the menu").isFalse();

        button.click();
        panel.findElement(By.cssSelector("a[href='" + nav.get(0).url() + "']")).click();
        waitForUrl(nav.get(0).url());
    }

    @Test
    void search_is_one_tap_away_on_every_page() {
        Page<Program> program = RealContent.first(ProgramType.FELLOWSHIP);
        browser.get(site.url(program.url()));
        WebElement box = find("#site-search-q");
        assertThat(box.isDisplayed()).isFalse();
        WebElement search = find("button.site-header__search-link");
        search.click();
        assertThat(search.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(box.isDisplayed()).isTrue();
        assertThat(browser.switchTo().activeElement()).as("ready to type").isEqualTo(box);
        Browser.screenshot(browser, "phone-search-open");
        box.sendKeys("cardiology", Keys.ENTER);
        waitForUrl("/search?q=cardiology");
        assertThat(h1()).isEqualTo("Search");
    }

    @Test
    void ticking_programs_shows_a_bar_at_the_foot_of_the_screen_that_compares_them() {
        freshFinder();
        WebElement bar = find(".selection-bar");
        assertThat(bar.isDisplayed()).as("nothing selected, no bar").isFalse();
        assertThat(browser.findElements(By.cssSelector(".compare-form__submit"))).as("the bar replaces the form's own buttons")
                .noneMatch(WebElement::isDisplayed);

        List<WebElement> boxes = finderBoxes();
        tap(boxes.get(0));
        assertThat(bar.isDisplayed()).isTrue();
        assertThat(barCount()).isEqualTo("1 selected");
        assertThat(find(".selection-bar__hint").getText()).isEqualTo("Select one more to compare.");
        assertThat(find(".selection-bar__compare").isDisplayed()).isFalse();

        tap(boxes.get(1));
        assertThat(barCount()).isEqualTo("2 selected");
        String first = boxes.get(0).getAttribute("value");
        String second = boxes.get(1).getAttribute("value");
        WebElement compare = find(".selection-bar__compare");
        assertThat(compare.getText()).isEqualTo("Compare");
        assertThat(compare.getAttribute("href")).endsWith("/programs/compare?p=" + first + "," + second);

        // Stuck to the foot of the screen wherever the list is scrolled to.
        browser.executeScript("window.scrollTo(0, document.documentElement.scrollHeight / 2)");
        assertThat(number("return arguments[0].getBoundingClientRect().bottom", bar)).isCloseTo(HEIGHT, within(1.0));
        assertThat(number("return arguments[0].getBoundingClientRect().height", bar)).isLessThan(HEIGHT / 5.0);
        Browser.screenshot(browser, "phone-finder-selected");

        for (int i = 2; i < ProgramCatalog.COMPARE_MAX; i++) {
            tap(boxes.get(i));
        }
        assertThat(barCount()).isEqualTo(ProgramCatalog.COMPARE_MAX + " selected");
        WebElement oneTooMany = boxes.get(ProgramCatalog.COMPARE_MAX);
        tap(oneTooMany);
        assertThat(oneTooMany.isSelected()).as("the most a comparison takes is kept").isFalse();
        assertThat(barCount()).isEqualTo(ProgramCatalog.COMPARE_MAX + " selected");
        assertThat(find(".selection-bar__message").getText()).startsWith("You can compare up to " + ProgramCatalog.COMPARE_MAX + " programs at once.")
                .contains(oneTooMany.getAttribute("data-title"));
        Browser.screenshot(browser, "phone-finder-too-many");
        Browser.assertAccessible(browser, "/programs with the selection bar and its message at 390px");

        // The selection follows to a program page, where it can be changed too.
        browser.get(site.url("/programs/" + second));
        WebElement here = find(".select-toggle input.select-box");
        assertThat(here.isDisplayed()).isTrue();
        assertThat(here.isSelected()).isTrue();
        assertThat(barCount()).isEqualTo(ProgramCatalog.COMPARE_MAX + " selected");
        tap(here);
        assertThat(barCount()).isEqualTo((ProgramCatalog.COMPARE_MAX - 1) + " selected");
        Browser.assertAccessible(browser, "a program page with the selection bar at 390px");

        find(".selection-bar__compare").click();
        waitForUrl("/programs/compare?p=");
        assertThat(browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("p=") + 2).split(",")).doesNotContain(second).contains(first);
        assertThat(browser.findElements(By.cssSelector(".compare-stack__programs > li"))).hasSize(ProgramCatalog.COMPARE_MAX - 1);

        // Removed from the comparison, removed from the selection.
        find(".compare-stack__programs a.compare__remove").click();
        int left = ProgramCatalog.COMPARE_MAX - 2;
        waiting().until(d -> d.findElements(By.cssSelector(".compare-stack__programs > li")).size() == left);
        browser.get(site.url("/programs"));
        assertThat(barCount()).isEqualTo((ProgramCatalog.COMPARE_MAX - 2) + " selected");
    }

    @Test
    void what_the_tab_key_reaches_is_never_hidden_under_the_bar() {
        freshFinder();
        tap(finderBoxes().get(0));
        WebElement bar = find(".selection-bar");
        for (int i = 0; i < 16; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            if ((Boolean) browser.executeScript("return arguments[0].contains(arguments[1])", bar, focused)) {
                break;
            }
            assertThat(number("return arguments[0].getBoundingClientRect().bottom", focused))
                    .as("focus %d (%s) is above the bar", i, focused.getText())
                    .isLessThanOrEqualTo(number("return arguments[0].getBoundingClientRect().top", bar) + 1);
        }
    }

    @Test
    void the_bar_lists_what_is_selected_and_clear_empties_it() {
        freshFinder();
        List<WebElement> boxes = finderBoxes();
        tap(boxes.get(0));
        tap(boxes.get(1));
        find(".selection-bar__list summary").click();
        List<WebElement> listed = browser.findElements(By.cssSelector(".selection-bar__list li a"));
        assertThat(listed).extracting(WebElement::getText)
                .containsExactly(boxes.get(0).getAttribute("data-title"), boxes.get(1).getAttribute("data-title"));
        Browser.assertAccessible(browser, "/programs with the selection listed at 390px");

        find(".selection-bar__list li .selection-bar__remove").click();
        assertThat(barCount()).isEqualTo("1 selected");
        assertThat(boxes.get(0).isSelected()).as("removed in the bar, unticked on the card").isFalse();

        find(".selection-bar__clear").click();
        assertThat(find(".selection-bar").isDisplayed()).isFalse();
        assertThat(boxes).noneMatch(WebElement::isSelected);
        browser.navigate().refresh();
        assertThat(find(".selection-bar").isDisplayed()).as("cleared for good").isFalse();
    }

    @Test
    void the_comparison_reads_on_a_phone_without_sideways_scrolling() {
        browser.get(site.url("/programs/compare?p=" + RealContent.firstSlugs(ProgramCatalog.COMPARE_MAX)));
        assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).isLessThanOrEqualTo(0);
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) browser.executeScript("""
                return Array.from(document.querySelectorAll('main *')).filter(e => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
                }).map(e => e.tagName + '.' + e.className);""");
        assertThat(wide).as("no element wider than the screen").isEmpty();
        assertThat(find("table.compare").isDisplayed()).as("the table is for wide screens").isFalse();
        List<WebElement> facts = browser.findElements(By.cssSelector(".compare-stack__fact"));
        assertThat(facts).isNotEmpty().allMatch(WebElement::isDisplayed);
        assertThat(facts).allSatisfy(fact -> assertThat(fact.findElements(By.tagName("dd"))).hasSize(ProgramCatalog.COMPARE_MAX));
        Browser.screenshot(browser, "phone-compare");
        Browser.assertAccessible(browser, "the comparison at 390px");

        find(".compare-stack__programs a.compare__remove").click();
        int left = ProgramCatalog.COMPARE_MAX - 1;
        waiting().until(d -> d.findElements(By.cssSelector(".compare-stack__programs > li")).size() == left);
    }
}
