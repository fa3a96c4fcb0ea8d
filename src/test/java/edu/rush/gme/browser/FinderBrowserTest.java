package edu.rush.gme.browser;

import edu.rush.gme.program.ProgramContent;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.Page;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/** The program finder, comparison and shortlist in real Chromium, over the real catalog. */
class FinderBrowserTest extends RealSiteInBrowser {

    private static int countIn(String label) {
        Matcher m = Pattern.compile("\\((\\d+)\\)").matcher(label);
        assertThat(m.find()).as(label).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The programs listed on this page of results (the counts are over all pages). */
    private int results() {
        return browser.findElements(By.cssSelector(".results > li")).size();
    }

    private static int onOnePage(int matches) {
        return Math.min(matches, edu.rush.gme.program.ProgramController.PAGE_SIZE);
    }

    @Test
    void every_count_shown_is_what_ticking_the_filter_gives() {
        browser.get(site.url("/programs"));
        browser.executeScript("localStorage.clear()"); // no selection bar from another test over the filters
        browser.navigate().refresh();
        int fellowships = countIn(browser.findElement(By.cssSelector("label[for=f-type-fellowship]")).getText());
        browser.findElement(By.id("f-type-fellowship")).click();
        tap(browser.findElement(By.cssSelector(".finder__filters button[type=submit]")));
        waitForUrl("/programs?type=fellowship");
        assertThat(browser.getCurrentUrl()).endsWith("/programs?type=fellowship");
        assertThat(results()).isEqualTo(onOnePage(fellowships));

        int h1b = countIn(browser.findElement(By.cssSelector("label[for=f-visa-H-1B]")).getText());
        tap(browser.findElement(By.id("f-visa-H-1B")));
        tap(browser.findElement(By.cssSelector(".finder__filters button[type=submit]")));
        waitForUrl("visa=H-1B");
        assertThat(results()).isEqualTo(onOnePage(h1b));
        assertThat(browser.findElement(By.cssSelector(".finder__count")).getText()).startsWith(h1b + " of " + RealContent.programs().size() + " programs");

        browser.findElement(By.partialLinkText("Visa sponsorship: Sponsors H-1B visas")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("H-1B"));
        assertThat(results()).isEqualTo(onOnePage(fellowships));
    }

    @Test
    void ticking_programs_compares_them_side_by_side() {
        browser.get(site.url("/programs?type=residency"));
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        List<WebElement> boxes = browser.findElements(By.cssSelector(".results input[name=p]"));
        tap(boxes.get(0));
        tap(boxes.get(1));
        WebElement compare = browser.findElement(By.cssSelector(".selection-bar__compare"));
        assertThat(browser.findElement(By.cssSelector(".selection-bar__count")).getText()).isEqualTo("2 selected");
        compare.click();
        waitForUrl("/programs/compare?p=");
        assertThat(browser.findElements(By.cssSelector("table.compare thead th"))).hasSize(2);
    }

    @Test
    void programs_selected_on_their_pages_stay_selected_and_can_be_compared() {
        Page<Program> first = RealContent.first(ProgramType.RESIDENCY);
        Page<Program> second = RealContent.first(ProgramType.FELLOWSHIP);
        browser.get(site.url(first.url()));
        browser.executeScript("localStorage.clear()");
        browser.navigate().refresh();
        WebElement select = browser.findElement(By.cssSelector(".select-toggle input.select-box"));
        assertThat(select.isDisplayed()).as("the checkbox appears when JavaScript runs").isTrue();
        select.click();
        assertThat(select.isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".selection-bar__count")).getText()).isEqualTo("1 selected");

        browser.get(site.url(second.url()));
        browser.findElement(By.cssSelector(".select-toggle input.select-box")).click();
        WebElement compare = browser.findElement(By.cssSelector(".selection-bar__compare"));
        assertThat(compare.getAttribute("href")).endsWith("/programs/compare?p=" + first.slug() + "," + second.slug());
        Browser.assertAccessible(browser, second.url() + " with the selection bar at 1280px");

        // The finder shows the same selection ticked.
        browser.get(site.url("/programs"));
        assertThat(browser.findElements(By.cssSelector(".results input.select-box")).stream()
                .filter(WebElement::isSelected).map(box -> box.getAttribute("value")).toList())
                .containsExactlyInAnyOrder(first.slug(), second.slug());
        browser.findElement(By.cssSelector(".selection-bar__compare")).click();
        waitForUrl("/programs/compare?p=");
        assertThat(browser.findElements(By.cssSelector("table.compare thead th")).stream().map(WebElement::getText).toList())
                .containsExactly(first.title(), second.title());
    }
}
