package edu.rush.gme.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.Page;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.NewRegistration;
import edu.rush.gme.event.Registration;
import edu.rush.gme.event.RegistrationService;
import edu.rush.gme.inquiry.ApplicantType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Registering for an event in real Chromium with the keyboard alone, and axe-core's WCAG 2.1 AA rules
 * on every state of the event page, the form and the registrant's page. Over fixtures (one event in
 * each state) at a fixed moment, so the states do not depend on today's content.
 */
abstract class RegistrationInBrowser extends RealSiteInBrowser {

    static final String JOIN = "https://meet.example.org/secret-room-4417";

    /** This class's own fixture folder (made when the site starts; a phone-sized subclass may run beside it). */
    private Path temp;
    private final MutableClock clock = new MutableClock(ContentFixture.CLOCK.instant()); // November 27th 2026, noon in Chicago

    static String event(String title, String start, String end, String more) {
        return "---\ntitle: " + title + "\nsummary: About " + title + ".\nstart: " + start + "\nend: " + end
                + "\nformat: virtual\nplatform: Zoom\njoinLink: " + JOIN + "\n" + more + "---\nWhat happens at " + title + ".\n";
    }

    /** A window of this size: RegistrationBrowserTest's desktop, RegistrationPhoneBrowserTest's phone. */
    RegistrationInBrowser(int width, int height) {
        super(width, height);
    }

    @Override
    TestSite startSite() {
        try {
            temp = java.nio.file.Files.createTempDirectory("gme-registration-browser-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ContentFixture content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("beta-peds", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("gamma-cards", "fellowship", "Cardiology", 3, "[J-1]", true, null, false, "virtual", "2027-10-15", null)
                .write("events/open-house.md", event("Open house", "2026-12-08T18:00", "2026-12-08T19:00", "programs: [alpha-im]\ncapacity: 20\n"))
                .write("events/full-room.md", event("Full room", "2026-12-09T18:00", "2026-12-09T19:00", "programs: [beta-peds]\ncapacity: 1\n"))
                .write("events/later-talk.md", event("Later talk", "2026-12-15T18:00", "2026-12-15T19:00",
                        "registration:\n  opens: 2026-12-01T09:00\n"))
                .write("events/closed-talk.md", event("Closed talk", "2026-12-20T18:00", "2026-12-20T19:00",
                        "registration:\n  closes: 2026-11-20T12:00\n"))
                .write("events/summer-q-and-a.md", event("Summer Q and A", "2026-07-09T18:00", "2026-07-09T19:00",
                        "recording: https://video.example.org/summer\n"))
                .write("events/cancelled-talk.md", event("Cancelled talk", "2027-01-14T12:00", "2027-01-14T13:00", "status: cancelled\n"));
        return TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), clock);
    }

    /** Presses Tab until the focus is on an element matching the selector (at most 40 times), as a keyboard user would. */
    private WebElement tabTo(String selector) {
        for (int i = 0; i < 40; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (!browser.findElements(By.cssSelector(selector)).isEmpty() && focused.equals(browser.findElement(By.cssSelector(selector)))) {
                return focused;
            }
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    @org.junit.jupiter.api.AfterAll
    void deleteFixture() throws java.io.IOException {
        if (temp != null) {
            try (var files = java.nio.file.Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private RegistrationService registrations() {
        return site.app().services().registrations();
    }

    private String ownPage(Registration registration) {
        return "/registrations/" + registrations().links().token(registration.reference());
    }

    @Test
    void registers_with_the_keyboard_alone_after_correcting_a_mistake() {
        browser.get(site.url("/events/open-house"));
        tabTo("a[href='/events/open-house/register']").sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/events/open-house/register"));

        tabTo("#name").sendKeys("Keyboard User");
        tabTo("#email").sendKeys("keys@example");
        tabTo("#applicantType-us-md").sendKeys(Keys.SPACE);
        assertThat(browser.findElement(By.id("applicantType-us-md")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("programs-alpha-im")).isSelected()).as("the event's program is ticked").isTrue();
        tabTo("#accessibility").sendKeys("Captions, please.");
        tabTo("form.form button[type=submit]").sendKeys(Keys.ENTER);

        waiting().until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(browser.getTitle()).startsWith("Error: ");
        assertThat(browser.switchTo().activeElement()).as("the error summary takes the focus").isEqualTo(browser.findElement(By.cssSelector(".error-summary")));
        // Its link moves to the field; the answers are all still there.
        tabTo(".error-summary a").sendKeys(Keys.ENTER);
        WebElement email = browser.switchTo().activeElement();
        assertThat(email.getAttribute("id")).isEqualTo("email");
        assertThat(browser.findElement(By.id("accessibility")).getAttribute("value")).isEqualTo("Captions, please.");
        email.sendKeys(Keys.chord(Keys.CONTROL, "a"), "keys@example.org");
        tabTo("form.form button[type=submit]").sendKeys(Keys.SPACE);

        try {
            waiting().until(ExpectedConditions.urlContains("/registrations/"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(browser.findElement(By.tagName("main")).getText(), e);
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are registered");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your seat for Open house is confirmed.", "Join on Zoom");
        Browser.assertAccessible(browser, "registrant's page, confirmed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/events/open-house", "/events/later-talk", "/events/closed-talk", "/events/cancelled-talk",
            "/events/summer-q-and-a", "/events/open-house/register", "/events/later-talk/register", "/events/summer-q-and-a/register"})
    void every_state_of_the_event_page_and_the_form_has_no_wcag_violations(String path) {
        browser.get(site.url(path));
        Browser.assertAccessible(browser, path);
    }

    @Test
    void the_form_with_errors_and_a_full_event_have_no_wcag_violations() {
        browser.get(site.url("/events/open-house/register"));
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".field__error"))).hasSizeGreaterThanOrEqualTo(3);
        Browser.assertAccessible(browser, "form with errors");

        Page<Event> full = site.app().store().snapshot().findAny(Event.TYPE, "full-room").orElseThrow();
        registrations().register(full, new NewRegistration("full-room", "Seated", "seated@example.org", ApplicantType.IMG, List.of(), null, false), "test");
        browser.get(site.url("/events/full-room/register"));
        assertThat(browser.findElement(By.id("seats")).getText()).startsWith("This event is full: you will join the waitlist");
        Browser.assertAccessible(browser, "form of a full event");
    }

    @Test
    void the_registrants_page_waitlisted_and_cancelled_has_no_wcag_violations() {
        Page<Event> full = site.app().store().snapshot().findAny(Event.TYPE, "full-room").orElseThrow();
        registrations().register(full, new NewRegistration("full-room", "First", "first@example.org", ApplicantType.IMG, List.of(), null, false), "test");
        Registration waiting = registrations().register(full, new NewRegistration("full-room", "Waiting", "waiting@example.org",
                ApplicantType.US_DO, List.of(), null, false), "test").registration();
        assertThat(waiting.isWaitlisted()).isTrue();
        browser.get(site.url(ownPage(waiting)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are on the waitlist");
        Browser.assertAccessible(browser, "registrant's page, waitlisted");

        tabTo("main form button[type=submit]").sendKeys(Keys.ENTER);
        waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("Registration cancelled"));
        Browser.assertAccessible(browser, "registrant's page, cancelled");
    }
}
