package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.event.Registration;
import edu.rush.gme.inquiry.Inquiry;
import edu.rush.gme.program.ProgramNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question and registration forms on a site with more programs than a form can list
 * ({@link ProgramNames#FORM_LIST_MAX}): each page stays small and asks for a program's name; an
 * exact name (any case) or slug is taken, a name several programs share comes back with them to
 * choose from and every answer kept, a name nothing matches says so; and the public endpoint
 * that lists programs by name as people type. One server for the class, its programs made here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class ManyProgramsFormsTest {

    /** More than the forms list; each "Specialty NNN Research Fellowship" (slug gen-NNN). */
    static final int GENERATED = ProgramNames.FORM_LIST_MAX + 20;

    private final MutableClock clock = new MutableClock(ContentFixture.CLOCK.instant());
    private final AtomicInteger clients = new AtomicInteger();
    private TestSite site;

    /** The programs a test knows by name, the generated ones, a draft, and an event about one program. */
    public static ContentFixture content(Path temp) {
        ContentFixture fixture = ContentFixture.minimal(temp);
        fixture.write("site.yaml", ContentFixture.SITE_YAML + """
                contact:
                  office: Office of Graduate Medical Education
                  email: gme-office@example.org
                """);
        fixture.program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15",
                        "coordinator:\n  name: Program Coordinator\n  email: im-coordinator@example.org")
                .program("gamma-surg", "residency", "Surgery", 5, "[]", false, 2, false, "hybrid", "2027-09-30", null)
                .program("vascular-surg", "fellowship", "Vascular Surgery", 2, "[]", false, null, false, "virtual", "2027-09-30", null)
                // Two programs with the same title: the name alone is not one program.
                .program("peds-north", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("peds-south", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("secret-draft", "residency", "Secret Draft", 3, "[]", true, 5, false, "virtual", "2027-10-15", "draft: true")
                .write("events/open-day.md", "---\ntitle: Open day\nsummary: About open day.\nstart: 2026-12-08T18:00\nend: 2026-12-08T19:00\n"
                        + "format: virtual\nplatform: Zoom\njoinLink: https://meet.example.org/open-day\nprograms: [alpha-im]\n---\nAn open day.\n");
        for (int i = 1; i <= GENERATED; i++) {
            String n = String.format("%03d", i);
            fixture.program("gen-" + n, "fellowship", "Specialty " + n + " Research", 2, "[]", false, null, false, "virtual", "2027-09-30", null);
        }
        return fixture;
    }

    @BeforeAll
    void start(@TempDir Path temp) {
        site = TestSite.start(Settings.forFolders(content(temp).dir(), Path.of("static")).withProxies(TrustedProxies.one()), clock);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    /** A form's page: there, and under the 200 KB of HTML however many programs there are. */
    private Document smallPage(String path) {
        TestSite.Response form = site.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.raw().body().getBytes(StandardCharsets.UTF_8).length).isLessThan(200_000);
        return form.page();
    }

    /** A form sent by a browser on this site, from a client address of its own (the limits count per address). */
    private TestSite.Response send(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return site.postBody(path, body, "Content-Type", "application/x-www-form-urlencoded", "Origin", site.url(""),
                "Sec-Fetch-Site", "same-origin", "X-Forwarded-For", "198.51.100." + clients.incrementAndGet());
    }

    private static List<Map.Entry<String, String>> question(String programName, String... more) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("programName", programName);
        form.put("name", "Ada Lovelace");
        form.put("email", "ada@example.com");
        form.put("applicantType", "img");
        form.put("message", "Do you sponsor H-1B visas?");
        form.put("website", "");
        for (int i = 0; i < more.length; i += 2) {
            form.put(more[i], more[i + 1]);
        }
        return List.copyOf(form.entrySet());
    }

    private List<Inquiry> inquiriesSince(Instant began) {
        return site.app().services().inquiries().list(began, null);
    }

    @Test
    void the_question_form_asks_for_a_name_and_stays_small() {
        Document page = smallPage("/inquiries/new");
        assertThat(page.select("select#program")).isEmpty();
        assertThat(page.select("label[for=program]").text()).isEqualTo("Program");
        assertThat(page.select("input#program").attr("name")).isEqualTo("programName");
        assertThat(page.select("input#program").attr("data-program-names")).isEqualTo("/api/v1/search/programs");
        assertThat(page.select("label[for=office-box]").text()).isEqualTo("A general question for the Office of Graduate Medical Education, not one program");
        assertThat(page.text()).doesNotContain("Specialty 150 Research").doesNotContain("Pediatrics Residency");
        assertThat(page.select("script[src*=program-names]")).hasSize(1);
        assertThat(page.select("script:not([src])")).isEmpty();

        // A program's "Ask a question" link still chooses it.
        Document linked = site.get("/inquiries/new?program=alpha-im").page();
        assertThat(linked.select("input#program").val()).isEqualTo("Internal Medicine Residency");
        assertThat(linked.selectFirst(".lead").text()).startsWith("Your question goes to the coordinator of the Internal Medicine Residency program.");
        assertThat(site.get("/inquiries/new?program=no-such").page().select(".callout").text())
                .isEqualTo("We could not find the program you asked about. Type its name below.");
    }

    @Test
    void an_exact_name_in_any_case_or_a_slug_sends_the_question() {
        clock.advance(java.time.Duration.ofDays(1));
        Instant began = clock.instant();
        TestSite.Response sent = send("/inquiries", question("  internal MEDICINE residency "));
        assertThat(sent.status()).as(sent.text()).isEqualTo(303);
        assertThat(send("/inquiries", question("gen-042")).status()).isEqualTo(303);
        assertThat(send("/inquiries", question("", "office", "yes")).status()).isEqualTo(303);
        assertThat(inquiriesSince(began)).extracting(i -> i.content().programSlug()).containsExactlyInAnyOrder("alpha-im", "gen-042", null);
    }

    @Test
    void a_name_several_programs_share_comes_back_with_them_to_choose_from_and_every_answer_kept() {
        TestSite.Response again = send("/inquiries", question("Pediatrics Residency", "graduationYear", "2023"));
        assertThat(again.status()).isEqualTo(422);
        Document page = again.page();
        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select(".error-summary a").eachText()).containsExactly("More than one program matches 'Pediatrics Residency': choose one below, or type its full name");
        assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#program");
        assertThat(page.select("#program-error").text()).contains("More than one program matches");
        assertThat(page.select("input#program").val()).isEqualTo("Pediatrics Residency");
        assertThat(page.select("input#program").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#program-choices input[name=program]").eachAttr("value")).containsExactly("peds-north", "peds-south");
        assertThat(page.select("#program-choices label").eachText()).containsExactly("Pediatrics Residency (Residency)", "Pediatrics Residency (Residency)");
        assertThat(page.select("#name").val()).isEqualTo("Ada Lovelace");
        assertThat(page.select("#email").val()).isEqualTo("ada@example.com");
        assertThat(page.select("#graduationYear").val()).isEqualTo("2023");
        assertThat(page.select("#message").text()).isEqualTo("Do you sponsor H-1B visas?");
        assertThat(page.select("#applicantType-img[checked]")).hasSize(1);

        // Part of a name: its best matches.
        Document partial = send("/inquiries", question("surgery")).page();
        assertThat(partial.select("#program-choices input").eachAttr("value")).containsExactly("gamma-surg", "vascular-surg");

        // Choosing one sends it.
        clock.advance(java.time.Duration.ofDays(1));
        Instant began = clock.instant();
        assertThat(send("/inquiries", question("Pediatrics Residency", "program", "peds-south")).status()).isEqualTo(303);
        assertThat(inquiriesSince(began)).extracting(i -> i.content().programSlug()).containsExactly("peds-south");
    }

    @Test
    void a_name_nothing_matches_or_no_name_says_what_to_do() {
        Document unknown = send("/inquiries", question("Astronaut <Training>")).page();
        assertThat(unknown.select("#program-error").text()).isEqualTo(
                "Error: We could not find a program called 'Astronaut <Training>': check the spelling, or type one word of its name, such as Surgery");
        assertThat(unknown.select("input#program").val()).isEqualTo("Astronaut <Training>");
        assertThat(unknown.select("#program-choices")).isEmpty();
        assertThat(send("/inquiries", question("Secret Draft Residency")).page().select("#program-error").text())
                .as("a draft is no program to the public").contains("We could not find a program called");
        assertThat(send("/inquiries", question("")).page().select("#program-error").text())
                .isEqualTo("Error: Type the name of a program, or tick the box for a general question to the office");
        assertThat(send("/inquiries", question("Surgery Residency", "office", "yes")).page().select("#program-error").text())
                .contains("not both");
    }

    @Test
    void the_registration_form_keeps_the_events_programs_as_boxes_and_adds_others_by_name() {
        Document page = smallPage("/events/open-day/register");
        assertThat(page.select("input[name=programs]").eachAttr("value")).containsExactly("alpha-im");
        assertThat(page.select("input[name=programs][checked]").eachAttr("value")).containsExactly("alpha-im");
        assertThat(page.select("label[for=programs-name]").text()).isEqualTo("Add another program by name");
        assertThat(page.select("button[name=add]").text()).isEqualTo("Add");
        assertThat(page.text()).doesNotContain("Specialty 150 Research");

        // "Add" without JavaScript: the page again, the program ticked, the answers kept, nothing registered.
        TestSite.Response added = send("/events/open-day/register", List.of(
                Map.entry("name", "Grace Hopper"), Map.entry("email", "grace@example.com"), Map.entry("applicantType", "us-md"),
                Map.entry("programs", "alpha-im"), Map.entry("addProgram", "specialty 007 research fellowship"), Map.entry("add", "yes")));
        assertThat(added.status()).isEqualTo(200);
        Document addedPage = added.page();
        assertThat(addedPage.select("input[name=programs][checked]").eachAttr("value")).containsExactly("alpha-im", "gen-007");
        assertThat(addedPage.select("label[for=programs-gen-007]").text()).isEqualTo("Specialty 007 Research Fellowship");
        assertThat(addedPage.select("#programs-name").val()).isEmpty();
        assertThat(addedPage.select("#name").val()).isEqualTo("Grace Hopper");
        assertThat(site.app().services().registrations().list("open-day")).isEmpty();

        // A shared name: the programs to tick, the name kept, the other answers too.
        List<Map.Entry<String, String>> ambiguous = List.of(
                Map.entry("name", "Grace Hopper"), Map.entry("email", "grace@example.com"), Map.entry("applicantType", "us-md"),
                Map.entry("programs", "alpha-im"), Map.entry("programs", "gen-007"), Map.entry("addProgram", "Pediatrics Residency"));
        TestSite.Response choose = send("/events/open-day/register", ambiguous);
        assertThat(choose.status()).isEqualTo(422);
        Document choosePage = choose.page();
        assertThat(choosePage.select(".error-summary a").eachText()).containsExactly(
                "More than one program matches 'Pediatrics Residency': tick the one you mean below, or type its full name");
        assertThat(choosePage.select(".error-summary a").attr("href")).isEqualTo("#programs-name");
        assertThat(choosePage.select("#programs-choices input").eachAttr("value")).containsExactly("peds-north", "peds-south");
        assertThat(choosePage.select("#programs-name").val()).isEqualTo("Pediatrics Residency");
        assertThat(choosePage.select("input[name=programs][checked]").eachAttr("value")).containsExactly("alpha-im", "gen-007");

        // An unknown name: said so, nothing registered.
        TestSite.Response unknown = send("/events/open-day/register", List.of(
                Map.entry("name", "Grace Hopper"), Map.entry("email", "grace@example.com"), Map.entry("applicantType", "us-md"),
                Map.entry("addProgram", "Astronaut Training")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.page().select("#programs-error").text()).contains("We could not find a program called 'Astronaut Training'");
        assertThat(site.app().services().registrations().list("open-day")).isEmpty();

        // One of the choices ticked: registered with it.
        List<Map.Entry<String, String>> chosen = new java.util.ArrayList<>(ambiguous);
        chosen.add(Map.entry("programs", "peds-south"));
        TestSite.Response registered = send("/events/open-day/register", chosen);
        assertThat(registered.status()).as(registered.text()).isEqualTo(303);
        assertThat(site.app().services().registrations().list("open-day")).extracting(Registration::programs)
                .containsExactly(List.of("alpha-im", "gen-007", "peds-south"));
    }

    @Test
    void the_endpoint_lists_public_programs_by_name_and_refuses_bad_input() {
        TestSite.Response answer = site.get("/api/v1/search/programs?q=intern");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.text()).isEqualTo("{\"query\":\"intern\",\"results\":[{\"slug\":\"alpha-im\",\"title\":\"Internal Medicine Residency\","
                + "\"type\":\"Residency\",\"url\":\"/programs/alpha-im\"}]}");
        assertThat(site.get("/api/v1/search/programs?q=").text()).contains("\"slug\":\"gen-001\"");
        assertThat(site.get("/api/v1/search/programs?q=research").text().split("\"slug\"")).hasSize(ProgramNames.LIMIT + 1);
        assertThat(site.get("/api/v1/search/programs?q=secret").text()).isEqualTo("{\"query\":\"secret\",\"results\":[]}");

        TestSite.Response tooLong = site.get("/api/v1/search/programs?q=" + "a".repeat(ProgramNames.MAX_QUERY + 1));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLong.text()).contains("longer than 200 characters");
        assertThat(site.get("/api/v1/search/programs?q=a&q=b").status()).isEqualTo(400);
    }
}
