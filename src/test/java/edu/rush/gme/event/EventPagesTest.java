package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events, the content type added by one declaration: validated like every type, listed upcoming
 * and past per request, filtered with counts, times with the zone of their own date, and the join
 * link on no public response.
 */
class EventPagesTest {

    static final String JOIN = "https://meet.example.org/secret-room-4417";

    @TempDir
    Path temp;

    static String event(String title, String start, String end, String more) {
        return "---\ntitle: " + title + "\nsummary: About " + title + ".\nstart: " + start + "\nend: " + end
                + "\nformat: virtual\nplatform: Zoom\njoinLink: " + JOIN + "\n" + more + "---\nWhat happens at " + title + ".\n";
    }

    ContentFixture events() {
        return ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("beta-peds", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                // Summer (CDT), over by November 27th, with a recording.
                .write("events/summer-q-and-a.md", event("Summer Q and A", "2026-07-09T18:00", "2026-07-09T19:00",
                        "programs: [alpha-im]\naudience: [international-graduates]\nrecording: https://video.example.org/summer\n"))
                // Winter (CST), ahead.
                .write("events/winter-open-house.md", event("Winter open house", "2026-12-08T18:00", "2026-12-08T19:30",
                        "programs: [beta-peds]\naudience: [all-applicants]\ncapacity: 50\n"))
                // After the spring change (CDT again), ahead.
                .write("events/spring-panel.md", event("Spring panel", "2027-03-18T18:00", "2027-03-18T19:00",
                        "programs: [alpha-im, beta-peds]\naudience: [do-applicants, all-applicants]\n"));
    }

    @Test
    void mistakes_in_an_event_are_reported_at_their_line() {
        ContentFixture content = events()
                .write("events/bad.md", "---\ntitle: Bad\nsummary: S\nstart: 2026-12-08T18:00\nend: 2026-12-08T17:00\nzone: America/Chicagoo\n"
                        + "programs: [alpha-im, no-such-program]\nformat: in-person\njoinLink: http://insecure.example.org\n---\n");
        ContentSnapshot snapshot = new ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        List<String> problems = snapshot.problems().stream().map(ContentProblem::toString).toList();
        assertThat(problems).contains(
                "content/events/bad.md:5:1: 'end' must be after 'start'",
                "content/events/bad.md:6:1: 'zone' must be a time zone name like America/Chicago, got \"America/Chicagoo\"",
                "content/events/bad.md:1:1: missing required field 'place'",
                "content/events/bad.md:9:1: 'joinLink' must be a web address starting with https://, got \"http://insecure.example.org\"");
        ContentSnapshot wrongProgram = new ContentLoader(events()
                .write("events/typo.md", event("Typo", "2026-12-09T18:00", "2026-12-09T19:00", "programs: [alpha-im, no-such-program]\n")).dir(),
                ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        assertThat(wrongProgram.problems()).extracting(ContentProblem::toString)
                .contains("content/events/typo.md:9:22: 'programs[1]': no program has the slug 'no-such-program'");
        assertThat(wrongProgram.find(Event.TYPE, "typo", ContentFixture.CLOCK.instant())).get()
                .extracting(p -> p.data().programs()).as("served without the wrong slug").isEqualTo(List.of("alpha-im"));
    }

    @Test
    void the_list_shows_upcoming_events_soonest_first_then_past_ones_with_their_recordings() {
        try (TestSite site = TestSite.start(Settings.forFolders(events().dir(), Path.of("static")), ContentFixture.CLOCK)) {
            Document page = site.get("/events").page();
            assertThat(page.select("#upcoming-heading + ul .card__title").eachText()).containsExactly("Winter open house", "Spring panel");
            assertThat(page.select("section:has(#past-heading) .card__title").eachText()).containsExactly("Summer Q and A");
            assertThat(page.select("section:has(#past-heading) a[href=https://video.example.org/summer]")).hasSize(1);
            assertThat(page.select("time").eachAttr("datetime")).contains("2026-12-08T18:00-06:00", "2027-03-18T18:00-05:00");
            assertThat(page.text()).contains("6:00 PM – 7:30 PM CST").contains("6:00 PM – 7:00 PM CDT");
            Document home = site.get("/").page();
            assertThat(home.select("section:has(#events-heading) .card__title").eachText()).as("the home page's next events")
                    .containsExactly("Winter open house", "Spring panel");
        }
    }

    @Test
    void filters_narrow_the_list_and_count_what_each_choice_would_give() {
        try (TestSite site = TestSite.start(Settings.forFolders(events().dir(), Path.of("static")), ContentFixture.CLOCK)) {
            Document page = site.get("/events?audience=all-applicants").page();
            assertThat(page.select(".card__title").eachText()).containsExactly("Winter open house", "Spring panel");
            assertThat(page.select("#e-audience option[selected]").text()).isEqualTo("All applicants (2)");
            assertThat(page.select("#e-program option").eachText()).contains("Internal Medicine Residency (1)", "Pediatrics Residency (2)");
            assertThat(site.get("/events?program=alpha-im&audience=do-applicants").page().select(".card__title").eachText())
                    .containsExactly("Spring panel");
            assertThat(site.get("/events?audience=astronauts").status()).isEqualTo(400);
            Document wrong = site.get("/events?audience=astronauts&program=beta-peds").page();
            assertThat(wrong.select(".error-summary li").eachText()).containsExactly("No event has the audience 'astronauts'; choose one from the list.");
            assertThat(wrong.select(".card__title").eachText()).as("the filters it could read still apply").containsExactly("Winter open house", "Spring panel");
            assertThat(site.get("/events?colour=red").status()).isEqualTo(400);
        }
    }

    @Test
    void an_event_page_says_when_in_the_zone_of_its_own_date_and_changes_when_it_is_over() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-09T01:00:00Z")); // 19:00 CST on December 8th
        try (TestSite site = TestSite.start(Settings.forFolders(events().dir(), Path.of("static")), clock)) {
            Document during = site.get("/events/winter-open-house").page();
            assertThat(during.selectFirst("time").attr("datetime")).isEqualTo("2026-12-08T18:00-06:00");
            assertThat(during.text()).contains("Tuesday, December 8, 2026, 6:00 PM – 7:30 PM CST").contains("sent to registered attendees only")
                    .doesNotContain("(over)");
            clock.advance(Duration.ofMinutes(30)); // 19:30, its end
            Document after = site.get("/events/winter-open-house").page();
            String jsonLd = during.select("script[type=application/ld+json]").html();
            assertThat(jsonLd).contains("\"@type\":\"Event\"").contains("\"startDate\":\"2026-12-08T18:00-06:00\"")
                    .contains("OnlineEventAttendanceMode").contains("EventScheduled").contains("VirtualLocation").doesNotContain(JOIN);
            assertThat(after.text()).contains("(over)").contains("This event is over").doesNotContain("sent to registered attendees");
            assertThat(site.get("/events").page().select("#upcoming-heading + ul .card__title").eachText()).containsExactly("Spring panel");
        }
    }

    @Test
    void calendar_files_parse_back_to_the_intended_instants_on_both_sides_of_daylight_saving() {
        ContentFixture content = events().write("events/cancelled-talk.md", event("Cancelled talk", "2027-01-14T12:00", "2027-01-14T13:00",
                "programs: [alpha-im]\nstatus: cancelled\n"));
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), ContentFixture.CLOCK)) {
            TestSite.Response all = site.get("/events.ics");
            assertThat(all.header("Content-Type")).startsWith("text/calendar");
            biweekly.ICalendar calendar = biweekly.Biweekly.parse(all.raw().body()).first();
            java.util.Map<String, biweekly.component.VEvent> byTitle = new java.util.HashMap<>();
            calendar.getEvents().forEach(e -> byTitle.put(e.getSummary().getValue(), e));
            assertThat(byTitle).containsOnlyKeys("Summer Q and A", "Winter open house", "Spring panel", "Cancelled talk");
            // 18:00 CST is midnight UTC; 18:00 CDT (after the March change) is 23:00 UTC.
            assertThat(byTitle.get("Winter open house").getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-09T00:00:00Z"));
            assertThat(byTitle.get("Winter open house").getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-09T01:30:00Z"));
            assertThat(byTitle.get("Spring panel").getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-18T23:00:00Z"));
            assertThat(byTitle.get("Summer Q and A").getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-07-09T23:00:00Z"));
            assertThat(byTitle.get("Winter open house").getUid().getValue()).isEqualTo("event-winter-open-house@localhost");
            assertThat(byTitle.get("Cancelled talk").getStatus().isCancelled()).isTrue();
            assertThat(byTitle.get("Winter open house").getStatus().isConfirmed()).isTrue();
            assertThat(byTitle.get("Winter open house").getLocation().getValue()).isEqualTo("Online (Zoom)");
            assertThat(all.text()).doesNotContain(JOIN);

            biweekly.ICalendar one = biweekly.Biweekly.parse(site.get("/events/spring-panel.ics").raw().body()).first();
            assertThat(one.getEvents()).extracting(e -> e.getUid().getValue()).containsExactly("event-spring-panel@localhost");
            biweekly.ICalendar program = biweekly.Biweekly.parse(site.get("/programs/beta-peds/events.ics").raw().body()).first();
            assertThat(program.getEvents()).extracting(e -> e.getSummary().getValue()).containsExactlyInAnyOrder("Winter open house", "Spring panel");
            assertThat(site.get("/programs/no-such/events.ics").status()).isEqualTo(404);
            assertThat(site.get("/events/no-such.ics").status()).isEqualTo(404);

            Document page = site.get("/events/winter-open-house").page();
            assertThat(page.select("a[href=/events/winter-open-house.ics]")).hasSize(1);
            assertThat(page.select("a[href^=https://calendar.google.com]").attr("href")).contains("dates=20261209T000000Z/20261209T013000Z");
            assertThat(site.get("/events").page().select("a[href^=webcal:]").attr("href")).isEqualTo("webcal://localhost/events.ics");
        }
    }

    @Test
    void a_program_page_lists_its_upcoming_events_and_not_those_over_or_cancelled() {
        ContentFixture content = events().write("events/cancelled-talk.md", event("Cancelled talk", "2027-01-14T12:00", "2027-01-14T13:00",
                "programs: [alpha-im]\nstatus: cancelled\n"));
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), ContentFixture.CLOCK)) {
            Document alpha = site.get("/programs/alpha-im").page();
            assertThat(alpha.select("section:has(#events-heading) li a").eachText()).containsExactly("Spring panel");
            assertThat(alpha.select("section:has(#events-heading) li").text()).contains("Event · Thursday, March 18, 2027")
                    .doesNotContain("Sample");
            assertThat(alpha.select("a[href=/programs/alpha-im/events.ics]")).hasSize(1);
            Document beta = site.get("/programs/beta-peds").page();
            assertThat(beta.select("section:has(#events-heading) li a").eachText()).containsExactly("Winter open house", "Spring panel");
        }
    }

    /** Every public address that shows events, none with the join link in its body. */
    static void huntForTheJoinLink(TestSite site, String when) {
        for (String path : List.of("/events", "/events/winter-open-house", "/events/summer-q-and-a", "/events/feed.xml",
                "/sitemap.xml", "/search?q=open+house", "/api/v1/search?q=open+house", "/", "/programs/beta-peds",
                "/api/v1/events", "/api/v1/events/winter-open-house", "/api/v1/schemas/events", "/api/v1/openapi.json", "/api",
                "/events.ics", "/events/winter-open-house.ics", "/programs/beta-peds/events.ics",
                "/events/winter-open-house/register", "/events/summer-q-and-a/register", "/events?format=virtual")) {
            TestSite.Response response = site.get(path);
            assertThat(response.status()).as(when + ": " + path).isEqualTo(200);
            assertThat(response.raw().body()).as(when + ": " + path).doesNotContain(JOIN).doesNotContain("secret-room");
        }
    }

    @Test
    void the_join_link_is_on_no_public_response() {
        MutableClock clock = new MutableClock(ContentFixture.CLOCK.instant());
        try (TestSite site = TestSite.start(Settings.forFolders(events().dir(), Path.of("static")), clock)) {
            huntForTheJoinLink(site, "before anyone registered");
            // Registered: the registrant's own page has it; the page for the same address again and the API's answers do not.
            java.util.Map<String, String> form = new java.util.LinkedHashMap<>(java.util.Map.of("name", "Ada", "email", "ada@example.org",
                    "applicantType", "img", "website", ""));
            TestSite.Response registered = site.post("/events/winter-open-house/register", form);
            assertThat(registered.status()).isEqualTo(303);
            assertThat(site.get(registered.header("Location")).raw().body()).contains(JOIN);
            TestSite.Response again = site.post("/events/winter-open-house/register", form);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.raw().body()).doesNotContain(JOIN).doesNotContain("secret-room");
            for (String body : List.of("{\"name\": \"Bea\", \"email\": \"bea@example.org\", \"applicantType\": \"img\"}",
                    "{\"name\": \"Ada\", \"email\": \"ada@example.org\", \"applicantType\": \"img\"}")) {
                TestSite.Response api = site.postJson("/api/v1/events/winter-open-house/registrations", "application/json", body);
                assertThat(api.status()).isBetween(200, 201);
                assertThat(api.raw().body()).doesNotContain(JOIN).doesNotContain("secret-room");
            }
            huntForTheJoinLink(site, "with registrations");
            // After the event, not even the registrant's own page has it.
            clock.advance(java.time.Duration.between(clock.instant(), Instant.parse("2026-12-09T01:30:00Z")));
            huntForTheJoinLink(site, "after the event");
            assertThat(site.get(registered.header("Location")).raw().body()).doesNotContain(JOIN);
            assertThat(site.get("/search?q=winter").text()).as("events are searched").contains("Winter open house");
            // The change journal answers once the database has opened (503 until then).
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            TestSite.Response changes = site.get("/api/v1/changes");
            while (changes.status() == 503 && System.nanoTime() < deadline) {
                changes = site.get("/api/v1/changes");
            }
            assertThat(changes.status()).isEqualTo(200);
            assertThat(changes.text()).contains("/events/winter-open-house").doesNotContain(JOIN);
            assertThat(site.get("/api/v1/schemas/events").text()).as("not even named in the contract").doesNotContain("joinLink");
            assertThat(site.get("/api/v1/events/winter-open-house").text()).contains("\"capacity\":50").doesNotContain("joinLink")
                    .contains("\"startsAt\":\"2026-12-08T18:00:00-06:00\"").contains("\"endsAt\":\"2026-12-08T19:30:00-06:00\"");
            assertThat(site.get("/api/v1/events/spring-panel?fields=startsAt").text()).contains("\"startsAt\":\"2027-03-18T18:00:00-05:00\"")
                    .doesNotContain("summary");
            assertThat(site.get("/api/v1/schemas/events").text()).contains("\"startsAt\"");
            assertThat(site.get("/sitemap.xml").raw().body()).contains("/events/winter-open-house<").contains("/events<");
        }
    }
}
