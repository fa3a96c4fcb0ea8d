package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.staff.Role;
import edu.rush.gme.staff.StaffService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An editor's story in real Chromium, by keyboard only: sign in, open a draft, break a field on
 * purpose (the error summary takes the focus and names the line), fix it, save, then a save over a
 * file someone else changed meanwhile, refused with the difference. Every state passes axe.
 */
class EditorBrowserTest extends RealSiteInBrowser {

    static final String PASSWORD = "plum orchard lantern quietly";
    private Path content;

    @org.junit.jupiter.api.AfterAll
    void deleteFixture() throws IOException {
        if (content != null) {
            try (var files = Files.walk(content.getParent())) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Override
    TestSite startSite() {
        try {
            Path parent = Files.createTempDirectory("editor-browser");
            content = ContentFixture.minimal(parent)
                    .write("news/interviews.md", "---\n# shown in the list of news\ntitle: Interview season opens\ndate: 2026-11-01\n"
                            + "summary: Interviews start soon.\ndraft: true\n---\nDraft text.\n")
                    .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                    .program("beta-peds", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                    .program("gamma-surg", "residency", "Surgery", 5, "[J-1]", true, 5, false, "virtual", "2027-10-15",
                            "related: [alpha-im]\ndraft: true")
                    .dir();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestSite.start(content);
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private void tabTo(String id) {
        // Through the keyboard, not into the focused element: a file input would take a Tab sent to it as a file's name.
        for (int i = 0; i < 60 && !id.equals(focused().getAttribute("id")); i++) {
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(focused().getAttribute("id")).isEqualTo(id);
    }

    private void replaceFocused(String text) {
        focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        focused().sendKeys(text);
    }

    private void signIn(String file) {
        StaffService staff = site.app().services().staff();
        staff.setPassword(staff.addOrReset("editor@example.org", Role.EDITOR, List.of(), "test"), PASSWORD, null);
        browser.get(site.url("/admin/sign-in?next=/admin/edit%3Ffile%3D" + file));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        tabTo("email");
        focused().sendKeys("editor@example.org");
        tabTo("password");
        focused().sendKeys(PASSWORD, Keys.ENTER);
        waitForPath("/admin/edit");
    }

    /** The heading of the page the live preview frame shows now ("" while it has none). */
    private String previewHeading() {
        try {
            browser.switchTo().frame("preview-frame");
            List<WebElement> h1 = browser.findElements(By.tagName("h1"));
            return h1.isEmpty() ? "" : h1.get(0).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException reloading) {
            return "";
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    @Test
    void an_editor_picks_programs_by_keyboard_and_sees_the_preview_as_they_type() {
        signIn("content/programs/gamma-surg.md");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("content/programs/gamma-surg.md");
        // Beside the form (a 1280-pixel window), the page as the site would show it, with the preview banner.
        WebElement frame = browser.findElement(By.id("preview-frame"));
        assertThat(frame.isDisplayed()).isTrue();
        assertThat(frame.getRect().getX()).as("beside the form").isGreaterThan(browser.findElement(By.id("f-title")).getRect().getX() + 300);
        waiting().until(driver -> previewHeading().equals("Surgery Residency"));
        Browser.assertAccessible(browser, "editor with the live preview");

        tabTo("f-title");
        replaceFocused("Surgery Residency, typed live");
        waiting().until(driver -> previewHeading().equals("Surgery Residency, typed live"));

        // The picker: the chosen program listed with its Remove button, the search a combobox.
        WebElement chosen = browser.findElement(By.cssSelector("ul.picker__chosen"));
        assertThat(chosen.getText()).contains("Internal Medicine Residency");
        assertThat(browser.findElement(By.id("f-related")).isDisplayed()).isFalse();
        tabTo("f-related-search");
        assertThat(focused().getAttribute("role")).isEqualTo("combobox");
        focused().sendKeys("pedia");
        waiting().until(driver -> "true".equals(focused().getAttribute("aria-expanded")));
        assertThat(browser.findElement(By.id("f-related-listbox")).getText()).contains("Pediatrics Residency");
        Browser.assertAccessible(browser, "program picker open");
        focused().sendKeys(Keys.ARROW_DOWN);
        String active = focused().getAttribute("aria-activedescendant");
        assertThat(browser.findElement(By.id(active)).getAttribute("aria-selected")).isEqualTo("true");
        focused().sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).as("Enter chooses, it does not submit").contains("/admin/edit?file=");
        assertThat(chosen.getText()).contains("Internal Medicine Residency", "Pediatrics Residency");
        assertThat(browser.findElement(By.id("f-related")).getAttribute("value")).isEqualTo("alpha-im\nbeta-peds\n");
        assertThat(focused().getAttribute("aria-expanded")).isEqualTo("false");
        focused().sendKeys("zzz-nothing");
        waiting().until(driver -> browser.findElement(By.cssSelector(".picker [role=status]")).getText().contains("No programs match"));
        focused().sendKeys(Keys.ESCAPE);
        assertThat(focused().getAttribute("aria-expanded")).isEqualTo("false");
        // Remove by keyboard: Shift+Tab back to the last Remove button.
        replaceFocused("");
        WebElement remove = browser.findElement(By.cssSelector("button[aria-label='Remove Internal Medicine Residency']"));
        for (int i = 0; i < 5 && !focused().equals(remove); i++) {
            focused().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        }
        assertThat(focused()).isEqualTo(remove);
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> browser.findElement(By.id("f-related")).getAttribute("value").equals("beta-peds\n"));
        assertThat(focused().getAttribute("id")).isEqualTo("f-related-search");
        Browser.assertAccessible(browser, "program picker after a removal");
        browser.manage().deleteAllCookies();
    }

    @Test
    void an_editor_edits_a_draft_by_keyboard() throws IOException {
        signIn("content/news/interviews.md");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("content/news/interviews.md");
        Browser.assertAccessible(browser, "editor");

        tabTo("f-title");
        replaceFocused("Interview season opens in December");
        tabTo("f-slug");
        focused().sendKeys("Not A Slug");
        waiting().until(driver -> driver.findElement(By.id("live-check")).getText().contains("'slug' must be lowercase"));
        assertThat(browser.findElement(By.cssSelector("#live-check a")).getAttribute("href")).endsWith("#f-slug");
        Browser.assertAccessible(browser, "editor checking as staff type");
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> !driver.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("content/news/interviews.md:", "'slug' must be lowercase");
        assertThat(focused()).as("the error summary takes the focus").isEqualTo(browser.findElement(By.cssSelector(".error-summary")));
        assertThat(browser.findElement(By.id("f-title")).getAttribute("value")).isEqualTo("Interview season opens in December");
        Browser.assertAccessible(browser, "editor with an error");

        tabTo("f-slug");
        replaceFocused("");
        tabTo("body");
        focused().sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nMore to come.");
        tabTo("f-title");
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().contains("done=saved"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Saved");
        String saved = Files.readString(content.resolve("news/interviews.md"), StandardCharsets.UTF_8);
        assertThat(saved).startsWith("---\n# shown in the list of news\ntitle: \"Interview season opens in December\"\ndate: 2026-11-01\n")
                .contains("More to come.");

        Files.writeString(content.resolve("news/interviews.md"), saved.replace("Interviews start soon.", "Interviews start on Monday."));
        tabTo("f-title");
        replaceFocused("A title nobody will see");
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> !driver.findElements(By.cssSelector("pre.diff")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("pre.diff")).getText()).contains("+title: \"A title nobody will see\"");
        Browser.assertAccessible(browser, "stale save");
        assertThat(Files.readString(content.resolve("news/interviews.md"), StandardCharsets.UTF_8)).contains("Interviews start on Monday.")
                .doesNotContain("nobody");
        browser.manage().deleteAllCookies();
    }
}
