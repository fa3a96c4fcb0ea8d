package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.LogCapture;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content with a broken file: the site starts, names the file and line, and serves the rest. */
class BrokenContentTest {

    @TempDir
    Path temp;

    @Test
    void a_broken_file_is_named_with_its_line_and_every_other_page_is_still_served() {
        ContentFixture content = ContentFixture.finderCatalog(temp)
                .news("good-story", "2026-01-01", "Good story")
                .write("about.md", "---\ntitle: About us\n---\nWho we are.\n")
                .write("programs/alpha-im.md", "---\ntitle: Internal Medicine Residency\ntype: residency\nspecialty: Internal Medicine\nsummary: S\nlengthYears: four\n---\n")
                .write("news/broken-story.md", "---\ntitle: Broken story\nsummary: S\n");

        try (LogCapture log = LogCapture.of(ContentLoader.class); TestSite site = TestSite.start(content.dir())) {
            assertThat(log.lines()).as("staff read the problems in the log").contains(
                    "WARN content/programs/alpha-im.md:6:14: 'lengthYears' must be a whole number, got \"four\"");
            assertThat(site.app().store().snapshot().problems()).extracting(ContentProblem::toString).containsExactly(
                    "content/news/broken-story.md:1:1: front matter is not closed: add a line '---' after the YAML fields",
                    "content/programs/alpha-im.md:6:14: 'lengthYears' must be a whole number, got \"four\"",
                    "content/programs/delta-cards.md:" + relatedLine(content, "delta-cards") + ": 'related[0]': no program has the slug 'alpha-im'",
                    "content/programs/epsilon-gi.md:" + relatedLine(content, "epsilon-gi") + ": 'related[0]': no program has the slug 'alpha-im'");

            assertThat(site.get("/programs/alpha-im").status()).isEqualTo(404);
            assertThat(site.get("/news/broken-story").status()).isEqualTo(404);
            for (String path : new String[] {"/", "/about", "/programs", "/programs/beta-peds", "/programs/delta-cards", "/news", "/news/good-story"}) {
                assertThat(site.get(path).status()).as(path).isEqualTo(200);
            }
            assertThat(site.get("/programs").page().select(".results .card__title").eachText())
                    .doesNotContain("Internal Medicine Residency").contains("Pediatrics Residency", "Cardiology Fellowship");
        }
    }

    /** Where a program's file names its first related program, as LINE:COL. */
    private static String relatedLine(ContentFixture content, String slug) {
        try {
            List<String> lines = Files.readAllLines(content.dir().resolve("programs/" + slug + ".md"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("related:")) {
                    return (i + 1) + ":" + (lines.get(i).indexOf('[') + 2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(slug + " names no related program");
    }

    @Test
    void the_site_starts_even_with_a_broken_home_page_and_site_yaml() {
        ContentFixture content = ContentFixture.minimal(temp)
                .news("story", "2026-01-01", "A story")
                .write("_index.md", "---\ntitle: Home\nhero: [broken\n---\n")
                .write("site.yaml", "name: [\n");

        try (TestSite site = TestSite.start(content.dir())) {
            assertThat(site.app().store().snapshot().problems()).extracting(ContentProblem::file)
                    .containsExactly("content/_index.md", "content/site.yaml");
            TestSite.Response home = site.get("/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.page().selectFirst("h1").text()).isEqualTo("Graduate Medical Education");
            assertThat(site.get("/news").status()).isEqualTo(200);
        }
    }

    @Test
    void a_failure_while_serving_shows_the_styled_error_page_and_logs_the_stack_trace() throws java.io.IOException {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("wellness/yoga/index.md", "---\ntitle: Yoga\nsummary: Stretch.\n---\n")
                .write("wellness/yoga/mat.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");

        try (TestSite site = TestSite.start(content.dir()); LogCapture log = LogCapture.of(ErrorPages.class)) {
            assertThat(site.get("/wellness/yoga/mat.svg").status()).isEqualTo(200);
            java.nio.file.Files.delete(content.dir().resolve("wellness/yoga/mat.svg"));

            TestSite.Response failed = site.get("/wellness/yoga/mat.svg");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.page().selectFirst("h1").text()).isEqualTo("Something went wrong");
            assertThat(failed.page().select("header.site-header")).isNotEmpty();
            assertThat(failed.raw().body()).doesNotContain("Exception", "at edu.rush");
            assertThat(log.lines()).as("the log has what the page leaves out")
                    .anyMatch(line -> line.startsWith("ERROR GET /wellness/yoga/mat.svg failed (") && line.endsWith("Exception)"));
        }
    }
}
