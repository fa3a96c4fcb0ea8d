package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.ContentProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy of the real content with a broken file: the site starts, names the file and line, and serves the rest. */
class BrokenContentTest {

    @TempDir
    Path temp;

    @Test
    void a_broken_file_is_named_with_its_line_and_every_other_page_is_still_served() {
        ContentFixture content = ContentFixture.copyOfReal(temp)
                .write("programs/neurology.md", "---\ntitle: Neurology Residency\ntype: residency\nspecialty: Neurology\nsummary: S\nlengthYears: four\n---\n")
                .write("news/resident-not-in-waiting.md", "---\ntitle: Resident Not in Waiting\nsummary: S\n");

        try (TestSite site = TestSite.start(content.dir())) {
            assertThat(site.app().store().snapshot().problems()).extracting(ContentProblem::toString).contains(
                    "content/news/resident-not-in-waiting.md:1:1: front matter is not closed: add a line '---' after the YAML fields",
                    "content/programs/neurology.md:6:14: 'lengthYears' must be a whole number, got \"four\"",
                    "content/programs/vascular-neurology.md:71:1: 'related[0]': no program has the slug 'neurology'".replace(":71:1:", ":" + relatedLine() + ":"));

            assertThat(site.get("/programs/neurology").status()).isEqualTo(404);
            assertThat(site.get("/news/resident-not-in-waiting").status()).isEqualTo(404);
            for (String path : new String[] {"/", "/about", "/programs", "/programs/internal-medicine", "/news", "/wellness"}) {
                assertThat(site.get(path).status()).as(path).isEqualTo(200);
            }
            assertThat(site.get("/programs").page().select(".results .card__title").eachText())
                    .doesNotContain("Neurology Residency").contains("Internal Medicine Residency", "Child Neurology Residency");
        }
    }

    /** Where vascular-neurology.md names neurology as related, as LINE:COL. */
    private static String relatedLine() {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(Path.of("content/programs/vascular-neurology.md"));
            for (int i = 0; i < lines.size(); i++) {
                int column = lines.get(i).indexOf("neurology]");
                if (lines.get(i).startsWith("related:") && column > 0) {
                    return (i + 1) + ":" + (column + 1);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("vascular-neurology.md names no related program");
    }

    @Test
    void the_site_starts_even_with_a_broken_home_page_and_site_yaml() {
        ContentFixture content = ContentFixture.copyOfReal(temp)
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
    void a_failure_while_serving_shows_the_styled_error_page_without_a_stack_trace() throws java.io.IOException {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("wellness/yoga/index.md", "---\ntitle: Yoga\nsummary: Stretch.\n---\n")
                .write("wellness/yoga/mat.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");

        try (TestSite site = TestSite.start(content.dir())) {
            assertThat(site.get("/wellness/yoga/mat.svg").status()).isEqualTo(200);
            java.nio.file.Files.delete(content.dir().resolve("wellness/yoga/mat.svg"));

            TestSite.Response failed = site.get("/wellness/yoga/mat.svg");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.page().selectFirst("h1").text()).isEqualTo("Something went wrong");
            assertThat(failed.page().select("header.site-header")).isNotEmpty();
            assertThat(failed.raw().body()).doesNotContain("Exception", "at edu.rush");
        }
    }
}
