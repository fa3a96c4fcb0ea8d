package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import edu.rush.gme.page.BasicPage;
import edu.rush.gme.content.ContentException;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.FrontMatterReader;
import edu.rush.gme.content.SourceText;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A top-level page that records where its facts come from (sources, and the day they were checked)
 * names them at its foot, as program pages do; and such pages are found by search and listed in the sitemap.
 */
class PageSourcesTest {

    private static final String BASE = "https://gme.example.org";

    @TempDir
    static Path temp;

    static TestSite site;

    @BeforeAll
    static void start() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("salary-and-benefits.md", """
                        ---
                        title: Salary and benefits
                        description: What house staff are paid.
                        verified: 2026-11-30
                        sources:
                          - https://www.rushu.rush.edu/education-and-training/graduate-medical-education/house-staff-benefits-and-services/benefits
                          - https://www.example.org/stipends?year=2026
                        ---
                        House staff receive a quokkastipend each year.
                        """)
                .write("one-source.md", """
                        ---
                        title: One source
                        sources: [https://www.nrmp.org/]
                        ---
                        Text.
                        """)
                .write("no-sources.md", """
                        ---
                        title: No sources
                        verified: 2026-11-30
                        ---
                        Text.
                        """);
        site = TestSite.start(TestSite.settings(content.dir(), BASE));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Document page(String path) {
        return site.page(path);
    }

    @Test
    void a_page_names_its_sources_and_when_they_were_checked_at_its_foot() {
        Document page = page("/salary-and-benefits");
        assertThat(page.select("article .sources h2").text()).isEqualTo("Where these facts come from");
        assertThat(page.select(".sources p").eachText()).containsExactly("Sources, checked on November 30, 2026:");
        assertThat(page.select(".sources__list a").eachAttr("href")).containsExactly(
                "https://www.rushu.rush.edu/education-and-training/graduate-medical-education/house-staff-benefits-and-services/benefits",
                "https://www.example.org/stipends?year=2026");
        assertThat(page.select(".sources__list a").eachText()).containsExactly(
                "rushu.rush.edu/education-and-training/graduate-medical-education/house-staff-benefits-and-services/benefits",
                "example.org/stipends");
        assertThat(page.select("article > *").last().hasClass("sources")).as("the sources close the page").isTrue();
    }

    @Test
    void one_source_without_a_date_says_so() {
        assertThat(page("/one-source").select(".sources p").text()).isEqualTo("Source, checked on a date not reported:");
    }

    @Test
    void a_page_without_sources_shows_no_sources_section() {
        assertThat(page("/no-sources").select(".sources")).isEmpty();
        assertThat(page("/no-sources").text()).doesNotContain("Where these facts come from");
    }

    @Test
    void pages_with_sources_are_found_by_search_and_listed_in_the_sitemap() {
        assertThat(page("/search?q=quokkastipend").select(".search-results__title a").eachAttr("href")).containsExactly("/salary-and-benefits");
        Document sitemap = Jsoup.parse(site.get("/sitemap.xml").raw().body(), "", Parser.xmlParser());
        assertThat(sitemap.select("url > loc").eachText()).contains(BASE + "/salary-and-benefits", BASE + "/one-source");
    }

    @Test
    void every_source_must_be_a_web_address() {
        assertThat(problems("verified: 2026-11-30\nsources:\n  - https://www.rush.edu/\n  - www.rush.edu/gme\n")).containsExactly(
                "content/page.md:6:5: 'sources[1]' must be a web address starting with https:// or http://, got \"www.rush.edu/gme\"");
        assertThat(problems("verified: 30 November 2026\n")).hasSize(1).first().asString().startsWith("content/page.md:3:");
    }

    private static List<String> problems(String moreYaml) {
        try {
            new FrontMatterReader().read(SourceText.split("content/page.md", "---\ntitle: A page\n" + moreYaml + "---\n"), BasicPage.class);
            return List.of();
        } catch (ContentException e) {
            return e.problems().stream().map(ContentProblem::toString).toList();
        }
    }
}
