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
import org.jsoup.nodes.Element;
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
        return site.page(path);
    }

    private static String fact(Document page, String label) {
        return page.select(".facts__list div:has(dt:containsOwn(" + label + ")) dd").text();
    }

    @Test
    void a_sample_program_says_exactly_what_is_placeholder_on_its_page_and_its_card(@TempDir Path own) {
        ContentFixture content = ContentFixture.minimal(own).write("programs/unconfirmed-fellowship.md", """
                ---
                title: Unconfirmed Fellowship
                type: fellowship
                specialty: Unconfirmed
                summary: Not confirmed.
                sample: true
                sampleNote: "Not confirmed: no RUSH page we checked shows this program."
                ---
                """);
        try (TestSite sampleSite = TestSite.start(content.dir())) {
            Document sample = sampleSite.get("/programs/unconfirmed-fellowship").page();
            assertThat(sample.selectFirst(".sample-note").text()).isEqualTo("Sample Not confirmed: no RUSH page we checked shows this program.");
            assertThat(sampleSite.get("/programs").page().select(".card--program:has(a[href=/programs/unconfirmed-fellowship]) .card__warning").text())
                    .isEqualTo("Sample Not confirmed: no RUSH page we checked shows this program.");
        }
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
        Document alpha = page("/programs/alpha-im");
        long total = alpha.select(".facts__list dd").size();
        long missing = alpha.select(".facts__list dd .not-reported").size();
        assertThat(missing).isPositive();
        assertThat(alpha.selectFirst(".completeness").text()).isEqualTo((total - missing) + " of " + total
                + " facts on this page are reported; the others say \"Not reported\" because no source we checked gives them.");
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
    void an_allied_health_list_offers_only_the_filters_that_apply_to_its_programs() {
        List<String> physicians = List.of("For DO applicants", "Graduated up to", "US clinical experience");
        assertThat(filterNames(page("/programs/allied-health"))).contains("Type of program", "Visa sponsorship", "Interview format")
                .doesNotContainAnyElementsOf(physicians);
        assertThat(filterNames(page("/programs?type=allied-health"))).doesNotContainAnyElementsOf(physicians);
        // With residencies listed too, or every type, they are offered.
        assertThat(filterNames(page("/programs?type=allied-health&type=residency"))).containsAll(physicians);
        assertThat(filterNames(page("/programs"))).containsAll(physicians);
        // A filter chosen anyway (an old link) stays in view, so it can be seen and taken off.
        Document chosen = page("/programs/allied-health?comlex=yes");
        assertThat(filterNames(chosen)).contains("For DO applicants").doesNotContain("Graduated up to");
        assertThat(chosen.select(".active-filters a").eachText()).anyMatch(text -> text.startsWith("For DO applicants"));
    }

    /** The names of the finder's filters, as its form shows them (legends and labels of lists). */
    private static List<String> filterNames(Document finder) {
        List<String> names = new java.util.ArrayList<>(finder.select(".finder__filters legend").eachText());
        names.addAll(finder.select(".finder__filters label.filter__label").eachText());
        return names;
    }

    @Test
    void a_program_page_shows_every_fact_in_order_and_says_not_reported() {
        Document program = page("/programs/alpha-im");
        assertThat(program.select("section.facts h2").eachText()).containsExactly("Program facts", "How to apply", "Eligibility", "Contacts");
        // Every fact but the program type (the heading's kicker says it), the application window (above the list, in words)
        // and the two of the sources section.
        assertThat(program.select(".facts__list dt").eachText()).containsExactlyElementsOf(
                ProgramFacts.labels().subList(1, ProgramFacts.labels().size() - 2).stream().filter(l -> !l.equals("Application window")).toList());
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
        assertThat(compare.select("table.compare thead th > a:first-child").eachText()).containsExactly(
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
    void on_a_phone_the_comparison_reads_fact_by_fact_and_each_program_can_be_removed() {
        Document compare = page("/programs/compare?p=alpha-im,delta-cards,zeta-pharm");
        // The same facts as the table, one section per fact with every program's value under it (CSS shows it on a phone).
        assertThat(compare.select(".compare-stack__fact h2").eachText()).containsExactlyElementsOf(ProgramFacts.labels());
        Element visas = compare.selectFirst(".compare-stack__fact:has(h2:containsOwn(Visa sponsorship))");
        assertThat(visas.select("dt").eachText()).containsExactly(
                "1 Internal Medicine Residency", "2 Cardiology Fellowship", "3 Pharmacy Residency");
        assertThat(visas.select("dd").eachText()).containsExactly("J-1 and H-1B", "J-1", "None: the program does not sponsor visas");
        // With three programs, each can be left out: a link to the comparison of the other two, in the table and in the list.
        assertThat(compare.select(".compare-stack__programs a.compare__remove").eachAttr("href")).containsExactly(
                "/programs/compare?p=delta-cards,zeta-pharm", "/programs/compare?p=alpha-im,zeta-pharm", "/programs/compare?p=alpha-im,delta-cards");
        assertThat(compare.select("table.compare a.compare__remove")).hasSize(3);
        assertThat(compare.selectFirst("a.compare__remove").text()).isEqualTo("Remove Internal Medicine Residency from the comparison");
        // Two is the least: nothing to remove.
        assertThat(page("/programs/compare?p=alpha-im,delta-cards").select("a.compare__remove")).isEmpty();
    }

    @Test
    void too_many_programs_to_compare_come_back_ticked_to_choose_from_without_javascript() {
        Response five = site.get("/programs/compare?p=alpha-im,beta-peds,gamma-surg,delta-cards,epsilon-gi");
        assertThat(five.status()).isEqualTo(400);
        Element form = five.page().selectFirst("form.compare-retry");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/programs/compare");
        assertThat(form.selectFirst("legend").text()).isEqualTo("Compare up to 4 of the programs you chose");
        assertThat(form.select("input[name=p]").eachAttr("value")).containsExactly("alpha-im", "beta-peds", "gamma-surg", "delta-cards", "epsilon-gi");
        assertThat(form.select("input[name=p][checked]").eachAttr("value")).as("the first four, the most a comparison takes")
                .containsExactly("alpha-im", "beta-peds", "gamma-surg", "delta-cards");
        assertThat(form.select("label").eachText()).contains("Internal Medicine Residency");
        assertThat(form.select("button[type=submit]").text()).isEqualTo("Compare the ticked programs");
        // A known program and an unknown one: the known one alone cannot be compared, so no form.
        assertThat(site.get("/programs/compare?p=alpha-im,nope").page().select("form.compare-retry")).isEmpty();
        assertThat(site.get("/programs/compare?p=alpha-im,delta-cards,nope").page().select("form.compare-retry input[checked]").eachAttr("value"))
                .containsExactly("alpha-im", "delta-cards");
    }

    @Test
    void the_finder_compares_ticked_programs_without_javascript_from_above_or_below_the_results() {
        Document finder = page("/programs?type=residency");
        Element form = finder.selectFirst("form.compare-form");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/programs/compare");
        assertThat(form.select("input[type=checkbox][name=p]").eachAttr("value")).hasSize(finder.select(".results > li").size());
        Element box = form.selectFirst("input[name=p]");
        assertThat(form.selectFirst("label[for=" + box.id() + "]").text()).isEqualTo("Select to compare " + box.attr("data-title"));
        // One button before the first result and one after the last, so it is never a long way off.
        List<Element> buttons = form.select(".compare-form__submit button[type=submit]");
        assertThat(buttons).extracting(Element::text).containsExactly("Compare selected programs", "Compare selected programs");
        assertThat(form.children().first().select("button[type=submit]")).hasSize(1);
        assertThat(form.children().last().select("button[type=submit]")).hasSize(1);
        assertThat(form.selectFirst(".compare-form__hint").text()).isEqualTo("Select 2 to " + ProgramCatalog.COMPARE_MAX + " programs to compare their facts side by side.");
        // What the form sends is a comparison.
        assertThat(site.get("/programs/compare?p=alpha-im&p=beta-peds").status()).isEqualTo(200);
        // The bar at the foot of the screen needs JavaScript: hidden until selection.js shows it.
        Element bar = finder.selectFirst("section.selection-bar");
        assertThat(bar.hasAttr("hidden")).isTrue();
        assertThat(bar.attr("data-compare-max")).isEqualTo(String.valueOf(ProgramCatalog.COMPARE_MAX));
        assertThat(finder.select("script[src*=selection]")).hasSize(1);
    }

    @Test
    void a_program_page_offers_to_select_it_for_comparison_once_javascript_runs() {
        Document program = page("/programs/alpha-im");
        Element toggle = program.selectFirst(".select-toggle");
        assertThat(toggle.hasAttr("hidden")).as("a checkbox that only a script can keep stays out of sight without it").isTrue();
        assertThat(toggle.selectFirst("input.select-box").attr("value")).isEqualTo("alpha-im");
        assertThat(toggle.selectFirst("label").text()).isEqualTo("Select to compare with other programs");
        assertThat(program.select("section.selection-bar[hidden]")).hasSize(1);
        assertThat(program.select(".save-button")).as("one way to compare, not a shortlist beside it").isEmpty();
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

    @Test
    void a_long_finder_list_is_paged_with_counts_over_every_match_and_filters_kept_on_every_page(@TempDir Path own) {
        ContentFixture many = ContentFixture.minimal(own);
        for (int i = 1; i <= 120; i++) {
            many.program(String.format("p%03d", i), i % 3 == 0 ? "fellowship" : "residency", String.format("Specialty %03d", i), 3,
                    "[J-1]", i % 2 == 0, null, false, "virtual", "2026-12-15", null);
        }
        try (TestSite catalog = TestSite.start(many.dir())) {
            Document first = catalog.page("/programs");
            assertThat(first.select(".results .card__title")).hasSize(ProgramController.PAGE_SIZE);
            assertThat(first.selectFirst("#results-heading").text()).isEqualTo("120 of 120 programs");
            assertThat(first.selectFirst(".finder__range").text()).isEqualTo("Showing 1 to 50, page 1 of 3");
            assertThat(first.select("label[for=f-type-residency]").text()).isEqualTo("Residency Programs (80)");
            assertThat(first.selectFirst(".pager a[rel=next]").attr("href")).isEqualTo("/programs?page=2");
            assertThat(first.select(".pager a[rel=prev]")).isEmpty();

            Document last = catalog.page("/programs?page=3");
            assertThat(last.select(".results .card__title")).hasSize(20);
            assertThat(last.selectFirst(".finder__range").text()).isEqualTo("Showing 101 to 120, page 3 of 3");
            assertThat(last.select(".results .card__title").last().text()).isEqualTo("Specialty 120 Fellowship");
            assertThat(last.select(".pager a[rel=next]")).isEmpty();

            // Filters and sort stay on every page; counts are over every match, not the page.
            Document residencies = catalog.page("/programs?type=residency&sort=length&page=2");
            assertThat(residencies.selectFirst("#results-heading").text()).isEqualTo("80 of 120 programs");
            assertThat(residencies.selectFirst(".pager a[rel=prev]").attr("href")).isEqualTo("/programs?type=residency&sort=length");
            assertThat(residencies.select(".results .card__meta").eachText()).allMatch(meta -> meta.startsWith("Residency"));
            assertThat(catalog.page("/programs/residency?page=2").select(".results .card__title")).hasSize(30);

            // The shareable address keeps its page; a page that does not exist is not found.
            Response messy = catalog.get("/programs?specialty=&type=residency&page=2");
            assertThat(messy.status()).isEqualTo(303);
            assertThat(messy.header("Location")).isEqualTo("/programs?type=residency&page=2");
            assertThat(catalog.get("/programs?page=1").header("Location")).isEqualTo("/programs");
            assertThat(catalog.get("/programs?page=4").status()).isEqualTo(404);
            assertThat(catalog.get("/programs?page=two").status()).isEqualTo(404);
            assertThat(catalog.get("/programs?type=fellowship&page=2").status()).as("40 fellowships: one page").isEqualTo(404);
        }
    }
}
