package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.Page;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The header search box in real Chromium: a plain search form, and an ARIA combobox when JavaScript
 * runs. It searches for a program the content has today.
 */
class SearchBrowserTest extends RealSiteInBrowser {

    private final Page<Program> program = RealContent.first(ProgramType.FELLOWSHIP);

    @Test
    void searching_from_the_header_lists_the_program() {
        browser.get(site.url("/about"));
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys(program.title(), Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/search?q="));
        assertThat(browser.findElements(By.cssSelector(".search-results__title a"))).extracting(WebElement::getText)
                .contains(program.title());
    }

    @Test
    void the_search_box_suggests_programs_and_the_keyboard_chooses_one() {
        browser.get(site.url("/"));
        WebElement box = browser.findElement(By.id("site-search-q"));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys(program.title());
        waiting().until(d -> "true".equals(box.getAttribute("aria-expanded")));
        WebElement list = browser.findElement(By.id(box.getAttribute("aria-controls")));
        assertThat(list.getAttribute("role")).isEqualTo("listbox");
        assertThat(list.findElements(By.cssSelector("[role=option]"))).extracting(WebElement::getText)
                .anyMatch(text -> text.startsWith(program.title()));

        box.sendKeys(Keys.ARROW_DOWN);
        WebElement chosen = browser.findElement(By.id(box.getAttribute("aria-activedescendant")));
        assertThat(chosen.getAttribute("aria-selected")).isEqualTo("true");
        String title = chosen.getText().lines().findFirst().orElseThrow();
        box.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/programs/"));
        assertThat(h1()).as("the page of the chosen suggestion").isEqualTo(title);
    }

    @Test
    void escape_closes_the_suggestions() {
        browser.get(site.url("/"));
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys(program.title());
        waiting().until(d -> "true".equals(box.getAttribute("aria-expanded")));
        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findElement(By.id(box.getAttribute("aria-controls"))).isDisplayed()).isFalse();
    }
}
