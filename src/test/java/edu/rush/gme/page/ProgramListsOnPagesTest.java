package edu.rush.gme.page;

import edu.rush.gme.App;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page can list programs from the catalog's facts (which sponsor H-1B visas), never by hand. */
class ProgramListsOnPagesTest {

    @TempDir
    static Path temp;

    static TestSite site;

    @BeforeAll
    static void start() {
        ContentFixture content = ContentFixture.finderCatalog(temp).write("international-graduates.md", """
                ---
                title: International medical graduates
                programLists:
                  - heading: Programs that sponsor H-1B visas
                    filter: visa=H-1B
                  - heading: Residencies that sponsor J-1 visas
                    filter: type=residency&visa=J-1
                  - heading: Allied health programs that sponsor H-1B visas
                    filter: type=allied-health&visa=H-1B
                ---
                What international graduates need.
                """);
        site = TestSite.start(content.dir());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void each_list_shows_the_programs_whose_facts_match_with_a_link_into_the_finder() {
        Document page = site.get("/international-graduates").page();
        assertThat(page.select(".program-list h2").eachText()).containsExactly(
                "Programs that sponsor H-1B visas", "Residencies that sponsor J-1 visas", "Allied health programs that sponsor H-1B visas");
        var h1b = page.select(".program-list").get(0);
        assertThat(h1b.select("li a").eachText()).containsExactly("Gastroenterology Fellowship", "Internal Medicine Residency");
        assertThat(h1b.select("li").get(1).text()).contains("Residency · visas: J-1 and H-1B");
        assertThat(h1b.selectFirst("a:containsOwn(Open this list in the program finder)").attr("href")).isEqualTo("/programs?visa=H-1B");
        assertThat(h1b.selectFirst(".program-list__count").text()).isEqualTo("2 programs, from each program's own facts. Open this list in the program finder.");
        assertThat(page.select(".program-list__more")).as("short lists have their one link").isEmpty();
        assertThat(page.select(".program-list").get(1).select("li a").eachText()).containsExactly("Internal Medicine Residency", "Pediatrics Residency");
        assertThat(page.select(".program-list").get(2).text()).contains("No program in the catalog reports this yet.");
    }

    @Test
    void a_long_list_shows_its_first_fifty_programs_with_the_exact_count_and_a_link_to_all_of_them_in_the_finder(@TempDir Path own) {
        ContentFixture content = ContentFixture.minimal(own).write("international-graduates.md", """
                ---
                title: International medical graduates
                programLists:
                  - heading: Programs that sponsor H-1B visas
                    filter: visa=H-1B
                ---
                What international graduates need.
                """);
        for (int i = 1; i <= 53; i++) {
            content.program("h1b-%02d".formatted(i), "residency", "Specialty %02d".formatted(i), 3, "[H-1B]", true, null, false, "virtual", "2026-10-15", null);
        }
        content.program("j1-only", "residency", "Specialty J", 3, "[J-1]", true, null, false, "virtual", "2026-10-15", null);
        try (TestSite many = TestSite.start(content.dir())) {
            Document page = many.get("/international-graduates").page();
            var list = page.selectFirst(".program-list");
            assertThat(list.select("li a")).hasSize(50);
            assertThat(list.select("li a").first().text()).isEqualTo("Specialty 01 Residency");
            assertThat(list.selectFirst(".program-list__count").text())
                    .isEqualTo("53 programs, from each program's own facts; the first 50 are listed here. See all 53 in the program finder.");
            // The same link again after the fifty, where the reader who went through them is.
            assertThat(list.select("a:containsOwn(See all 53 in the program finder)")).extracting(a -> a.attr("href"))
                    .containsExactly("/programs?visa=H-1B", "/programs?visa=H-1B");
            assertThat(list.select(".program-list__more")).hasSize(1);
        }
    }

    @Test
    void a_filter_the_finder_does_not_know_is_reported_at_its_line(@TempDir Path own) {
        var snapshot = new ContentLoader(ContentFixture.minimal(own).write("img.md", """
                ---
                title: IMG
                programLists:
                  - heading: Visas
                    filter: visas=H-1B
                  - filter: visa=J-1
                ---
                """).dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        assertThat(snapshot.problems()).extracting(ContentProblem::toString).containsExactly(
                "content/img.md:5:5: 'programLists[0].filter' must be finder filters like visa=H-1B&type=residency, with filters from "
                        + "type, specialty, department, length, visa, comlex, graduation, usce, interview, window; got \"visas=H-1B\"",
                "content/img.md:6:5: missing required field 'programLists[1].heading'");
    }
}
