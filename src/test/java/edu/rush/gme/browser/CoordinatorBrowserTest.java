package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.coordinator.CoordinatorPagesTest;
import edu.rush.gme.db.DatabaseSettings;
import edu.rush.gme.inquiry.Inquiry;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.staff.Role;
import edu.rush.gme.staff.StaffService;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A program coordinator in real Chromium, by keyboard only: signs in, reads their program's inquiries,
 * opens one, marks it answered, then looks at who registered for their event. Every page passes
 * axe's WCAG 2.1 AA rules; another program's inquiry is not there for them.
 */
class CoordinatorBrowserTest extends RealSiteInBrowser {

    private Path temp;
    private Inquiry alpha;
    private Inquiry pharmacy;

    @Override
    TestSite startSite() {
        try {
            temp = java.nio.file.Files.createTempDirectory("gme-coordinator-browser-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestSite started = TestSite.start(Settings.forFolders(CoordinatorPagesTest.content(temp).dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null)));
        InquiryService inquiries = started.app().services().inquiries();
        alpha = CoordinatorPagesTest.ask(inquiries, "alpha-im", "Internal Medicine", "Ada Alpha", "Do you sponsor J-1 visas?\n\nAnd how many interviews are there?");
        pharmacy = CoordinatorPagesTest.ask(inquiries, "zeta-pharm", "Pharmacy", "Paul Pharmacy", "Is there a research month?");
        CoordinatorPagesTest.register(started, "im-open-house", "Ida Seat", "Captions, please");
        CoordinatorPagesTest.register(started, "im-open-house", "Walt Waiting", null);
        StaffService staff = started.app().services().staff();
        staff.setPassword(staff.addOrReset("im-coordinator@example.org", Role.COORDINATOR, List.of("alpha-im"), "test"),
                CoordinatorPagesTest.PASSWORD, null);
        return started;
    }

    @AfterAll
    void deleteFixture() throws java.io.IOException {
        if (temp != null) {
            try (var files = java.nio.file.Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Presses Tab until the element matching the selector has the focus (at most 60 times). */
    private WebElement tabTo(String selector) {
        WebElement target = browser.findElement(By.cssSelector(selector));
        for (int i = 0; i < 60; i++) {
            if (browser.switchTo().activeElement().equals(target)) {
                return target;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    @Test
    void a_coordinator_reads_an_inquiry_and_marks_it_answered_by_keyboard() {
        browser.get(site.url("/admin/inquiries"));
        waiting().until(driver -> driver.getCurrentUrl().contains("/admin/sign-in"));
        tabTo("#email").sendKeys("im-coordinator@example.org");
        tabTo("#password").sendKeys(CoordinatorPagesTest.PASSWORD, Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().endsWith("/admin/inquiries"));
        String table = browser.findElement(By.tagName("table")).getText();
        assertThat(table).contains(alpha.reference(), "Ada Alpha", "Not answered").doesNotContain(pharmacy.reference(), "Paul Pharmacy");
        Browser.assertAccessible(browser, "inquiry list");

        tabTo("a[href='/admin/inquiries/" + alpha.reference() + "']").sendKeys(Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().endsWith("/admin/inquiries/" + alpha.reference()));
        assertThat(browser.findElement(By.cssSelector(".admin-question")).getText()).contains("Do you sponsor J-1 visas?", "And how many interviews are there?");
        assertThat(browser.findElement(By.id("answered-state")).getText()).isEqualTo("Not answered yet");
        Browser.assertAccessible(browser, "one inquiry");

        tabTo("#mark").sendKeys(Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().endsWith("?done=answered"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Marked as answered.");
        assertThat(browser.findElement(By.id("answered-state")).getText()).startsWith("Answered: marked by im-coordinator@example.org on ");
        assertThat(browser.findElement(By.id("mark")).getText()).isEqualTo("Mark as not answered");
        Browser.assertAccessible(browser, "an inquiry marked answered");

        browser.get(site.url("/admin/inquiries?answered=yes"));
        assertThat(browser.findElement(By.tagName("table")).getText()).contains(alpha.reference(), "Answered");
        Browser.assertAccessible(browser, "inquiry list filtered");
        browser.get(site.url("/admin/inquiries/" + pharmacy.reference()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("No such inquiry");

        browser.get(site.url("/admin/registrations"));
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("IM open house").doesNotContain("Pharmacy Q and A");
        Browser.assertAccessible(browser, "registrations");
        tabTo("a[href='/admin/registrations/im-open-house']").sendKeys(Keys.ENTER);
        waiting().until(driver -> driver.getCurrentUrl().endsWith("/admin/registrations/im-open-house"));
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("Ida Seat", "Captions, please", "Walt Waiting", "waitlisted");
        Browser.assertAccessible(browser, "an event's registrations");
        browser.manage().deleteAllCookies();
    }
}
