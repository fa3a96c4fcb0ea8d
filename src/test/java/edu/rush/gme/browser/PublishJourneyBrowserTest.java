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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journey issue 13 asks for, in real Chromium: a publisher signs in, creates a story (a draft
 * from the archetype), previews it in a new tab, publishes it (unticks Draft, saves) and finds it on
 * the public news list and its own page within a second; then a second person saves the same file
 * from another session, and the publisher's next save is refused with the difference shown. Every
 * workspace page on the way passes axe.
 */
class PublishJourneyBrowserTest extends RealSiteInBrowser {

    static final String PASSWORD = "harbor lantern orchard quietly";
    private Path content;

    @Override
    TestSite startSite() {
        try {
            content = ContentFixture.minimal(Files.createTempDirectory("publish-journey"))
                    .news("older", "2026-10-01", "An older story")
                    .write("_archetypes/news.md", "---\ntitle: \"Headline\"\ndate: 2026-01-01\nsummary: \"One or two sentences.\"\ndraft: true\n---\nWrite here.\n")
                    .dir();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // As the site runs: the folder is watched, so a save shows through the same reload a hand edit does.
        return TestSite.start(TestSite.watching(content));
    }

    @AfterAll
    void deleteFixture() throws IOException {
        if (content != null) {
            try (var files = Files.walk(content.getParent())) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    @Test
    void a_publisher_creates_previews_publishes_and_a_concurrent_save_is_refused_with_the_difference() throws Exception {
        StaffService staff = site.app().services().staff();
        staff.setPassword(staff.addOrReset("publisher@example.org", Role.PUBLISHER, List.of(), "test"), PASSWORD, null);
        staff.setPassword(staff.addOrReset("colleague@example.org", Role.PUBLISHER, List.of(), "test"), PASSWORD, null);

        browser.get(site.url("/admin/sign-in"));
        Browser.assertAccessible(browser, "sign-in");
        byId("email").sendKeys("publisher@example.org");
        byId("password").sendKeys(PASSWORD);
        byId("password").submit();
        waitForPath("/admin");
        Browser.assertAccessible(browser, "dashboard");

        // Create: a draft from the archetype, opened in the editor.
        browser.get(site.url("/admin/new"));
        Browser.assertAccessible(browser, "new content");
        new org.openqa.selenium.support.ui.Select(byId("type")).selectByValue("news");
        byId("title").sendKeys("Match Day results are in");
        byId("title").submit();
        waitForUrl("/admin/edit?file=content%2Fnews%2Fmatch-day-results-are-in.md");
        assertThat(h1()).contains("content/news/match-day-results-are-in.md");
        assertThat(byId("f-draft").isSelected()).isTrue();
        Browser.assertAccessible(browser, "editor of the new draft");
        tap(byId("f-summary"));
        byId("f-summary").clear();
        byId("f-summary").sendKeys("Every position filled.");
        tap(byId("body"));
        byId("body").clear();
        byId("body").sendKeys("Our residents matched in every program.");

        // Preview: the unsaved text through the story's own page, in a new tab.
        String editorTab = browser.getWindowHandle();
        tap(browser.findElement(By.cssSelector("button[formaction='/admin/edit/preview']")));
        waiting().until(driver -> driver.getWindowHandles().size() == 2);
        String previewTab = browser.getWindowHandles().stream().filter(h -> !h.equals(editorTab)).findFirst().orElseThrow();
        browser.switchTo().window(previewTab);
        waiting().until(driver -> !driver.findElements(By.cssSelector(".preview-banner")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".preview-banner")).getText()).contains("Preview — not saved");
        assertThat(h1()).isEqualTo("Match Day results are in");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Our residents matched in every program.");
        Browser.assertAccessible(browser, "preview of the unsaved draft");
        browser.close();
        browser.switchTo().window(editorTab);
        assertThat(site.get("/news/match-day-results-are-in").status()).as("a draft is not public").isEqualTo(404);

        // Publish: untick Draft and save; the public site shows it within a second.
        tap(byId("f-draft"));
        assertThat(byId("f-draft").isSelected()).isFalse();
        tap(browser.findElement(By.cssSelector("form.editor button[type=submit]:not([formaction])")));
        waitForUrl("done=saved");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Saved");
        Browser.assertAccessible(browser, "editor after publishing");
        long saved = System.nanoTime();
        new WebDriverWait(browser, Duration.ofSeconds(1)).pollingEvery(Duration.ofMillis(50)).until(driver -> {
            driver.get(site.url("/news"));
            return !driver.findElements(By.linkText("Match Day results are in")).isEmpty();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - saved)).as("from the saved page to the story on the news list").isLessThan(Duration.ofSeconds(1));
        tap(browser.findElement(By.linkText("Match Day results are in")));
        waitForUrl("/news/match-day-results-are-in");
        assertThat(h1()).isEqualTo("Match Day results are in");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Our residents matched in every program.");
        assertThat(browser.findElements(By.cssSelector(".preview-banner"))).isEmpty();
        assertThat(site.app().services().staff().auditLog(10).stream().map(e -> e.action() + " " + e.detail()))
                .contains("created content/news/match-day-results-are-in.md", "published content/news/match-day-results-are-in.md");

        // The publisher opens the story again; meanwhile a colleague saves it from another session.
        browser.get(site.url("/admin/edit?file=content/news/match-day-results-are-in.md"));
        byId("f-title").clear();
        byId("f-title").sendKeys("Match Day: every position filled");
        colleagueSaves("content/news/match-day-results-are-in.md", "Our residents matched in every program, again.");
        tap(browser.findElement(By.cssSelector("form.editor button[type=submit]:not([formaction])")));
        waiting().until(driver -> !driver.findElements(By.cssSelector("pre.diff")).isEmpty());
        assertThat(browser.getTitle()).startsWith("Error: ");
        String diff = browser.findElement(By.cssSelector("pre.diff")).getText();
        assertThat(diff).contains("+title: \"Match Day: every position filled\"", "-Our residents matched in every program, again.");
        Browser.assertAccessible(browser, "a save refused because the file changed");
        String onDisk = Files.readString(content.resolve("news/match-day-results-are-in.md"), StandardCharsets.UTF_8);
        assertThat(onDisk).contains("again.").doesNotContain("every position filled\"");

        // A picture for the story, uploaded from the editor: the story becomes a bundle at the same address.
        browser.get(site.url("/admin/edit?file=content/news/match-day-results-are-in.md"));
        Path picture = content.getParent().resolve("Residents at Match Day.png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(32, 18, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", picture.toFile());
        byId("image-image").sendKeys(picture.toString());
        byId("image-alt").sendKeys("Residents opening their envelopes");
        String editor = browser.getWindowHandle();
        tap(browser.findElement(By.cssSelector("form[action='/admin/edit/image'] button[type=submit]")));
        waiting().until(driver -> driver.getWindowHandles().size() == 2);
        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(editor)).findFirst().orElseThrow());
        waiting().until(driver -> !driver.findElements(By.id("image-markdown")).isEmpty());
        assertThat(byId("image-markdown").getText())
                .isEqualTo("![Residents opening their envelopes](/news/match-day-results-are-in/residents-at-match-day.png)");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("content/news/match-day-results-are-in/index.md");
        Browser.assertAccessible(browser, "an image stored");
        browser.close();
        browser.switchTo().window(editor);
        assertThat(site.get("/news/match-day-results-are-in").status()).isEqualTo(200);
        assertThat(site.bytes("/news/match-day-results-are-in/residents-at-match-day.png").body()).isEqualTo(Files.readAllBytes(picture));
        browser.manage().deleteAllCookies();
    }

    /** Another staff member, signed in in another session, opens the file and saves a new text. */
    private void colleagueSaves(String file, String body) {
        TestSite.Response signedIn = site.post("/admin/sign-in", Map.of("email", "colleague@example.org", "password", PASSWORD));
        String cookie = signedIn.header("Set-Cookie");
        String session = "gme_staff=" + cookie.substring("gme_staff=".length(), cookie.indexOf(';'));
        org.jsoup.nodes.Document page = site.get("/admin/edit?file=" + file, "Cookie", session).page();
        Map<String, String> form = new HashMap<>();
        for (Element input : page.select("form.editor input[name], form.editor textarea[name]")) {
            if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                form.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText().replaceFirst("^\n", "") : input.attr("value"));
            }
        }
        form.put("body", body + "\n");
        TestSite.Response saved = site.post("/admin/edit", form, "Content-Type", "application/x-www-form-urlencoded", "Cookie", session,
                "Origin", site.url(""), "Sec-Fetch-Site", "same-origin");
        assertThat(saved.status()).as(saved.text()).isEqualTo(303);
    }
}
