package edu.rush.gme.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.TestSite;
import edu.rush.gme.web.FormTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another website cannot make a visitor's browser send a question (and a receipt to any address):
 * a post is accepted only from the site's own pages, told by the browser's Sec-Fetch-Site, its
 * Origin, or (for browsers that send neither) the signed token the form carries.
 */
class CrossSiteFormTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    static Path temp;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(TestSite.settings(ContentFixture.inquiryCatalog(temp).dir(), "https://gme.example.org"), clock);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static int stored() {
        return site.app().services().inquiries().list(null, null).size();
    }

    private static String tokenOfTheForm() {
        return site.get("/inquiries/new").page().select("input[name=formToken]").val();
    }

    @Test
    void a_post_another_website_makes_is_refused_with_a_page_that_says_why_and_nothing_is_stored() {
        int before = stored();
        for (String[] headers : new String[][] {
                {"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"},
                {"Origin", "https://evil.example"},
                {"Sec-Fetch-Site", "cross-site"},
                {"Sec-Fetch-Site", "same-site", "Origin", "https://news.gme.example.org"},
                {"Origin", "http://gme.example.org.evil.example"}}) {
            TestSite.Response refused = site.post("/inquiries", InquiryFormTest.question("alpha-im"), with(headers));
            assertThat(refused.status()).as(String.join(" ", headers)).isEqualTo(403);
            assertThat(refused.page().select("h1").text()).isEqualTo("Question not sent");
            assertThat(refused.text()).contains("came to us from another website");
            assertThat(refused.page().select("a[href=/inquiries/new]")).isNotEmpty();
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_post_from_the_sites_own_page_is_accepted() {
        assertThat(site.post("/inquiries", InquiryFormTest.question("alpha-im"), with("Sec-Fetch-Site", "same-origin")).status())
                .isEqualTo(303);
        assertThat(site.post("/inquiries", InquiryFormTest.question("alpha-im"), with("Origin", site.url(""))).status())
                .as("a browser that sends Origin but no Fetch Metadata").isEqualTo(303);
        assertThat(site.post("/inquiries", InquiryFormTest.question("alpha-im"), with("Origin", "https://gme.example.org")).status())
                .as("the public address, behind a proxy that changes the Host").isEqualTo(303);
    }

    @Test
    void a_browser_that_says_nothing_of_where_a_post_comes_from_needs_the_forms_token() {
        int before = stored();
        assertThat(site.postAsOldBrowser("/inquiries", InquiryFormTest.question("alpha-im"), "Content-Type", FORM).status())
                .as("no token").isEqualTo(403);
        Map<String, String> forged = InquiryFormTest.question("alpha-im");
        forged.put("formToken", forge(tokenOfTheForm()));
        assertThat(site.postAsOldBrowser("/inquiries", forged, "Content-Type", FORM).status()).as("a token not signed here").isEqualTo(403);
        assertThat(stored()).isEqualTo(before);

        Map<String, String> answered = InquiryFormTest.question("alpha-im");
        answered.put("formToken", tokenOfTheForm());
        assertThat(site.postAsOldBrowser("/inquiries", answered, "Content-Type", FORM).status()).isEqualTo(303);
        assertThat(stored()).isEqualTo(before + 1);
    }

    /**
     * The token with one character of its signature changed. Not the last character: base64url keeps only
     * 4 bits of it, so some replacements decode to the same signature (a test that failed 1 time in 16).
     */
    static String forge(String token) {
        char[] chars = token.toCharArray();
        int at = chars.length - 6;
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    @Test
    void a_form_left_open_past_its_token_comes_back_with_the_answers_kept_and_one_sentence_why() {
        Map<String, String> answered = InquiryFormTest.question("alpha-im");
        answered.put("message", "Is there a research track?");
        answered.put("formToken", tokenOfTheForm());
        clock.advance(Duration.ofHours(25));
        int before = stored();
        TestSite.Response again = site.postAsOldBrowser("/inquiries", answered, "Content-Type", FORM);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.page().select(".error-summary").text()).contains("This form was open for a long time");
        assertThat(again.page().select("textarea[name=message]").text()).isEqualTo("Is there a research track?");
        assertThat(again.page().select("input[name=email]").val()).isEqualTo("ada@example.com");
        String fresh = again.page().select("input[name=formToken]").val();
        assertThat(fresh).isNotBlank().isNotEqualTo(answered.get("formToken"));
        assertThat(stored()).isEqualTo(before);

        answered.put("formToken", fresh);
        assertThat(site.postAsOldBrowser("/inquiries", answered, "Content-Type", FORM).status()).as("sent again with the new token").isEqualTo(303);
    }

    @Test
    void a_token_is_good_only_for_the_address_it_was_shown_to() {
        FormTokens tokens = new FormTokens(FormTokens.randomSecret(), clock);
        String token = tokens.issue("198.51.100.7");
        assertThat(tokens.check(token, "198.51.100.7")).isEqualTo(FormTokens.Check.VALID);
        assertThat(tokens.check(token, "203.0.113.9")).as("a phone that changed networks: asked again").isEqualTo(FormTokens.Check.STALE);
        assertThat(new FormTokens(FormTokens.randomSecret(), clock).check(token, "198.51.100.7")).as("another key").isEqualTo(FormTokens.Check.FORGED);
    }

    /** Content-Type plus the given request headers. */
    private static String[] with(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = FORM;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }
}
