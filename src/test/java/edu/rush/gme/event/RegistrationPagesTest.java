package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.web.TrustedProxies;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering for an event on the web, against the real server and a real SQLite file: the form
 * and its messages, the registrant's own page (the only one with the join link), the waitlist,
 * cancelling by POST, the page for an address registered already, and an event page that changes
 * when registration opens and closes.
 */
class RegistrationPagesTest {

    static final String JOIN = EventPagesTest.JOIN;

    @TempDir
    Path temp;

    final MutableClock clock = new MutableClock(ContentFixture.CLOCK.instant()); // Friday, November 27th 2026, noon in Chicago
    private TestSite site;
    private final AtomicInteger clients = new AtomicInteger();

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    static ContentFixture content(Path temp) {
        return ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("beta-peds", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .write("events/small-room.md", EventPagesTest.event("Small room", "2026-12-08T18:00", "2026-12-08T19:00",
                        "programs: [alpha-im]\ncapacity: 2\n"))
                .write("events/later-talk.md", EventPagesTest.event("Later talk", "2026-12-15T18:00", "2026-12-15T19:00",
                        "programs: [beta-peds]\nregistration:\n  opens: 2026-12-01T09:00\n  closes: 2026-12-10T12:00\n"))
                .write("events/summer-q-and-a.md", EventPagesTest.event("Summer Q and A", "2026-07-09T18:00", "2026-07-09T19:00",
                        "programs: [alpha-im]\nrecording: https://video.example.org/summer\n"))
                .write("events/cancelled-talk.md", EventPagesTest.event("Cancelled talk", "2027-01-14T12:00", "2027-01-14T13:00",
                        "programs: [alpha-im]\nstatus: cancelled\n"));
    }

    TestSite start() {
        // Behind a proxy, so each test client can come from its own address (the limit counts per address).
        site = TestSite.start(Settings.forFolders(content(temp).dir(), Path.of("static")).withProxies(TrustedProxies.one()), clock);
        return site;
    }

    static Map<String, String> person(String name, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("email", email);
        form.put("applicantType", "img");
        form.put("programs", "alpha-im");
        form.put("accessibility", "Captions, please.");
        form.put("website", "");
        return form;
    }

    /** A form sent by a browser on a page of the site, from a client address of its own. */
    TestSite.Response post(String path, Map<String, String> form) {
        return site.post(path, form, "Content-Type", "application/x-www-form-urlencoded",
                "Origin", site.url(""), "Sec-Fetch-Site", "same-origin", "X-Forwarded-For", "198.51.100." + clients.incrementAndGet());
    }

    /** Registers and returns the registrant's page address. */
    String register(String event, String name, String email) {
        TestSite.Response sent = post("/events/" + event + "/register", person(name, email));
        assertThat(sent.status()).as(sent.text()).isEqualTo(303);
        assertThat(sent.header("Location")).startsWith("/registrations/");
        return sent.header("Location");
    }

    @Test
    void the_form_says_when_how_many_seats_are_left_and_ticks_the_events_programs() {
        start();
        TestSite.Response form = site.get("/events/small-room/register");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Cache-Control")).isEqualTo("no-store");
        Document page = form.page();
        assertThat(page.select("h1").text()).isEqualTo("Register for Small room");
        assertThat(page.selectFirst("time").attr("datetime")).isEqualTo("2026-12-08T18:00-06:00");
        assertThat(page.text()).contains("Tuesday, December 8, 2026, 6:00 PM – 7:00 PM CST").contains("2 seats left.")
                .contains("Registration is open until Tuesday, December 8, 2026, 6:00 PM CST.");
        assertThat(page.select("form[method=post]").attr("action")).isEqualTo("/events/small-room/register");
        assertThat(page.select("input[name=formToken]").val()).isNotBlank();
        assertThat(page.select("input[name=website]").attr("tabindex")).isEqualTo("-1");
        assertThat(page.select("input[name=applicantType]").eachAttr("value")).containsExactly("us-md", "us-do", "img", "other");
        assertThat(page.select("input[name=programs][checked]").eachAttr("value")).containsExactly("alpha-im");
        assertThat(page.select("input[name=programs]").eachAttr("value")).containsExactly("alpha-im", "beta-peds");
        assertThat(page.select("textarea#accessibility")).hasSize(1);
        assertThat(page.select("link[rel=canonical]").attr("href")).endsWith("/events/small-room/register");
        assertThat(page.html()).doesNotContain(JOIN);
        assertThat(site.get("/events/no-such-event/register").status()).isEqualTo(404);
    }

    @Test
    void a_form_with_mistakes_comes_back_with_a_summary_a_message_at_each_field_and_everything_typed() {
        start();
        Map<String, String> form = person(" ", "ada@example");
        form.put("applicantType", "astronaut");
        form.put("programs", "no-such-program");
        form.put("accessibility", "x".repeat(2001));
        TestSite.Response answer = post("/events/small-room/register", form);
        assertThat(answer.status()).isEqualTo(422);
        Document page = answer.page();
        assertThat(page.title()).startsWith("Error: ");
        Element summary = page.selectFirst(".error-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.select("li").eachText()).containsExactly("Enter your name",
                "Enter an e-mail address in the correct format, like name@example.com", "Choose one of the options",
                "Choose programs from the list; we could not find one called 'no-such-program'",
                "Please keep this to 2,000 characters or fewer; it has 2,001");
        assertThat(summary.select("a").eachAttr("href")).containsExactly("#name", "#email", "#applicantType-us-md", "#programs-alpha-im", "#accessibility");
        for (String id : List.of("name", "email", "applicantType", "programs", "accessibility")) {
            assertThat(page.select("#" + id + "-error").text()).as(id).startsWith("Error: ");
            assertThat(page.select("#" + id).attr("aria-invalid")).as(id).isEqualTo("true");
        }
        assertThat(page.select("#email").val()).isEqualTo("ada@example");
        assertThat(page.select("#accessibility").text()).isEqualTo("x".repeat(2001));
        assertThat(site.app().services().registrations().list("small-room")).isEmpty();

        Map<String, String> nearly = person("Ada Lovelace", "ada@example");
        nearly.put("programs", "beta-peds");
        Document kept = post("/events/small-room/register", nearly).page();
        assertThat(kept.select("#name").val()).isEqualTo("Ada Lovelace");
        assertThat(kept.select("#applicantType-img").hasAttr("checked")).isTrue();
        assertThat(kept.select("input[name=programs][checked]").eachAttr("value")).as("what was ticked, not the event's own").containsExactly("beta-peds");
        assertThat(kept.select("details[open]")).as("the other programs are shown when one of them is ticked").hasSize(1);
        assertThat(kept.select("#accessibility").text()).isEqualTo("Captions, please.");
    }

    @Test
    void a_new_registration_goes_to_the_registrants_own_page_with_the_join_link() {
        start();
        String own = register("small-room", "Ada Lovelace", "ada@example.org");
        TestSite.Response response = site.get(own);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("X-Robots-Tag")).isEqualTo("noindex");
        Document page = response.page();
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(page.select("h1").text()).isEqualTo("You are registered");
        assertThat(page.text()).contains("Your seat for Small room is confirmed.").contains("Tuesday, December 8, 2026, 6:00 PM – 7:00 PM CST")
                .contains("Your reference: R-");
        assertThat(page.selectFirst("time").attr("datetime")).isEqualTo("2026-12-08T18:00-06:00");
        assertThat(page.select("a[href=" + JOIN + "]").text()).isEqualTo("Join on Zoom");
        assertThat(page.select("a[href=/events/small-room.ics]")).hasSize(1);
        assertThat(page.select("a[href^=https://calendar.google.com]")).hasSize(1);
        assertThat(page.select("a[href^=https://outlook.live.com]")).hasSize(1);
        assertThat(page.select("form[action=" + own + "/cancel] button").text()).isEqualTo("Cancel my registration");

        Registration stored = site.app().services().registrations().list("small-room").get(0);
        assertThat(stored.name()).isEqualTo("Ada Lovelace");
        assertThat(stored.applicantType()).isEqualTo(edu.rush.gme.inquiry.ApplicantType.IMG);
        assertThat(stored.programs()).containsExactly("alpha-im");
        assertThat(stored.accessibility()).isEqualTo("Captions, please.");
        assertThat(stored.channel()).isEqualTo("form");

        // After the event: no join link, no cancel button, no calendar links; the recording page of an event that has one is tested below.
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-09T01:00:00Z")));
        Document after = site.get(own).page();
        assertThat(after.html()).doesNotContain(JOIN);
        assertThat(after.text()).contains("This event is over.");
        assertThat(after.select("main form")).isEmpty();
        assertThat(after.select("a[href$=.ics]")).isEmpty();
    }

    @Test
    void a_full_event_offers_the_waitlist_and_the_page_shows_the_position() {
        start();
        register("small-room", "First", "first@example.org");
        assertThat(site.get("/events/small-room/register").text()).contains("1 seat left.");
        register("small-room", "Second", "second@example.org");
        Document full = site.get("/events/small-room/register").page();
        assertThat(full.select("#seats").text()).startsWith("This event is full: you will join the waitlist");
        assertThat(full.select("form.form button[type=submit]").text()).isEqualTo("Join the waitlist");

        String third = register("small-room", "Third", "third@example.org");
        Document page = site.get(third).page();
        assertThat(page.select("h1").text()).isEqualTo("You are on the waitlist");
        assertThat(page.text()).contains("You are number 1 on the waitlist");
        assertThat(page.html()).doesNotContain(JOIN);
        String fourth = register("small-room", "Fourth", "fourth@example.org");
        assertThat(site.get(fourth).text()).contains("You are number 2 on the waitlist");
    }

    @Test
    void cancelling_by_post_frees_the_seat_for_the_first_person_waiting_and_a_get_cancels_nothing() {
        start();
        String first = register("small-room", "First", "first@example.org");
        register("small-room", "Second", "second@example.org");
        String third = register("small-room", "Third", "third@example.org");

        TestSite.Response get = site.get(first + "/cancel");
        assertThat(get.status()).as("a mail scanner following a link cancels nothing").isEqualTo(303);
        assertThat(get.header("Location")).isEqualTo(first);
        assertThat(site.get(first).page().select("h1").text()).isEqualTo("You are registered");

        String token = site.get(first).page().select("input[name=formToken]").val();
        TestSite.Response cancelled = post(first + "/cancel", Map.of("formToken", token));
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(cancelled.header("Location")).isEqualTo(first);
        Document page = site.get(first).page();
        assertThat(page.select("h1").text()).isEqualTo("Registration cancelled");
        assertThat(page.html()).doesNotContain(JOIN);
        assertThat(page.select("form[action$=/cancel]")).isEmpty();
        assertThat(page.select("a[href=/events/small-room/register]").text()).isEqualTo("Register again");

        Document promoted = site.get(third).page();
        assertThat(promoted.select("h1").text()).isEqualTo("You are registered");
        assertThat(promoted.select("a[href=" + JOIN + "]")).hasSize(1);
        assertThat(post(first + "/cancel", Map.of()).status()).as("cancelling twice changes nothing").isEqualTo(303);
    }

    @Test
    void a_cancellation_posted_from_another_site_is_refused() {
        start();
        String own = register("small-room", "Ada", "ada@example.org");
        TestSite.Response refused = site.post(own + "/cancel", Map.of(), "Content-Type", "application/x-www-form-urlencoded",
                "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.page().select("h1").text()).isEqualTo("Registration not cancelled");
        assertThat(site.get(own).page().select("h1").text()).isEqualTo("You are registered");
        TestSite.Response forged = site.postAsOldBrowser("/events/small-room/register", Map.of("name", "X", "email", "x@example.org",
                "applicantType", "img", "formToken", "forged"), "Content-Type", "application/x-www-form-urlencoded");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.page().select("h1").text()).isEqualTo("Registration not sent");
        assertThat(site.app().services().registrations().list("small-room")).hasSize(1);
    }

    @Test
    void a_forged_or_unknown_token_finds_nothing() {
        start();
        String own = register("small-room", "Ada", "ada@example.org");
        String token = own.substring("/registrations/".length());
        assertThat(site.get("/registrations/" + token.substring(0, token.length() - 3) + "abc").status()).isEqualTo(404);
        assertThat(site.get("/registrations/R-ABCDEFGH").status()).isEqualTo(404);
        String otherKey = new RegistrationLinks(new byte[32]).token(site.app().services().registrations().list("small-room").get(0).reference());
        TestSite.Response forged = site.get("/registrations/" + otherKey);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(post("/registrations/" + otherKey + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(site.get(own).page().select("h1").text()).isEqualTo("You are registered");
    }

    @Test
    void the_same_address_again_gets_a_page_without_any_link_to_the_registration() {
        start();
        String own = register("small-room", "Ada", "ada@example.org");
        TestSite.Response again = post("/events/small-room/register", person("Someone Else", "ada@example.org"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Cache-Control")).isEqualTo("no-store");
        Document page = again.page();
        assertThat(page.select("h1").text()).isEqualTo("Check your e-mail");
        assertThat(page.text()).contains("already registered for Small room").contains("a•••@example.org").doesNotContain("ada@example.org");
        assertThat(page.html()).doesNotContain(JOIN).doesNotContain("/registrations/").doesNotContain(own.substring(15)).doesNotContain("R-");
        assertThat(page.select("main form")).as("no cancel button").isEmpty();
        assertThat(site.app().services().registrations().list("small-room")).hasSize(1);

        // The trap field filled in (a robot): the same page, nothing stored.
        Map<String, String> robot = person("Robot", "robot@example.org");
        robot.put("website", "https://spam.example");
        TestSite.Response trapped = post("/events/small-room/register", robot);
        assertThat(trapped.status()).isEqualTo(200);
        assertThat(trapped.page().select("h1").text()).isEqualTo("Check your e-mail");
        assertThat(trapped.text()).contains("r•••@example.org");
        assertThat(site.app().services().registrations().list("small-room")).hasSize(1);
    }

    @Test
    void too_many_registrations_from_one_address_are_refused_with_everything_kept() {
        start();
        for (int i = 0; i < RegistrationController.PER_ADDRESS; i++) {
            assertThat(site.post("/events/small-room/register", person("P" + i, "p" + i + "@example.org"), "Content-Type",
                    "application/x-www-form-urlencoded", "X-Forwarded-For", "203.0.113.9").status()).isEqualTo(303);
        }
        TestSite.Response refused = site.post("/events/small-room/register", person("Ada", "ada@example.org"), "Content-Type",
                "application/x-www-form-urlencoded", "X-Forwarded-For", "203.0.113.9");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 120);
        assertThat(refused.page().select(".error-summary li").text()).startsWith("You have sent several forms in a short time.");
        assertThat(refused.page().select("#email").val()).isEqualTo("ada@example.org");
        assertThat(refused.page().select("#accessibility").text()).isEqualTo("Captions, please.");
    }

    @Test
    void when_the_database_is_down_the_form_comes_back_with_everything_typed() {
        start();
        String registrantPage = post("/events/small-room/register", person("Bea", "bea@example.org")).header("Location");
        assertThat(registrantPage).startsWith("/registrations/");
        site.app().services().database().close();
        // A registrant's page needs the database: 503 with Retry-After, never a 500.
        TestSite.Response unavailable = site.get(registrantPage);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("60");
        TestSite.Response answer = post("/events/small-room/register", person("Ada", "ada@example.org"));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("120");
        assertThat(answer.page().select(".error-summary li").text()).startsWith("We could not save your registration just now.");
        assertThat(answer.page().select("#name").val()).isEqualTo("Ada");
        assertThat(answer.page().select("#accessibility").text()).isEqualTo("Captions, please.");
        TestSite.Response form = site.get("/events/small-room/register");
        assertThat(form.status()).as("the form still opens, without a seat count").isEqualTo(200);
        assertThat(form.page().select("#seats").text()).isEqualTo("Seats are limited.");
    }

    @Test
    void the_form_says_why_it_takes_no_registrations_and_a_post_gets_409() {
        start();
        Document notYet = site.get("/events/later-talk/register").page();
        assertThat(notYet.select("#registration-state").text()).isEqualTo("Registration opens Tuesday, December 1, 2026, 9:00 AM CST.");
        assertThat(notYet.select("main form")).isEmpty();
        TestSite.Response early = post("/events/later-talk/register", person("Ada", "ada@example.org"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.page().select("#registration-state").text()).startsWith("Registration opens");

        Document over = site.get("/events/summer-q-and-a/register").page();
        assertThat(over.select("#registration-state").text()).contains("This event is over");
        assertThat(over.select("a[href=https://video.example.org/summer]").text()).isEqualTo("Watch the recording");
        assertThat(site.get("/events/cancelled-talk/register").page().select("#registration-state").text())
                .isEqualTo("This event is cancelled, so it takes no registrations.");
        assertThat(post("/events/cancelled-talk/register", person("Ada", "ada@example.org")).status()).isEqualTo(409);
        assertThat(site.app().services().registrations().list(null)).isEmpty();
    }

    @Test
    void the_cached_event_page_changes_when_registration_opens_and_closes() {
        start();
        TestSite.Response before = site.get("/events/later-talk");
        assertThat(before.header("ETag")).as("the event page is cached").isNotNull();
        assertThat(before.page().select(".event__register").text()).isEqualTo("Registration opens Tuesday, December 1, 2026, 9:00 AM CST.");
        assertThat(before.page().select("a[href=/events/later-talk/register]")).isEmpty();
        assertThat(site.get("/events/later-talk").header("ETag")).isEqualTo(before.header("ETag"));

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-01T15:00:00Z"))); // 9:00 CST, December 1st
        Document open = site.get("/events/later-talk").page();
        assertThat(open.select("a[href=/events/later-talk/register]").text()).isEqualTo("Register");
        assertThat(open.select(".event__register").text()).contains("Registration is open until Thursday, December 10, 2026, 12:00 PM CST.");
        assertThat(open.text()).doesNotContain("seats left");

        clock.advance(Duration.ofDays(9)); // 9:00 CST, December 10th: still open
        assertThat(site.get("/events/later-talk").page().select("a[href=/events/later-talk/register]")).hasSize(1);
        clock.advance(Duration.ofHours(3)); // noon: closed
        Document closed = site.get("/events/later-talk").page();
        assertThat(closed.select(".event__register").text()).isEqualTo("Registration for this event has closed.");
        assertThat(closed.select("a[href=/events/later-talk/register]")).isEmpty();

        assertThat(site.get("/events/small-room").page().select("a[href=/events/small-room/register]")).as("closes at its start by default").isEmpty();
        assertThat(site.get("/events/cancelled-talk").page().select(".event__register")).isEmpty();
        assertThat(site.get("/events/cancelled-talk").text()).contains("Cancelled.");
    }

    @Test
    void the_registrants_page_of_a_cancelled_event_or_one_over_has_no_join_link() {
        start();
        RegistrationService registrations = site.app().services().registrations();
        var snapshot = site.app().store().snapshot();
        // Registered before the event was cancelled, or before it took place (the service does not ask whether registration is open).
        Registration cancelledEvent = registrations.register(snapshot.findAny(Event.TYPE, "cancelled-talk").orElseThrow(),
                new NewRegistration("cancelled-talk", "Ada", "ada@example.org", edu.rush.gme.inquiry.ApplicantType.IMG, List.of(), null, false),
                "test").registration();
        Document cancelled = site.get("/registrations/" + registrations.links().token(cancelledEvent.reference())).page();
        assertThat(cancelled.text()).contains("Cancelled. This event will not take place.");
        assertThat(cancelled.html()).doesNotContain(JOIN);
        assertThat(cancelled.select("a[href$=.ics]")).isEmpty();

        Registration past = registrations.register(snapshot.findAny(Event.TYPE, "summer-q-and-a").orElseThrow(),
                new NewRegistration("summer-q-and-a", "Ada", "ada@example.org", edu.rush.gme.inquiry.ApplicantType.IMG, List.of(), null, false),
                "test").registration();
        Document over = site.get("/registrations/" + registrations.links().token(past.reference())).page();
        assertThat(over.select("a[href=https://video.example.org/summer]").text()).isEqualTo("Watch the recording");
        assertThat(over.text()).contains("(over)");
        assertThat(over.html()).doesNotContain(JOIN);
        assertThat(over.select("main form")).as("nothing left to cancel").isEmpty();
    }

    @Test
    void a_form_from_an_old_browser_that_changed_networks_comes_back_with_everything_kept() {
        start();
        // A browser that says neither Sec-Fetch-Site nor Origin: the form's own token decides, and this one was issued to another address.
        String token = site.get("/events/small-room/register", "X-Forwarded-For", "198.51.100.200").page().select("input[name=formToken]").val();
        Map<String, String> form = person("Ada", "ada@example.org");
        form.put("formToken", token);
        TestSite.Response stale = site.postAsOldBrowser("/events/small-room/register", form,
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "203.0.113.50");
        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.page().select(".error-summary li").text()).startsWith("This form was open for a long time");
        assertThat(stale.page().select("#email").val()).isEqualTo("ada@example.org");
        assertThat(site.app().services().registrations().list("small-room")).isEmpty();
        TestSite.Response again = site.postAsOldBrowser("/events/small-room/register", form,
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "198.51.100.200");
        assertThat(again.status()).as("from the address it was issued to").isEqualTo(303);
    }
}
