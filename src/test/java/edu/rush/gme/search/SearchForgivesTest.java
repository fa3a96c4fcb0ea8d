package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search that forgives, on a fixture catalog shaped like a teaching hospital's (a specialty, its
 * fellowships in its department, and other programs that merely mention it) with the site's own
 * synonyms file: abbreviations and typos find what the full word finds, in the results and in the
 * suggestions alike; a specialty's own programs come first; every word of a query counts; snippets
 * show the sentence that matched.
 */
class SearchForgivesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    static TestSite site;
    static SearchService search;

    @BeforeAll
    static void start() throws IOException {
        ContentFixture content = ContentFixture.minimal(temp)
                // The staff's rules as shipped: what applicants type must keep working with them.
                .write("synonyms.txt", Files.readString(Path.of("content/synonyms.txt")));
        program(content, "internal-medicine", "residency", "Internal Medicine", "Department of Internal Medicine",
                "Training in the care of adults.", "Residents care for adults in clinics and on the wards.");
        program(content, "emergency-medicine", "residency", "Emergency Medicine", "Department of Emergency Medicine",
                "Training in resuscitation of patients of every age.",
                "## Training\n\nThe program combines supervised clinical work with protected teaching time.\n\n"
                        + "## At the bedside\n\nEvery resident learns point-of-care ultrasound & “bedside” &lt;echo&gt; at the stretcher.");
        program(content, "emergency-medicine-internal-medicine", "residency", "Emergency Medicine–Internal Medicine",
                "Departments of Emergency Medicine and Internal Medicine", "Combined training in two specialties.",
                "Residents alternate between the two departments.");
        program(content, "psychiatry", "residency", "Psychiatry", "Department of Psychiatry",
                "Training in inpatient, outpatient and emergency psychiatry.",
                "Residents see patients in the emergency department. Emergency psychiatry is taught on every emergency shift, "
                        + "and the emergency room is where most residents first meet acute illness.");
        program(content, "pediatrics", "residency", "Pediatrics", "Department of Pediatrics",
                "Training in the care of children.", "Residents care for children.");
        program(content, "pediatric-gastroenterology", "fellowship", "Pediatric Gastroenterology", "Department of Pediatrics",
                "Training in digestive diseases of children.", "Fellows see children with digestive diseases.");
        program(content, "obstetrics-and-gynecology", "residency", "Obstetrics and Gynecology", "Department of Obstetrics and Gynecology",
                "Training in women's health.", "Residents deliver babies and operate.");
        program(content, "maternal-fetal-medicine", "fellowship", "Maternal-Fetal Medicine", "Department of Obstetrics and Gynecology",
                "Training in high-risk pregnancy.", "Fellows care for mothers with complicated pregnancies.");
        program(content, "urogynecology", "fellowship", "Urogynecology", "Department of Obstetrics and Gynecology",
                "Training in pelvic floor surgery.", "Fellows repair the pelvic floor.");
        program(content, "reproductive-endocrinology-and-infertility", "fellowship", "Reproductive Endocrinology and Infertility",
                "Department of Obstetrics and Gynecology", "Training in fertility care.", "Fellows run an IVF laboratory.");
        program(content, "family-medicine", "residency", "Family Medicine", "Department of Family Medicine",
                "Training in the care of whole families, with obstetrics and gynecology.",
                "Residents rotate through obstetrics and gynecology, and family medicine obstetrics and gynecology clinics.");
        program(content, "cardiovascular-disease", "fellowship", "Cardiology", "Division of Cardiology",
                "Training in cardiology.", "Fellows read echocardiograms.");
        program(content, "interventional-cardiology", "fellowship", "Interventional Cardiology", "Division of Cardiology",
                "Training in catheter procedures.", "Fellows work in the catheterization laboratory.");
        for (int i = 1; i <= 6; i++) {
            content.write("news/medicine-" + i + ".md", "---\ntitle: Grand rounds " + i + "\ndate: 2026-0" + i + "-01\nsummary: A talk.\n---\n"
                    + "The department of medicine met for its internal review of sports medicine number " + i + ".\n");
        }
        for (int i = 1; i <= 6; i++) {
            content.write("news/wellness-" + i + ".md", "---\ntitle: Wellness day " + i + "\ndate: 2026-0" + i + "-02\nsummary: A day off.\n---\n"
                    + "Family medicine and emergency medicine residents spent a day in the park.\n");
        }
        // A title with an abbreviation that a synonym rule replaces (rheum => rheumatology), said nowhere in full.
        content.write("news/rheum-journal-club.md", "---\ntitle: Rheum journal club\ndate: 2026-07-03\nsummary: Papers and pizza.\n---\n"
                + "Fellows present a paper each month.\n");
        site = TestSite.start(content.dir());
        search = site.app().search();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static void program(ContentFixture content, String slug, String type, String specialty, String department,
                                String summary, String body) {
        content.write("programs/" + slug + ".md", "---\n"
                + "title: \"" + specialty + (type.equals("fellowship") ? " Fellowship" : " Residency") + "\"\n"
                + "type: " + type + "\n"
                + "specialty: \"" + specialty + "\"\n"
                + "department: \"" + department + "\"\n"
                + "summary: \"" + summary + "\"\n"
                + "lengthYears: 3\nvisas: []\n"
                + "application:\n  system: ERAS\n  opens: 2026-06-01\n  deadline: 2026-10-01\n"
                + "interviews:\n  format: virtual\n  months: [October]\n"
                + "requirements:\n  usmle: true\n  comlex: true\n  usceRequired: false\n"
                + "---\n" + body + "\n");
    }

    private static List<String> results(String q) {
        return search.search(q, null, null, 1).hits().stream().map(SearchResults.Hit::url).toList();
    }

    private static List<String> suggestions(String q) throws IOException {
        JsonNode body = JSON.readTree(site.get("/api/v1/search/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).raw().body());
        return body.get("suggestions").findValuesAsText("url");
    }

    @Test
    void abbreviations_find_the_specialty_first_in_results_and_suggestions() throws IOException {
        assertThat(results("peds")).first().isEqualTo("/programs/pediatrics");
        assertThat(suggestions("peds")).first().isEqualTo("/programs/pediatrics");
        assertThat(suggestions("peds")).contains("/programs/pediatric-gastroenterology");
        assertThat(results("IM")).first().isEqualTo("/programs/internal-medicine");
        assertThat(suggestions("im")).first().isEqualTo("/programs/internal-medicine");
        assertThat(suggestions("im")).contains("/programs/emergency-medicine-internal-medicine");
        assertThat(suggestions("em")).first().isEqualTo("/programs/emergency-medicine");
        assertThat(suggestions("cards")).first().isEqualTo("/programs/cardiovascular-disease");
        assertThat(suggestions("pedia")).as("a word being typed is completed").first().isEqualTo("/programs/pediatrics");
        assertThat(suggestions("uro")).first().isEqualTo("/programs/urogynecology");
    }

    @ParameterizedTest(name = "\"{0}\" puts Obstetrics and Gynecology and its fellowships before Family Medicine")
    @ValueSource(strings = {"obgyn", "ob/gyn", "OB-GYN", "ob gyn"})
    void obgyn_ranks_the_specialty_and_its_fellowships_before_a_program_that_mentions_it(String q) throws IOException {
        List<String> department = List.of("/programs/obstetrics-and-gynecology", "/programs/maternal-fetal-medicine",
                "/programs/urogynecology", "/programs/reproductive-endocrinology-and-infertility");
        for (List<String> found : List.of(results(q), suggestions(q))) {
            assertThat(found).as(q).first().isEqualTo("/programs/obstetrics-and-gynecology");
            assertThat(found.subList(0, 4)).as(q).containsExactlyInAnyOrderElementsOf(department);
        }
    }

    @Test
    void a_specialty_ranks_its_own_programs_above_those_that_mention_it() throws IOException {
        assertThat(results("emergency")).as("Psychiatry says 'emergency' five times")
                .startsWith("/programs/emergency-medicine", "/programs/emergency-medicine-internal-medicine");
        assertThat(suggestions("emergency")).startsWith("/programs/emergency-medicine", "/programs/emergency-medicine-internal-medicine")
                .doesNotContain("/programs/psychiatry");
        assertThat(results("cardiology")).first().isEqualTo("/programs/cardiovascular-disease");
    }

    @Test
    void a_typo_finds_what_the_word_finds_and_says_what_it_searched_for() throws IOException {
        assertThat(results("cardiolgy")).isEqualTo(results("cardiology")).isNotEmpty();
        assertThat(suggestions("cardiolgy")).isEqualTo(suggestions("cardiology")).isNotEmpty();
        assertThat(results("pediatircs")).isEqualTo(results("pediatrics"));
        assertThat(results("emergancy medicine")).isEqualTo(results("emergency medicine"));
        Element correction = site.get("/search?q=cardiolgy").page().selectFirst(".did-you-mean a");
        assertThat(correction.attr("href")).isEqualTo("/search?q=cardiology");

        // A corrected typo found something; what finds nothing even corrected is still counted for the office.
        site.get("/search?q=qxzwv");
        assertThat(search.zeroResults().entries()).extracting(ZeroResultLog.Entry::query).contains("qxzwv").doesNotContain("cardiolgy");
    }

    @Test
    void a_last_word_that_means_something_is_still_read_as_the_start_of_a_longer_word_when_nothing_has_both() {
        // "uro" is urology, which no page about the pelvic floor mentions; it also starts "Urogynecology".
        assertThat(results("pelvic uro")).first().isEqualTo("/programs/urogynecology");
        // "pelvic" starts no longer word, and nothing has both: the page with either word still comes.
        assertThat(results("uro pelvic")).containsExactly("/programs/urogynecology");
        assertThat(results("pelvic cardiology")).startsWith("/programs/cardiovascular-disease").contains("/programs/urogynecology");
        // A word a synonym rule replaces is not searched as written, but a title may say it so.
        assertThat(results("rheum")).containsExactly("/news/rheum-journal-club");
        assertThat(results("journal rheum")).containsExactly("/news/rheum-journal-club");
    }

    @Test
    void every_word_counts_so_two_words_are_not_every_page_with_one_of_them() {
        // Twelve stories say "medicine", six of them also "internal"; only programs say "internal medicine".
        List<String> found = results("internal med");
        assertThat(found).startsWith("/programs/internal-medicine", "/programs/emergency-medicine-internal-medicine")
                .noneMatch(url -> url.startsWith("/news/wellness-"));
        assertThat(search.search("internal medicine", null, null, 1).total()).isEqualTo(8);
        assertThat(results("family medicine")).first().isEqualTo("/programs/family-medicine");
        assertThat(results("family medicine")).noneMatch(url -> url.startsWith("/news/medicine-"));
        assertThat(results("cardiology zebra")).as("no page has every word: those with some").first()
                .isEqualTo("/programs/cardiovascular-disease");
    }

    @Test
    void the_snippet_is_the_sentence_that_matched_escaped_or_the_summary() {
        Element hit = site.get("/search?q=ultrasound").page().selectFirst(".search-results__snippet");
        assertThat(hit.text()).startsWith("Every resident learns point-of-care ultrasound").doesNotContain("supervised clinical work")
                .contains("ultrasound & “bedside” <echo>");
        assertThat(hit.select("mark").eachText()).containsExactly("ultrasound");
        assertThat(hit.children()).allMatch(child -> child.tagName().equals("mark"));

        // Found by its specialty's abbreviation, said nowhere in its body: the summary, not the body's first line.
        List<Element> im = site.get("/search?q=im").page().select(".search-results li");
        assertThat(im.get(0).selectFirst(".search-results__snippet").text()).isEqualTo("Training in the care of adults.");
    }

    @Test
    void a_word_being_typed_finds_the_programs_it_starts_and_marks_the_words_it_became() {
        // The title's word completes it, and the body's words it became are marked: the words it
        // starts in names and in bodies are looked up (and kept) apart.
        Element first = site.get("/search?q=psychiat").page().selectFirst(".search-results li");
        assertThat(first.selectFirst("a").attr("href")).isEqualTo("/programs/psychiatry");
        assertThat(first.select(".search-results__snippet mark").eachText()).isNotEmpty()
                .allMatch(word -> word.equalsIgnoreCase("psychiatry"));
    }

    @Test
    void the_search_box_example_suggests_and_finds_what_it_promises() throws IOException {
        String placeholder = site.get("/").page().selectFirst("header input[type=search]").attr("placeholder");
        assertThat(placeholder).contains("e.g. ");
        String example = placeholder.substring(placeholder.indexOf("e.g. ") + 5).strip();
        assertThat(suggestions(example)).as(example).first().isEqualTo("/programs/pediatrics");
        assertThat(results(example)).as(example).first().isEqualTo("/programs/pediatrics");
    }

    @ParameterizedTest(name = "suggestions for \"{0}\" start with the first program of the results")
    @ValueSource(strings = {"peds", "obgyn", "ob/gyn", "cardiolgy", "im", "emergency", "internal med", "uro", "fam med", "mfm", "rei", "gi"})
    void suggestions_agree_with_the_results_page(String q) throws IOException {
        String firstProgram = search.search(q, SearchDocument.PROGRAM, null, 1).hits().get(0).url();
        assertThat(suggestions(q)).as(q).first().isEqualTo(firstProgram);
    }

    @Test
    void a_query_of_many_abbreviations_is_searched_not_refused() throws IOException {
        // Each "im" is "im" or "internal medicine": read as one phrase, twelve of them would be 4,096 readings.
        for (String q : List.of("im ".repeat(40), "ob gyn ".repeat(10), "heart kids cancer baby im em fm peds ortho ent neuro psych")) {
            assertThat(site.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).status()).as(q).isEqualTo(200);
            assertThat(site.get("/api/v1/search/suggest?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).status()).as(q).isEqualTo(200);
        }
        assertThat(results("im ".repeat(40))).first().isEqualTo("/programs/internal-medicine");
        assertThat(suggestions("ob gyn ".repeat(10))).first().isEqualTo("/programs/obstetrics-and-gynecology");
    }

    @Test
    void the_api_gives_what_the_page_gives() throws IOException {
        for (String q : List.of("cardiolgy", "obgyn", "internal med")) {
            JsonNode api = JSON.readTree(site.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).raw().body());
            List<String> page = site.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).page()
                    .select(".search-results__title a").eachAttr("href");
            assertThat(api.get("hits").findValuesAsText("url")).as(q).isEqualTo(page);
        }
    }
}
