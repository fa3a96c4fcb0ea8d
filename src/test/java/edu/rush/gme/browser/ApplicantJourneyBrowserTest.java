package edu.rush.gme.browser;

import edu.rush.gme.page.HomePage;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * An applicant's path through the real site in real Chromium, with the mouse and with the keyboard
 * alone. The program, story and navigation links are the ones the content has today.
 */
class ApplicantJourneyBrowserTest extends RealSiteInBrowser {

    @BeforeEach
    void home() {
        browser.get(site.url("/"));
    }

    @Test
    void goes_from_home_to_programs_to_a_program_to_news_to_a_story() {
        String hero = RealContent.snapshot().first(HomePage.TYPE, RealContent.now()).map(home -> home.data().hero().heading())
                .orElse(RealContent.snapshot().site().name());
        assertThat(h1()).isEqualTo(hero);

        browser.findElement(By.linkText("Find a program")).click();
        waitForUrl("/programs");
        assertThat(browser.getCurrentUrl()).endsWith("/programs");
        assertThat(h1()).isEqualTo("Find a program");

        Page<Program> program = RealContent.first(ProgramType.RESIDENCY);
        browser.findElement(By.linkText(program.title())).click();
        waitForUrl(program.url());
        assertThat(browser.getCurrentUrl()).endsWith(program.url());
        assertThat(h1()).isEqualTo(program.title());
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("Length");

        browser.findElement(By.cssSelector("nav.site-nav a[href='/news']")).click();
        waitForUrl("/news");
        assertThat(browser.getCurrentUrl()).endsWith("/news");
        Page<NewsStory> story = RealContent.newestStory();
        browser.findElement(By.linkText(story.title())).click();
        waitForUrl(story.url());
        assertThat(h1()).isEqualTo(story.title());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(story.data().summary());
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
        List<SiteConfig.Link> navigation = RealContent.snapshot().site().navigation();
        List<String> reached = new java.util.ArrayList<>();
        // the skip link, the home link and the search form come first
        for (int i = 0; i < navigation.size() + 5; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            reached.add(browser.switchTo().activeElement().getText());
        }
        assertThat(reached).containsAll(navigation.stream().map(SiteConfig.Link::title).toList());

        SiteConfig.Link chosen = navigation.stream().filter(link -> link.url().startsWith("/") && !link.url().equals("/"))
                .reduce((first, second) -> second).orElseThrow();
        while (!browser.switchTo().activeElement().getText().equals(chosen.title())) {
            new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitForUrl(chosen.url());
        assertThat(browser.getCurrentUrl()).endsWith(chosen.url());
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
