package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.web.ManyProgramsFormsTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The program fields of a site with more programs than a form lists, in real Chromium with the
 * keyboard alone: typing lists matches in an ARIA 1.2 combobox, the arrows move through them, Enter
 * chooses (the question form) or adds a ticked box (the registration form), and axe-core finds no
 * WCAG 2.1 AA violation with the list open or closed. Over ManyProgramsFormsTest's fixture.
 */
class ManyProgramsBrowserTest extends RealSiteInBrowser {

    private Path temp;

    @Override
    TestSite startSite() {
        try {
            temp = Files.createTempDirectory("gme-many-programs-browser-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return TestSite.start(Settings.forFolders(ManyProgramsFormsTest.content(temp).dir(), Path.of("static")),
                new MutableClock(ContentFixture.CLOCK.instant()));
    }

    @AfterAll
    void deleteFixture() throws java.io.IOException {
        if (temp != null) {
            try (var files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    @Test
    void the_question_form_s_program_is_chosen_from_the_list_by_keyboard_and_sent() {
        browser.get(site.url("/inquiries/new"));
        WebElement program = browser.findElement(By.id("program"));
        waiting().until(d -> "combobox".equals(program.getAttribute("role")));
        assertThat(program.getAttribute("aria-expanded")).isEqualTo("false");
        program.click();
        keys("pediatrics");
        waiting().until(d -> "true".equals(program.getAttribute("aria-expanded")));
        assertThat(browser.findElements(By.cssSelector("#program-listbox [role=option]"))).extracting(WebElement::getText)
                .containsExactly("Pediatrics Residency (Residency)", "Pediatrics Residency (Residency)");
        keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(program.getAttribute("aria-activedescendant")).isEqualTo("program-option-1");
        assertThat(browser.findElement(By.id("program-option-1")).getAttribute("aria-selected")).isEqualTo("true");
        Browser.assertAccessible(browser, "the question form with the list of programs open");
        keys(Keys.ENTER);
        assertThat(program.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(program.getAttribute("value")).isEqualTo("Pediatrics Residency");
        assertThat(focused()).isEqualTo(program);
        assertThat(browser.findElement(By.cssSelector("input[type=hidden][name=program]")).getAttribute("value")).isEqualTo("peds-south");

        browser.findElement(By.id("name")).sendKeys("Keyboard User");
        browser.findElement(By.id("email")).sendKeys("keys@example.org");
        browser.findElement(By.id("message")).sendKeys("Is there a research track?");
        Browser.assertAccessible(browser, "the question form with a program chosen");
        browser.findElement(By.cssSelector("form.form button[type=submit]")).sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlMatches("/inquiries/Q-"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Pediatrics Residency");
        assertThat(site.app().services().inquiries().list(ContentFixture.CLOCK.instant().minusSeconds(1), null))
                .extracting(i -> i.content().programSlug()).contains("peds-south");
    }

    @Test
    void the_registration_form_adds_a_program_from_the_list_by_keyboard() {
        browser.get(site.url("/events/open-day/register"));
        WebElement add = browser.findElement(By.id("programs-name"));
        waiting().until(d -> "combobox".equals(add.getAttribute("role")));
        add.click();
        keys("vascular");
        waiting().until(d -> "true".equals(add.getAttribute("aria-expanded")));
        keys(Keys.ARROW_DOWN, Keys.ENTER);
        WebElement box = browser.findElement(By.id("programs-vascular-surg"));
        assertThat(box.isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("label[for=programs-vascular-surg]")).getText()).isEqualTo("Vascular Surgery Fellowship (Fellowship)");
        assertThat(add.getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("programs-alpha-im")).isSelected()).isTrue();
        Browser.assertAccessible(browser, "the registration form with a program added");
    }
}
