package edu.rush.gme.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.Page;
import edu.rush.gme.db.DatabaseSettings;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.NewRegistration;
import edu.rush.gme.event.RegistrationService;
import edu.rush.gme.inquiry.ApplicantType;
import edu.rush.gme.inquiry.Inquiry;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.inquiry.NewInquiry;
import edu.rush.gme.staff.Role;
import edu.rush.gme.staff.StaffService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program coordinator's pages as they and an administrator use them, and as a coordinator of
 * another program would try them: the inquiries of their own programs only (list, one inquiry, CSV),
 * 404 for anyone else's inquiry or event, "answered" marked with who and when (and in the audit log),
 * filters and pages, CSV cells that cannot run as formulas.
 */
public class CoordinatorPagesTest {

    public static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path temp;

    private MutableClock clock;
    private TestSite site;
    private Inquiry alphaQuestion;
    private Inquiry pharmacyQuestion;
    private Inquiry officeQuestion;

    /** Internal Medicine (alpha-im) and Pharmacy (zeta-pharm), an event of each, an inquiry to each and one to the office. */
    public static ContentFixture content(Path temp) {
        return ContentFixture.inquiryCatalog(temp)
                .write("events/im-open-house.md", event("IM open house", "2026-12-08T18:00", "programs: [alpha-im]\ncapacity: 1\n"))
                .write("events/pharmacy-q-and-a.md", event("Pharmacy Q and A", "2026-12-09T18:00", "programs: [zeta-pharm]\n"));
    }

    public static String event(String title, String start, String more) {
        return "---\ntitle: " + title + "\nsummary: About " + title + ".\nstart: " + start + "\nend: " + start.replace("T18", "T19")
                + "\nformat: virtual\nplatform: Zoom\njoinLink: https://zoom.example.org/j/123\n" + more + "---\nWhat happens at " + title + ".\n";
    }

    public static Inquiry ask(InquiryService inquiries, String program, String programTitle, String name, String message) {
        return inquiries.receive(new NewInquiry(program, programTitle, "im-coordinator@example.org", name, name.toLowerCase().replaceAll("[^a-z]", "") + "@example.com",
                ApplicantType.IMG, 2023, message, false), "form");
    }

    public static void register(TestSite site, String slug, String name, String accessibility) {
        RegistrationService registrations = site.app().services().registrations();
        Page<Event> event = site.app().store().snapshot().findAny(Event.TYPE, slug).orElseThrow();
        registrations.register(event, new NewRegistration(slug, name, name.toLowerCase().replaceAll("[^a-z]", "") + "@example.com",
                ApplicantType.US_MD, List.of("alpha-im"), accessibility, false), "web");
    }

    @BeforeEach
    void start() {
        Settings settings = Settings.forFolders(content(temp).dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
        site = TestSite.start(settings, clock);
        InquiryService inquiries = site.app().services().inquiries();
        alphaQuestion = ask(inquiries, "alpha-im", "Internal Medicine", "Ada Alpha", "Do you sponsor J-1 visas?\n\nAnd how many interviews are there?");
        clock.advance(Duration.ofMinutes(5));
        pharmacyQuestion = ask(inquiries, "zeta-pharm", "Pharmacy", "Paul Pharmacy", "Is there a research month?");
        clock.advance(Duration.ofMinutes(5));
        officeQuestion = ask(inquiries, null, "Graduate Medical Education office", "Olga Office", "Where is parking?");
        register(site, "im-open-house", "Ida Seat", "Captions, please");
        register(site, "im-open-house", "Walt Waiting", null);
        register(site, "pharmacy-q-and-a", "Pia Pharmacy", null);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private String signedIn(String email, Role role, List<String> programs) {
        StaffService staff = site.app().services().staff();
        staff.setPassword(staff.addOrReset(email, role, programs, "test"), PASSWORD, null);
        TestSite.Response response = site.post("/admin/sign-in", Map.of("email", email, "password", PASSWORD));
        assertThat(response.status()).isEqualTo(303);
        String cookie = response.header("Set-Cookie");
        return cookie.substring("gme_staff=".length(), cookie.indexOf(';'));
    }

    private TestSite.Response get(String path, String session) {
        return site.get(path, "Cookie", "gme_staff=" + session);
    }

    private TestSite.Response post(String path, String session, Map<String, String> form) {
        return site.post(path, form, "Content-Type", "application/x-www-form-urlencoded", "Cookie", "gme_staff=" + session,
                "Origin", site.url(""), "Sec-Fetch-Site", "same-origin");
    }

    private String csrf(String session) {
        return get("/admin", session).page().select("input[name=csrf]").first().attr("value");
    }

    private List<String> references(Document list) {
        return list.select("tbody tr td:nth-child(2)").eachText();
    }

    @Test
    void a_coordinator_sees_their_programs_inquiries_and_events_only_and_nothing_of_anyone_elses() {
        String im = signedIn("im-coordinator@example.org", Role.COORDINATOR, List.of("alpha-im"));

        TestSite.Response list = get("/admin/inquiries", im);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Cache-Control")).isEqualTo("no-store");
        assertThat(references(list.page())).containsExactly(alphaQuestion.reference());
        assertThat(list.text()).contains("Ada Alpha", "adaalpha@example.com", "International medical graduate", "2023", "Do you sponsor J-1 visas?",
                "Not answered").doesNotContain("Paul Pharmacy", "Olga Office");
        // Even asked by name, another program's inquiries are not listed.
        assertThat(get("/admin/inquiries?program=zeta-pharm", im).status()).isEqualTo(400);
        assertThat(get("/admin/inquiries?program=zeta-pharm", im).text()).doesNotContain("Paul Pharmacy");

        TestSite.Response item = get("/admin/inquiries/" + alphaQuestion.reference(), im);
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.page().select("h1").text()).isEqualTo("Inquiry " + alphaQuestion.reference());
        assertThat(item.page().select(".admin-question p").eachText()).containsExactly("Do you sponsor J-1 visas?", "And how many interviews are there?");

        // Another program's inquiry, the office's, and one that does not exist: the same 404.
        TestSite.Response theirs = get("/admin/inquiries/" + pharmacyQuestion.reference(), im);
        TestSite.Response office = get("/admin/inquiries/" + officeQuestion.reference(), im);
        TestSite.Response none = get("/admin/inquiries/Q-00000000", im);
        assertThat(List.of(theirs.status(), office.status(), none.status())).containsOnly(404);
        assertThat(theirs.page().select("main").text()).isEqualTo(none.page().select("main").text()).doesNotContain("Pharmacy");
        assertThat(post("/admin/inquiries/" + pharmacyQuestion.reference() + "/answered", im, Map.of("csrf", csrf(im), "answered", "yes")).status())
                .isEqualTo(404);
        assertThat(site.app().services().inquiries().find(pharmacyQuestion.reference()).orElseThrow().isAnswered()).isFalse();

        TestSite.Response csv = get("/admin/inquiries.csv", im);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        assertThat(csv.raw().body()).contains(alphaQuestion.reference(), "Answered by").doesNotContain("Paul Pharmacy", "Olga Office");

        TestSite.Response events = get("/admin/registrations", im);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.page().select("tbody tr")).hasSize(1);
        assertThat(events.page().select("tbody tr").text()).contains("IM open house", "Internal Medicine");
        assertThat(events.text()).doesNotContain("Pharmacy Q and A");
        // The dashboard's registrations list leads to the same page.
        assertThat(get("/admin", im).page().getElementById("registrations").parent().select("tbody a").eachAttr("href"))
                .containsExactly("/admin/registrations/im-open-house");
        TestSite.Response event = get("/admin/registrations/im-open-house", im);
        assertThat(event.status()).isEqualTo(200);
        assertThat(event.page().select("tbody tr").eachText()).hasSize(2);
        assertThat(event.page().select("tbody tr").get(0).text()).contains("Ida Seat", "idaseat@example.com", "Internal Medicine", "Captions, please", "confirmed");
        assertThat(event.page().select("tbody tr").get(1).text()).contains("Walt Waiting", "waitlisted", "1");
        TestSite.Response eventCsv = get("/admin/registrations/im-open-house.csv", im);
        assertThat(eventCsv.status()).isEqualTo(200);
        assertThat(eventCsv.raw().body().lines().findFirst().orElseThrow()).startsWith("Reference,Event,\"Event title\",Status,\"Waitlist position\"");
        assertThat(eventCsv.raw().body()).contains("Ida Seat", "Walt Waiting").doesNotContain("Pia Pharmacy");
        for (String path : List.of("/admin/registrations/pharmacy-q-and-a", "/admin/registrations/pharmacy-q-and-a.csv",
                "/admin/registrations/no-such-event", "/admin/registrations/IM-open-house")) {
            TestSite.Response refused = get(path, im);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.text()).doesNotContain("Pia Pharmacy");
        }
        assertThat(site.app().services().staff().auditLog(10)).extracting(StaffService.AuditEntry::detail)
                .anyMatch(detail -> detail.startsWith("inquiries.csv, 1 row(s)"))
                .anyMatch(detail -> detail.startsWith("registrations for im-open-house, 2 row(s)"));
    }

    @Test
    void marking_an_inquiry_answered_records_who_and_when_and_can_be_taken_back() {
        String im = signedIn("im-coordinator@example.org", Role.COORDINATOR, List.of("alpha-im"));
        String path = "/admin/inquiries/" + alphaQuestion.reference();
        Document page = get(path, im).page();
        assertThat(page.select("#answered-state").text()).isEqualTo("Not answered yet");
        String token = page.select("form[action$=/answered] input[name=csrf]").attr("value");
        // Without the session's token nothing changes.
        assertThat(post(path + "/answered", im, Map.of("answered", "yes")).status()).isEqualTo(403);
        assertThat(post(path + "/answered", im, Map.of("csrf", token, "answered", "perhaps")).status()).isEqualTo(400);

        clock.advance(Duration.ofMinutes(20));
        TestSite.Response marked = post(path + "/answered", im, Map.of("csrf", token, "answered", "yes"));
        assertThat(marked.status()).isEqualTo(303);
        assertThat(marked.header("Location")).isEqualTo(path + "?done=answered");
        Document after = get(marked.header("Location"), im).page();
        assertThat(after.select("[role=status]").text()).isEqualTo("Marked as answered.");
        assertThat(after.select("#answered-state").text()).isEqualTo("Answered: marked by im-coordinator@example.org on Nov 30, 2026 10:30 AM CST");
        assertThat(after.select("form[action$=/answered] button").text()).isEqualTo("Mark as not answered");
        Inquiry stored = site.app().services().inquiries().find(alphaQuestion.reference()).orElseThrow();
        assertThat(stored.answeredAt()).isEqualTo(Instant.parse("2026-11-30T16:30:00Z"));
        assertThat(stored.answeredBy()).isEqualTo("im-coordinator@example.org");
        StaffService.AuditEntry entry = site.app().services().staff().auditLog(1).get(0);
        assertThat(entry.action()).isEqualTo(CoordinatorController.MARKED_ANSWERED);
        assertThat(entry.email()).isEqualTo("im-coordinator@example.org");
        assertThat(entry.detail()).isEqualTo("inquiry " + alphaQuestion.reference());

        assertThat(get("/admin/inquiries?answered=yes", im).page().select("tbody tr td:last-child").eachText()).containsExactly("Answered");
        assertThat(references(get("/admin/inquiries?answered=no", im).page())).isEmpty();
        assertThat(get("/admin/inquiries.csv", im).raw().body()).contains("2026-11-30T16:30:00Z,\"im-coordinator@example.org\"");
        // The dashboard's list links to the inquiry and shows it answered.
        Document dashboard = get("/admin", im).page();
        assertThat(dashboard.select("a[href=" + path + "]").text()).isEqualTo(alphaQuestion.reference());
        assertThat(dashboard.getElementById("inquiries").parent().text()).contains("Answered");

        TestSite.Response back = post(path + "/answered", im, Map.of("csrf", token, "answered", "no"));
        assertThat(back.status()).isEqualTo(303);
        assertThat(get(path, im).page().select("#answered-state").text()).isEqualTo("Not answered yet");
        assertThat(site.app().services().inquiries().find(alphaQuestion.reference()).orElseThrow().answeredBy()).isNull();
        assertThat(site.app().services().staff().auditLog(1).get(0).action()).isEqualTo(CoordinatorController.MARKED_NOT_ANSWERED);
    }

    @Test
    void an_administrator_sees_every_program_and_the_office_and_filters_and_pages_the_list() {
        InquiryService inquiries = site.app().services().inquiries();
        for (int i = 1; i <= 52; i++) {
            clock.advance(Duration.ofMinutes(1));
            ask(inquiries, "alpha-im", "Internal Medicine", "Applicant Number " + i, "Question number " + i + " about 100% of the_schedule");
        }
        String admin = signedIn("admin@example.org", Role.ADMIN, List.of());
        Document first = get("/admin/inquiries", admin).page();
        assertThat(first.select("caption").text()).isEqualTo("55 inquiries, page 1 of 2");
        assertThat(first.select("tbody tr")).hasSize(50);
        assertThat(first.select("tbody tr").first().text()).as("newest first").contains("Applicant Number 52");
        Document second = get(first.select("a[rel=next]").attr("href"), admin).page();
        assertThat(second.select("tbody tr")).hasSize(5);
        assertThat(references(second)).endsWith(officeQuestion.reference(), pharmacyQuestion.reference(), alphaQuestion.reference());
        assertThat(get("/admin/inquiries/" + officeQuestion.reference(), admin).status()).isEqualTo(200);
        assertThat(get("/admin/registrations/pharmacy-q-and-a", admin).text()).contains("Pia Pharmacy");
        assertThat(get("/admin/registrations", admin).page().select("tbody tr")).hasSize(2);

        assertThat(references(get("/admin/inquiries?program=zeta-pharm", admin).page())).containsExactly(pharmacyQuestion.reference());
        assertThat(references(get("/admin/inquiries?program=office", admin).page())).containsExactly(officeQuestion.reference());
        assertThat(references(get("/admin/inquiries?q=PARKING", admin).page())).containsExactly(officeQuestion.reference());
        // Every word must be there (in any of the columns looked in).
        Document words = get("/admin/inquiries?q=number+47+about", admin).page();
        assertThat(words.select("tbody tr td:nth-child(4)").eachText()).contains("Applicant Number 47").doesNotContain("Applicant Number 46");
        assertThat(words.select("tbody tr").eachText()).allMatch(row -> row.contains("47"));
        // % and _ are letters to look for, not patterns.
        assertThat(get("/admin/inquiries?q=100%25", admin).page().select("caption").text()).startsWith("52 inquiries");
        assertThat(get("/admin/inquiries?q=n_n", admin).page().select("caption").text()).startsWith("0 inquiries");
        assertThat(get("/admin/inquiries.csv?program=zeta-pharm", admin).raw().body().lines().count()).isEqualTo(2);

        TestSite.Response beyond = get("/admin/inquiries?page=3", admin);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.page().select(".error-summary").text()).contains("There is no page 3; the last page is 2.");
        for (String bad : List.of("page=two", "page=0", "answered=maybe", "program=no-such", "q=" + "x".repeat(201))) {
            TestSite.Response refused = get("/admin/inquiries?" + bad, admin);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.page().select(".error-summary").text()).as(bad).isNotEmpty();
            assertThat(get("/admin/inquiries.csv?" + bad, admin).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void what_an_applicant_typed_is_shown_as_text_never_as_markup() {
        Inquiry hostile = ask(site.app().services().inquiries(), "alpha-im", "Internal Medicine", "<img src=x onerror=alert(1)>",
                "<script>alert(1)</script>\nline two");
        String im = signedIn("im-coordinator@example.org", Role.COORDINATOR, List.of("alpha-im"));
        for (String path : List.of("/admin/inquiries", "/admin/inquiries/" + hostile.reference(), "/admin")) {
            Document page = get(path, im).page();
            assertThat(page.select("main img, main script")).as(path).isEmpty();
            assertThat(page.select("main").text()).as(path).contains("<img src=x onerror=alert(1)>");
        }
        assertThat(get("/admin/inquiries/" + hostile.reference(), im).page().select(".admin-question p").html().replaceAll("\\s*\n\\s*", ""))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;<br>line two");
    }

    @Test
    void the_csv_turns_a_formula_like_name_into_text() {
        ask(site.app().services().inquiries(), "alpha-im", "Internal Medicine", "=HYPERLINK(\"http://evil.example\",\"Click\")", "+1 question");
        String im = signedIn("im-coordinator@example.org", Role.COORDINATOR, List.of("alpha-im"));
        String csv = get("/admin/inquiries.csv", im).raw().body();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", "'+1 question");
        assertThat(csv.lines().skip(1)).noneMatch(line -> line.startsWith("=") || line.contains(",=") || line.contains(",+"));
    }
}
