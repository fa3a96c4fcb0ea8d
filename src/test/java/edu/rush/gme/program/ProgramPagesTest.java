package edu.rush.gme.program;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finder, program pages, comparisons and spreadsheets as an applicant or coordinator sees them. */
class ProgramPagesTest {

    @TempDir
    static Path temp;

    static TestSite site;

    @BeforeAll
    static void start() {
        ContentFixture content = ContentFixture.finderCatalog(temp)
                .write("programs/old-physics.md", """
                        ---
                        title: Old Physics Residency
                        type: allied-health
                        specialty: Medical Physics
                        summary: Physics.
                        accreditation:
                          accreditor: CAMPEP
                        cycle: 2025-2026
                        verified: 2025-08-15
                        website: https://www.rush.edu/physics-residency/
                        sources:
                          - https://www.rush.edu/physics-residency/
                          - https://www.campep.org/programs?id=1
                        coordinator:
                          name: Program Coordinator
                          email: physics@example.org
                        tags: ["=HYPERLINK(\\"http://evil.example\\")"]
                        ---
                        """)
                .write("programs/tracks-im.md", """
                        ---
                        title: Tracks Medicine Residency
                        type: residency
                        specialty: Tracks Medicine
                        summary: Two tracks.
                        nrmpTracks:
                          - code: 1147140C0
                            name: Categorical
                          - code: 1147140P0
                            name: Preliminary
                        ---
                        """)
                .write("programs/no-match.md", """
                        ---
                        title: No Match Residency
                        type: residency
                        specialty: No Match
                        summary: Outside the Match.
                        nrmpTracks: []
                        ---
                        """);
        site = TestSite.start(content.dir());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Document page(String path) {
        Response response = site.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.page();
    }

    private static String fact(Document page, String label) {
        return page.select(".facts__list div:has(dt:containsOwn(" + label + ")) dd").text();
    }

    @Test
    void a_program_page_names_its_sources_and_when_they_were_checked() {
        Document program = page("/programs/old-physics");
        assertThat(program.select(".sources p").eachText()).contains(
                "The program's own page: rush.edu/physics-residency", "Sources, checked on August 15, 2025:");
        assertThat(program.select(".sources__list a").eachAttr("href")).containsExactly(
                "https://www.rush.edu/physics-residency/", "https://www.campep.org/programs?id=1");
        assertThat(program.select(".sources__list a").eachText()).containsExactly("rush.edu/physics-residency", "campep.org/programs");
        assertThat(page("/programs/alpha-im").select(".sources").text()).contains("No public source is recorded for these facts yet.");
    }

    @Test
    void the_finder_shows_results_counts_and_a_shareable_form() {
        Document finder = page("/programs?type=residency&visa=J-1");
        assertThat(finder.select(".results .card__title").eachText()).containsExactly("Internal Medicine Residency", "Pediatrics Residency");
        assertThat(finder.selectFirst(".finder__count").text()).isEqualTo("2 of 9 programs");
        assertThat(finder.selectFirst("form.finder__filters").attr("method")).isEqualTo("get");
        assertThat(finder.select("input[name=type][value=residency]").hasAttr("checked")).isTrue();
        assertThat(finder.select("label[for=f-type-fellowship]").text()).isEqualTo("Fellowship Programs (2)");
        assertThat(finder.select(".active-filters a").eachAttr("href")).containsExactly("/programs?visa=J-1", "/programs?type=residency");
    }

    @Test
    void an_empty_result_offers_to_remove_each_filter() {
        Document finder = page("/programs?type=allied-health&visa=H-1B");
        assertThat(finder.selectFirst(".empty-state").text()).contains("No program matches all of these filters.");
        assertThat(finder.select(".active-filters a").eachText()).containsExactly(
                "Type of program: Allied Health Residency Programs (remove this filter) ✕",
                "Visa sponsorship: Sponsors H-1B visas (remove this filter) ✕");
        assertThat(finder.select(".empty-state a").attr("href")).isEqualTo("/programs");
    }

    @Test
    void each_type_list_is_the_finder_with_that_type_chosen() {
        Document fellowships = page("/programs/fellowship");
        assertThat(fellowships.selectFirst("h1").text()).isEqualTo("Fellowship Programs");
        assertThat(fellowships.select(".results .card__title").eachText()).containsExactly("Cardiology Fellowship", "Gastroenterology Fellowship");
        assertThat(page("/programs/allied-health").select(".results .card__title").eachText()).containsExactly("Old Physics Residency", "Pharmacy Residency");
    }

    @Test
    void a_program_page_shows_every_fact_in_order_and_says_not_reported() {
        Document program = page("/programs/alpha-im");
        assertThat(program.select("section.facts h2").eachText()).containsExactly("Program facts", "How to apply", "Eligibility", "Contacts");
        // Every fact but the program type (the heading's kicker says it) and the two of the sources section.
        assertThat(program.select(".facts__list dt").eachText()).containsExactlyElementsOf(
                ProgramFacts.labels().subList(1, ProgramFacts.labels().size() - 2));
        assertThat(program.selectFirst(".program__head .kicker").text()).isEqualTo("Residency");
        assertThat(fact(program, "Length")).isEqualTo("3 years");
        assertThat(fact(program, "Visa sponsorship")).isEqualTo("J-1 and H-1B");
        assertThat(fact(program, "Licensing exams accepted")).isEqualTo("USMLE or COMLEX");
        assertThat(fact(program, "Time since graduation")).isEqualTo("Graduated within the last 5 years");
        assertThat(fact(program, "US clinical experience")).isEqualTo("Not required");
        assertThat(fact(program, "Application deadline")).isEqualTo("October 15, 2026");
        assertThat(fact(program, "Training sites")).isEqualTo("Not reported");
        assertThat(fact(program, "Program director")).isEqualTo("Not reported");
        assertThat(program.select(".not-reported").size()).isGreaterThan(3);
        assertThat(program.selectFirst(".currency").text()).isEqualTo("Recruitment cycle: Not reported.");
    }

    @Test
    void a_residency_lists_its_fellowships_and_a_fellowship_its_residency() {
        assertThat(page("/programs/alpha-im").select(".related a").eachText()).containsExactly("Cardiology Fellowship", "Gastroenterology Fellowship");
        // The fellowship's residency first, then the other fellowship of that residency.
        assertThat(page("/programs/delta-cards").select(".related a").eachText()).containsExactly(
                "Internal Medicine Residency", "Gastroenterology Fellowship");
    }

    @Test
    void an_allied_health_page_shows_only_the_facts_that_apply_to_it() {
        Document pharmacy = page("/programs/zeta-pharm");
        List<String> labels = pharmacy.select(".facts__list dt").eachText();
        assertThat(labels).contains("Length", "Accreditation", "Application system", "Interview format", "Visa sponsorship", "Program coordinator")
                .doesNotContain("NRMP tracks", "ERAS preference signals", "Licensing exams accepted", "Minimum scores",
                        "Time since graduation", "US clinical experience");
        assertThat(fact(pharmacy, "Accreditation")).isEqualTo("ASHP");
        assertThat(pharmacy.select("table.tracks")).isEmpty();
        assertThat(pharmacy.text()).doesNotContain("NRMP", "ERAS", "USMLE", "COMLEX", "ACGME");
        // A residency keeps them all.
        assertThat(page("/programs/alpha-im").select(".facts__list dt").eachText())
                .contains("NRMP tracks", "ERAS preference signals", "Licensing exams accepted", "US clinical experience");
    }

    @Test
    void a_comparison_says_which_facts_do_not_apply_to_allied_health() {
        Document compare = page("/programs/compare?p=alpha-im,zeta-pharm");
        assertThat(compare.select("tr:has(th:containsOwn(Licensing exams accepted)) td").eachText()).containsExactly(
                "USMLE or COMLEX", "Does not apply");
        assertThat(compare.select("tr:has(th:containsOwn(NRMP tracks)) td").eachText()).containsExactly(
                "Not reported", "Does not apply");
    }

    @Test
    void no_fact_is_shown_twice_on_a_program_page() {
        Document program = page("/programs/tracks-im");
        List<String> labels = program.select(".facts__list dt").eachText();
        assertThat(labels).doesNotHaveDuplicates().doesNotContain("NRMP tracks", "Program type");
        assertThat(program.select("table.tracks tbody tr")).hasSize(2);
        assertThat(program.select("table.tracks caption").text()).isEqualTo("NRMP Match tracks");
        String text = program.body().text();
        assertThat(text.split("1147140C0", -1)).as("the categorical track's code appears once").hasSize(2);
        assertThat(text.split("1147140P0", -1)).as("the preliminary track's code appears once").hasSize(2);
        // Every fact's value appears once in the facts, whatever the program.
        for (String slug : List.of("tracks-im", "alpha-im", "delta-cards", "zeta-pharm", "old-physics")) {
            Document page = page("/programs/" + slug);
            assertThat(page.select(".facts__list dt").eachText()).as(slug).doesNotHaveDuplicates();
            assertThat(page.select("h2").eachText()).as(slug).doesNotHaveDuplicates();
        }
        // Without tracks, the list says so in its one place.
        assertThat(fact(page("/programs/no-match"), "NRMP tracks")).isEqualTo("None (not in the NRMP Match)");
    }

    @Test
    void a_program_of_a_past_cycle_says_its_facts_may_be_out_of_date() {
        Document old = page("/programs/old-physics");
        assertThat(old.selectFirst(".callout--warning").text()).contains("2025-2026 recruitment cycle, which has ended");
        assertThat(old.selectFirst(".currency").text()).isEqualTo("Recruitment cycle: 2025-2026.");
        assertThat(page("/programs/alpha-im").select(".callout--warning")).isEmpty();
    }

    @Test
    void a_program_page_links_to_the_inquiry_form_with_the_program_chosen() {
        assertThat(page("/programs/old-physics").select("a:containsOwn(Ask this program a question)").attr("href"))
                .isEqualTo("/inquiries/new?program=old-physics");
    }

    @Test
    void compares_two_to_four_programs_side_by_side() {
        Document compare = page("/programs/compare?p=alpha-im,delta-cards,zeta-pharm");
        assertThat(compare.select("table.compare thead th").eachText()).containsExactly(
                "Internal Medicine Residency", "Cardiology Fellowship", "Pharmacy Residency");
        assertThat(compare.select("table.compare tbody th").eachText()).containsExactlyElementsOf(ProgramFacts.labels());
        assertThat(compare.select("tr:has(th:containsOwn(Visa sponsorship)) td").eachText()).containsExactly(
                "J-1 and H-1B", "J-1", "None: the program does not sponsor visas");
        assertThat(compare.select("a[href^=/programs/compare.csv]").attr("href")).isEqualTo("/programs/compare.csv?p=alpha-im,delta-cards,zeta-pharm");
        assertThat(page("/programs/compare?p=alpha-im&p=delta-cards").select("table.compare thead th")).hasSize(2);
    }

    @Test
    void a_comparison_of_one_five_or_unknown_programs_says_what_is_wrong() {
        Response one = site.get("/programs/compare?p=alpha-im");
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.page().selectFirst(".error-summary[role=alert]").text()).contains("Choose at least 2 programs to compare.");

        Response five = site.get("/programs/compare?p=alpha-im,beta-peds,gamma-surg,delta-cards,epsilon-gi");
        assertThat(five.status()).isEqualTo(400);
        assertThat(five.text()).contains("Choose at most 4 programs to compare; you chose 5.");

        Response unknown = site.get("/programs/compare?p=alpha-im,nope");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("There is no program called “nope”");
        assertThat(site.get("/programs/compare").status()).isEqualTo(400);
    }

    @Test
    void the_comparison_downloads_as_csv() throws Exception {
        Response csv = site.get("/programs/compare.csv?p=alpha-im,delta-cards");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"program-comparison.csv\"");
        List<List<String>> rows = rows(csv.raw().body());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).subList(0, 4)).containsExactly("Slug", "Title", "URL", "Program type");
        assertThat(rows.get(1).get(0)).isEqualTo("alpha-im");
        assertThat(site.get("/programs/compare.csv?p=alpha-im").status()).isEqualTo(400);
    }

    @Test
    void the_export_has_every_fact_of_every_visible_program_and_no_formulas() throws Exception {
        Response csv = site.get("/programs.csv");
        List<List<String>> rows = rows(csv.raw().body());
        assertThat(rows).hasSize(10);
        List<String> header = rows.get(0);
        assertThat(header).containsSubsequence(ProgramFacts.labels()).endsWith("Related programs", "Tags");
        List<String> physics = rows.stream().filter(r -> r.get(0).equals("old-physics")).findFirst().orElseThrow();
        assertThat(physics.get(header.indexOf("Positions per year"))).isEqualTo("Not reported");
        assertThat(physics.get(header.indexOf("Tags"))).startsWith("'=HYPERLINK");
        List<String> cards = rows.stream().filter(r -> r.get(0).equals("delta-cards")).findFirst().orElseThrow();
        assertThat(cards.get(header.indexOf("Related programs"))).isEqualTo("alpha-im");
    }

    private static List<List<String>> rows(String csv) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
            return it.readAll();
        }
    }
}
