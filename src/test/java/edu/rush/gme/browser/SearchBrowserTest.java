package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The header search box in real Chromium: a plain search form, and an ARIA combobox when JavaScript runs. */
class SearchBrowserTest extends RealSiteInBrowser {



    @Test
    void searching_from_the_header_lists_the_program_first() {
        browser.get(site.url("/about"));
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys("ob/gyn", Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/search?q=ob%2Fgyn"));
        assertThat(browser.findElement(By.cssSelector(".search-results__title a")).getText()).isEqualTo("Obstetrics and Gynecology Residency");
    }

    @Test
    void the_search_box_suggests_programs_and_the_keyboard_chooses_one() {
        browser.get(site.url("/"));
        WebElement box = browser.findElement(By.id("site-search-q"));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        box.sendKeys("gastro");
        waiting().until(d -> "true".equals(box.getAttribute("aria-expanded")));
        WebElement list = browser.findElement(By.id(box.getAttribute("aria-controls")));
        assertThat(list.getAttribute("role")).isEqualTo("listbox");
        assertThat(list.findElements(By.cssSelector("[role=option]"))).extracting(WebElement::getText)
                .anyMatch(text -> text.startsWith("Gastroenterology Fellowship"));

        box.sendKeys(Keys.ARROW_DOWN);
        String active = box.getAttribute("aria-activedescendant");
        assertThat(browser.findElement(By.id(active)).getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/programs/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).containsIgnoringCase("Gastroenterology");
    }

    @Test
    void escape_closes_the_suggestions() {
        browser.get(site.url("/"));
        WebElement box = browser.findElement(By.id("site-search-q"));
        box.sendKeys("neuro");
        waiting().until(d -> "true".equals(box.getAttribute("aria-expanded")));
        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findElement(By.id(box.getAttribute("aria-controls"))).isDisplayed()).isFalse();
    }
}
