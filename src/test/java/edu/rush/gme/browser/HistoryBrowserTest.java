package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.staff.Role;
import edu.rush.gme.staff.StaffAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A publisher, by keyboard only in real Chromium, finds what changed in a story, restores its first
 * version (the public page shows it), moves the story to the trash and brings it back. The history,
 * the difference and the trash pass axe's WCAG 2.1 AA rules.
 */
class HistoryBrowserTest extends RealSiteInBrowser {

    static final String PASSWORD = "plum orchard lantern quietly";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
    private Path temp;
    private ContentFixture content;

    @Override
    TestSite startSite() {
        try {
            temp = Files.createTempDirectory("gme-history-browser-");
            content = ContentFixture.minimal(temp).news("alpha", "2026-11-20", "Alpha story");
            try (Git git = Git.init().setDirectory(content.dir().toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setAuthor("Hand Writer", "hand@example.org").setCommitter("Hand Writer", "hand@example.org").setMessage("First content").call();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), clock);
    }

    @AfterAll
    void removeTemp() throws IOException {
        if (temp != null) {
            try (Stream<Path> all = Files.walk(temp)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Tabs until this element has the focus (at most 60 times), as a keyboard user would. */
    private void tabTo(WebElement target) {
        for (int i = 0; i < 60 && !focused().equals(target); i++) {
            focused().sendKeys(Keys.TAB);
        }
        assertThat(focused()).isEqualTo(target);
    }

    @Test
    void a_publisher_compares_and_restores_a_version_and_uses_the_trash_by_keyboard() throws Exception {
        var staff = site.app().services().staff();
        String token = staff.addOrReset("pat.publisher@example.org", Role.PUBLISHER, List.of(), "test");
        assertThat(staff.setPassword(token, PASSWORD, "127.0.0.1")).isPresent();
        StaffAccount editor = staff.accounts().get(0);
        Path story = content.dir().resolve("news/alpha.md");
        Files.writeString(story, "---\ntitle: Alpha story\ndate: 2026-11-20\nsummary: Summary of Alpha story.\n---\nA rewritten body.\n");
        clock.advance(Duration.ofMinutes(5));
        site.app().services().history().recorded(story, editor, "Rewrite the story");
        site.app().store().reload();

        browser.get(site.url("/admin/sign-in?next=/admin/history?file=content/news/alpha.md"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        tabTo(browser.findElement(By.id("email")));
        focused().sendKeys("pat.publisher@example.org");
        tabTo(browser.findElement(By.id("password")));
        focused().sendKeys(PASSWORD, Keys.ENTER);
        waitForPath("/admin/history");
        assertThat(h1()).isEqualTo("History of content/news/alpha.md");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        Browser.assertAccessible(browser, "history of a story");

        List<WebElement> differences = browser.findElements(By.partialLinkText("Show the difference"));
        tabTo(differences.get(1));
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> !driver.findElements(By.cssSelector(".admin-diff")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".admin-diff")).getText()).contains("-Body of Alpha story.", "+A rewritten body.");
        Browser.assertAccessible(browser, "difference to the current file");

        List<WebElement> restores = browser.findElements(By.xpath("//button[starts-with(normalize-space(.), 'Restore this version')]"));
        tabTo(restores.get(1));
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().contains("done=restored"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("The version was restored");
        assertThat(browser.findElements(By.cssSelector("tbody tr")).get(0).getText()).contains("Restored content/news/alpha.md", "pat.publisher@example.org");
        Browser.assertAccessible(browser, "history after a restore");
        assertThat(site.get("/news/alpha").text()).contains("Body of Alpha story.").doesNotContain("A rewritten body.");

        tabTo(browser.findElement(By.xpath("//button[starts-with(normalize-space(.), 'Move content/news/alpha.md to the trash')]")));
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().contains("/admin/trash"));
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("content/news/alpha.md", "pat.publisher@example.org");
        Browser.assertAccessible(browser, "trash");
        assertThat(site.get("/news/alpha").status()).isEqualTo(404);

        tabTo(browser.findElement(By.xpath("//button[starts-with(normalize-space(.), 'Restore')]")));
        focused().sendKeys(Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().contains("done=restored"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("content/news/alpha.md was put back");
        Browser.assertAccessible(browser, "empty trash");
        assertThat(site.get("/news/alpha").status()).isEqualTo(200);
    }
}
