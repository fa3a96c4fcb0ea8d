package edu.rush.gme.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.TestSite;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The inquiry form as an applicant uses it, against the real server and a real SQLite file (one for
 * the class; see InquirySiteForClass for how tests keep out of each other's way).
 */
class InquiryFormTest extends InquirySiteForClass {

    static Map<String, String> question(String program) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("program", program);
        form.put("name", "Ada Lovelace");
        form.put("email", "ada@example.com");
        form.put("applicantType", "img");
        form.put("graduationYear", "2023");
        form.put("message", "Do you sponsor H-1B visas for PGY-1 residents?");
        form.put("website", "");
        return form;
    }

    @Test
    void without_any_address_the_form_and_the_confirmation_say_the_question_is_saved_not_mailed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path own) {
        var content = edu.rush.gme.ContentFixture.minimal(own)
                .program("solo-peds", "residency", "Pediatrics", 3, "[]", true, null, false, "virtual", "2026-12-15", null);
        try (TestSite bare = TestSite.start(content.dir())) {
            assertThat(bare.get("/inquiries/new?program=solo-peds").page().selectFirst(".lead").text()).isEqualTo(
                    "This site has no e-mail address for the Pediatrics Residency program or the Test GME yet: your question is saved in the "
                            + "office's list, which the office reads and passes on. They answer by e-mail, at the address you give below.");
            TestSite.Response sent = bare.post("/inquiries", question("solo-peds"));
            assertThat(sent.status()).isEqualTo(303);
            assertThat(bare.get(sent.header("Location")).page().select("main li").eachText()).contains(
                    "Your question is saved in the office's list of questions. This site has no e-mail address for the Test GME yet, "
                            + "so it has not been e-mailed: the office reads its list and answers by e-mail to a•••@example.com.");
        }
    }

    @Test
    void program_page_links_to_the_form_with_that_program_chosen() {
        TestSite.Response program = site.get("/programs/alpha-im");
        Element ask = program.page().selectFirst("a:containsOwn(Ask this program a question)");
        assertThat(ask).isNotNull();
        assertThat(ask.attr("href")).isEqualTo("/inquiries/new?program=alpha-im");

        TestSite.Response form = site.get(ask.attr("href"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.page().select("#program option[selected]").text()).isEqualTo("Internal Medicine Residency");
        assertThat(form.text()).contains("Your question goes to the coordinator of the Internal Medicine Residency program.");
        assertThat(form.page().select("link[rel=canonical]").attr("href")).endsWith("/inquiries/new");
    }

    @Test
    void stores_an_inquiry_and_shows_its_reference() {
        TestSite.Response sent = site.post("/inquiries", question("alpha-im"));
        assertThat(sent.status()).isEqualTo(303);
        String location = sent.header("Location");
        assertThat(location).matches("/inquiries/Q-[0-9A-Z]{8}");

        TestSite.Response confirmation = site.get(location);
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.page().select("h1").text()).isEqualTo("Question sent");
        String reference = location.substring("/inquiries/".length());
        assertThat(confirmation.text()).contains("Your reference: " + reference, "Internal Medicine Residency", "a•••@example.com")
                .doesNotContain("ada@example.com");
        assertThat(confirmation.page().select("main li").eachText()).as("no mail server: the page does not promise e-mail that is not going out")
                .contains("Your question is saved, but it has not been e-mailed yet: this site does not send e-mail at the moment. "
                        + "It waits in the office's list of questions until it is passed on to Program Coordinator, coordinator of the "
                        + "Internal Medicine Residency program.")
                .noneMatch(line -> line.contains("on its way"));
        assertThat(confirmation.header("Cache-Control")).isEqualTo("no-store");
        assertThat(confirmation.page().select("meta[name=robots]").attr("content")).isEqualTo("noindex");

        assertThat(stored()).singleElement().satisfies(inquiry -> {
            assertThat(inquiry.reference()).isEqualTo(reference);
            assertThat(inquiry.receivedAt()).isEqualTo(clock.instant());
            assertThat(inquiry.channel()).isEqualTo("form");
            assertThat(inquiry.content()).isEqualTo(new NewInquiry("alpha-im", "Internal Medicine Residency", "im-coordinator@example.org",
                    "Ada Lovelace", "ada@example.com", ApplicantType.IMG, 2023, "Do you sponsor H-1B visas for PGY-1 residents?", false));
            assertThat(inquiry.delivery()).as("no mail server in this test: the e-mail waits").isEqualTo(Inquiry.Delivery.WAITING);
        });
    }

    @Test
    void rejects_inquiry_without_email_and_keeps_everything_typed() {
        Map<String, String> form = question("alpha-im");
        form.put("email", "");
        TestSite.Response answer = site.post("/inquiries", form);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().title()).startsWith("Error: ");
        Element summary = answer.page().selectFirst(".error-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.select("li a").eachText()).containsExactly("Enter your e-mail address");
        assertThat(summary.select("li a").attr("href")).isEqualTo("#email");
        assertThat(answer.page().select("#email-error").text()).isEqualTo("Error: Enter your e-mail address");
        assertThat(answer.page().select("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(answer.page().select("#email").attr("aria-describedby")).isEqualTo("email-hint email-error");

        assertThat(answer.page().select("#program option[selected]").val()).isEqualTo("alpha-im");
        assertThat(answer.page().select("#name").val()).isEqualTo("Ada Lovelace");
        assertThat(answer.page().select("#applicantType-img").hasAttr("checked")).isTrue();
        assertThat(answer.page().select("#graduationYear").val()).isEqualTo("2023");
        assertThat(answer.page().select("#message").text()).isEqualTo("Do you sponsor H-1B visas for PGY-1 residents?");
        assertThat(stored()).isEmpty();
    }

    @Test
    void says_what_is_wrong_with_each_field() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("program", "");
        form.put("name", " ");
        form.put("email", "ada@example");
        form.put("applicantType", "astronaut");
        form.put("graduationYear", "23");
        form.put("message", "x".repeat(5001));
        TestSite.Response answer = site.post("/inquiries", form);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().select(".error-summary li").eachText()).containsExactly(
                "Choose a program, or the GME office for a general question",
                "Enter your name",
                "Enter an e-mail address in the correct format, like name@example.com",
                "Choose one of the options, or leave it unanswered",
                "Enter the year as four digits, like 2025",
                "Your question must be 5,000 characters or fewer; it has 5,001");
        assertThat(answer.page().select(".error-summary a").eachAttr("href")).as("each link goes to a control that takes the focus")
                .containsExactly("#program", "#name", "#email", "#applicantType-us-md", "#graduationYear", "#message");
        assertThat(answer.page().select("[aria-invalid=true]").eachAttr("id"))
                .containsExactlyInAnyOrder("program", "name", "email", "applicantType", "graduationYear", "message");
        assertThat(answer.page().select("#email").val()).isEqualTo("ada@example");
    }

    @Test
    void rejects_an_address_that_not_every_mail_server_takes() {
        for (String address : List.of("ü@exämple.com", "\"a b\"@example.com", "ada@example", "Ada <ada@example.com>", "ada@@example.com")) {
            Map<String, String> form = question("alpha-im");
            form.put("email", address);
            assertThat(site.post("/inquiries", form).page().select("#email-error").text()).as(address)
                    .isEqualTo("Error: Enter an e-mail address in the correct format, like name@example.com");
        }
    }

    @Test
    void a_form_in_an_unknown_character_set_gets_a_message_not_an_error() {
        TestSite.Response answer = site.post("/inquiries", question("alpha-im"), "Content-Type", "application/x-www-form-urlencoded; charset=made-up");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.page().select(".error-summary li").text())
                .isEqualTo("We could not read the form as it was sent. Please fill it in and send it again.");
        assertThat(stored()).isEmpty();
    }

    @Test
    void rejects_a_graduation_year_out_of_range() {
        Map<String, String> form = question("alpha-im");
        form.put("graduationYear", "1890");
        // Eight years from this one, by the site's clock in its time zone.
        int latest = clock.instant().atZone(java.time.ZoneId.of("America/Chicago")).getYear() + InquiryService.YEARS_AHEAD;
        assertThat(site.post("/inquiries", form).page().select("#graduationYear-error").text())
                .isEqualTo("Error: Enter a year from 1950 to " + latest);
    }

    @Test
    void a_question_to_the_office_or_a_program_without_coordinator_goes_to_the_office() {
        site.post("/inquiries", question("office"));
        site.post("/inquiries", question("zeta-pharm"));

        assertThat(stored()).extracting(inquiry -> inquiry.content().programTitle(), inquiry -> inquiry.content().recipient())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Office of Graduate Medical Education", "gme-office@example.org"),
                        org.assertj.core.groups.Tuple.tuple("Pharmacy Residency", "gme-office@example.org"));
    }

    @Test
    void the_form_says_where_a_question_goes_when_the_program_has_no_coordinator_address() {
        assertThat(site.get("/inquiries/new?program=zeta-pharm").text())
                .contains("Your question about the Pharmacy Residency program goes to the Office of Graduate Medical Education, which passes it on to the program.");
        assertThat(site.get("/inquiries/new").text())
                .contains("Your question goes to the coordinator of the program you choose, or to the Office of Graduate Medical Education.");
    }

    @Test
    void a_link_to_an_unknown_program_asks_the_applicant_to_choose() {
        TestSite.Response form = site.get("/inquiries/new?program=no-such-program");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("We could not find the program you asked about. Choose it from the list below.");
        assertThat(form.page().select("#program option[selected]")).isEmpty();

        TestSite.Response answer = site.post("/inquiries", question("no-such-program"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().select("#program-error").text())
                .isEqualTo("Error: Choose a program from the list; we could not find one called 'no-such-program'");
    }

    @Test
    void what_the_applicant_typed_is_shown_as_text_never_as_markup() {
        Map<String, String> form = question("alpha-im");
        form.put("name", "<script>alert(1)</script>");
        form.put("email", "\"><img src=x onerror=alert(1)>");
        TestSite.Response answer = site.post("/inquiries", form);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.page().select("script:containsData(alert)")).isEmpty();
        assertThat(answer.page().select("img[onerror]")).isEmpty();
        assertThat(answer.page().select("#name").val()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void a_body_over_the_size_limit_gets_a_page_that_says_so() {
        Map<String, String> form = question("alpha-im");
        form.put("message", "x".repeat(1_200_000));
        TestSite.Response answer = site.post("/inquiries", form);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.page().select("h1").text()).isEqualTo("Too much to send");
        assertThat(answer.text()).contains("shorten it, and send it again");
        assertThat(answer.page().select("header a[href=/]")).as("in the site's layout").isNotEmpty();

        TestSite.Response api = site.postJson("/api/v1/inquiries", "application/json", "{\"message\": \"" + "x".repeat(1_200_000) + "\"}");
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void a_malformed_multipart_body_gets_the_form_again_with_a_message_not_a_server_error() {
        for (String type : List.of("multipart/form-data; boundary=", "multipart/form-data", "multipart/form-data; boundary=xyz")) {
            TestSite.Response answer = site.post("/inquiries", Map.of("name", "Ada"), "Content-Type", type);
            assertThat(answer.status()).as(type).isEqualTo(400);
            assertThat(answer.page().select(".error-summary").text()).as(type).contains("We could not read the form as it was sent");
        }
        assertThat(stored()).isEmpty();
    }

    @Test
    void refuses_a_sixth_inquiry_in_ten_minutes_and_keeps_it() {
        for (int i = 0; i < 5; i++) {
            assertThat(site.post("/inquiries", question("alpha-im")).status()).isEqualTo(303);
        }
        TestSite.Response refused = site.post("/inquiries", question("alpha-im"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 120);
        assertThat(refused.page().select(".error-summary li").text())
                .isEqualTo("You have sent several questions in a short time. Your question is kept below: please send it again in 2 minutes.");
        assertThat(refused.page().select("#message").text()).isEqualTo("Do you sponsor H-1B visas for PGY-1 residents?");
        assertThat(stored()).hasSize(5);

        clock.advance(Duration.ofMinutes(2));
        assertThat(site.post("/inquiries", question("alpha-im")).status()).isEqualTo(303);
    }

    @Test
    void a_form_with_mistakes_does_not_count_against_the_limit() {
        Map<String, String> broken = question("alpha-im");
        broken.put("email", "");
        for (int i = 0; i < 10; i++) {
            assertThat(site.post("/inquiries", broken).status()).isEqualTo(422);
        }
        assertThat(site.post("/inquiries", question("alpha-im")).status()).isEqualTo(303);
    }

    @Test
    void a_robot_that_fills_the_hidden_field_is_kept_as_spam_and_not_mailed() {
        Map<String, String> form = question("alpha-im");
        form.put("website", "http://spam.example");
        TestSite.Response answer = site.post("/inquiries", form);
        assertThat(answer.status()).as("the robot learns nothing").isEqualTo(303);
        assertThat(stored()).singleElement().satisfies(inquiry -> {
            assertThat(inquiry.content().spam()).isTrue();
            assertThat(inquiry.delivery()).isEqualTo(Inquiry.Delivery.NOT_SENT);
        });
    }

    @Test
    void an_unknown_reference_is_not_found() {
        assertThat(site.get("/inquiries/Q-00000000").status()).isEqualTo(404);
        assertThat(site.get("/inquiries/anything").status()).isEqualTo(404);
    }

    @Test
    void the_form_is_in_the_sitemap_and_confirmations_are_not() {
        site.post("/inquiries", question("alpha-im"));
        String sitemap = site.get("/sitemap.xml").raw().body();
        assertThat(sitemap).contains("<loc>http://localhost/inquiries/new</loc>").doesNotContain("/inquiries/Q-");
    }

    @Test
    void the_bare_inquiries_address_leads_to_the_form() {
        TestSite.Response answer = site.get("/inquiries");
        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("Location")).isEqualTo("/inquiries/new");
    }

    @Test
    void readiness_reports_the_database_and_the_outbox() throws Exception {
        int waiting = readiness().get("mailWaiting").asInt();
        site.post("/inquiries", question("alpha-im"));
        TestSite.Response ready = site.monitor("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.raw().body()).contains("\"database\":\"sqlite\"", "\"mailSending\":false", "\"mailFailed\":0");
        assertThat(readiness().get("mailWaiting").asInt()).as("the question and its receipt wait").isEqualTo(waiting + 2);
    }

    private com.fasterxml.jackson.databind.JsonNode readiness() throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(site.monitor("/readyz").raw().body());
    }
}
