package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** An applicant's path through the real site in real Chromium, with the mouse and with the keyboard alone. */
class ApplicantJourneyBrowserTest extends RealSiteInBrowser {


    @BeforeEach
    void home() {
        browser.get(site.url("/"));
    }


    private String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    @Test
    void goes_from_home_to_programs_to_a_program_to_news_to_a_story() {
        assertThat(h1()).isEqualTo("Take the next step in your medical career");

        browser.findElement(By.linkText("Find a program")).click();
        waitForUrl("/programs");
        assertThat(browser.getCurrentUrl()).endsWith("/programs");
        assertThat(h1()).isEqualTo("Find a program");

        browser.findElement(By.linkText("Pediatrics Residency")).click();
        waitForUrl("/programs/pediatrics");
        assertThat(browser.getCurrentUrl()).endsWith("/programs/pediatrics");
        assertThat(h1()).isEqualTo("Pediatrics Residency");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("Length", "3 years");

        browser.findElement(By.cssSelector("nav[aria-label=Main]")).findElement(By.linkText("News")).click();
        waitForUrl("/news");
        assertThat(browser.getCurrentUrl()).endsWith("/news");
        browser.findElement(By.linkText("Resident Not in Waiting")).click();
        waitForUrl("/news/resident-not-in-waiting");
        assertThat(h1()).isEqualTo("Resident Not in Waiting");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("An interventional radiology resident gets a once-in-a-lifetime education");
    }

    @Test
    void the_first_tab_reveals_a_skip_link_that_moves_focus_to_the_main_content() {
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to main content");
        assertThat(focused.getRect().getY()).as("the skip link comes into view when focused").isGreaterThanOrEqualTo(0);

        focused.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void the_keyboard_alone_reaches_every_main_navigation_link_and_follows_one() {
        List<String> reached = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            reached.add(browser.switchTo().activeElement().getText());
        }
        assertThat(reached).contains("Residency Programs", "Fellowship Programs", "Allied Health", "Wellness", "News", "About", "Other resources");

        while (!browser.switchTo().activeElement().getText().equals("Fellowship Programs")) {
            new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitForUrl("/programs/fellowship");
        assertThat(h1()).isEqualTo("Fellowship Programs");
    }

    @Test
    void focus_is_always_visible() {
        for (int i = 0; i < 6; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            String outline = (String) ((JavascriptExecutor) browser).executeScript(
                    "const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth;", focused);
            assertThat(outline).as("outline of '%s'", focused.getText()).doesNotStartWith("none").doesNotEndWith(" 0px");
        }
    }
}
