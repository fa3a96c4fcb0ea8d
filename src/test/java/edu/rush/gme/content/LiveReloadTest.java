package edu.rush.gme.content;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.LogCapture;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved file is live without a restart; a broken save keeps the last good version of the page. */
class LiveReloadTest {

    @TempDir
    Path temp;

    /** Waits (up to ten seconds: a functional check, not a speed test) until the site shows the change. */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("the change never showed").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void a_saved_edit_a_new_file_and_a_deleted_file_show_without_a_restart() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp).news("story", "2026-01-01", "First title");
        try (TestSite site = TestSite.start(TestSite.watching(content.dir()))) {
            assertThat(site.get("/news/story").text()).contains("First title");

            content.news("story", "2026-01-01", "Edited title");
            eventually(() -> site.get("/news/story").text().contains("Edited title"));

            content.write("news/bundle/index.md", "---\ntitle: In a new folder\ndate: 2026-02-01\nsummary: S\n---\n");
            eventually(() -> site.get("/news/bundle").status() == 200);

            java.nio.file.Files.delete(content.dir().resolve("news/story.md"));
            eventually(() -> site.get("/news/story").status() == 404);
        }
    }

    @Test
    void a_saved_change_is_found_by_search_as_soon_as_the_page_shows_it() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp).news("story", "2026-01-01", "First title").news("other", "2026-01-02", "Other");
        try (TestSite site = TestSite.start(TestSite.watching(content.dir()))) {
            content.news("story", "2026-01-01", "Quetzal fellowship");
            eventually(() -> site.get("/news/story").text().contains("Quetzal fellowship"));
            assertThat(site.get("/search?q=quetzal").page().select(".search-results__title a").eachText()).containsExactly("Quetzal fellowship");
            assertThat(site.get("/search?q=other").page().select(".search-results__title a").eachText()).as("an unchanged page").contains("Other");
        }
    }

    @Test
    void a_broken_save_keeps_serving_the_last_good_version_and_names_the_line() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp).news("story", "2026-01-01", "Good title");
        try (TestSite site = TestSite.start(TestSite.watching(content.dir())); LogCapture log = LogCapture.of(ContentLoader.class)) {
            content.write("news/story.md", "---\ntitle: Broken title\ndate: 2026-01-01\nsummary: S\nsumary: typo\n---\n");
            eventually(() -> !site.app().store().snapshot().problems().isEmpty());
            assertThat(log.lines()).contains("WARN content/news/story.md: still serving the last good version of this file until it is fixed");

            assertThat(site.app().store().snapshot().problems()).extracting(ContentProblem::toString)
                    .containsExactly("content/news/story.md:5:1: unknown field 'sumary' (did you mean 'summary'?)");
            assertThat(site.get("/news/story").text()).contains("Good title").doesNotContain("Broken title");

            content.write("news/story.md", "---\ntitle: Fixed title\ndate: 2026-01-01\nsummary: S\n---\n");
            eventually(() -> site.get("/news/story").text().contains("Fixed title"));
            assertThat(site.app().store().snapshot().problems()).isEmpty();
        }
    }
}
