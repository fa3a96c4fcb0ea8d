package edu.rush.gme.content;

import edu.rush.gme.App;
import edu.rush.gme.wellness.WellnessInitiative;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.ProgramContent;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Guards the real {@code content/} folder: every file parses and validates, and every link that
 * staff wrote in Markdown leads to a page that exists. Failures name the file and line to fix.
 */
class ContentConventionTest {

    private static final Path CONTENT = Path.of("content");

    @Test
    void every_content_file_is_valid() {
        ContentSnapshot snapshot = new ContentLoader(CONTENT, ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        assertThat(snapshot.problems()).as("content problems, as file:line:column").isEmpty();
    }

    @Test
    void every_search_synonym_rule_can_be_read() throws Exception {
        String rules = Files.readString(CONTENT.resolve(ContentLoader.SYNONYMS));
        new edu.rush.gme.search.SearchAnalyzers(rules);
    }

    @Test
    void every_markdown_file_is_part_of_the_site() throws IOException {
        ContentSnapshot snapshot = new ContentLoader(CONTENT, ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        List<String> sources = new ArrayList<>(snapshot.bySource().keySet());
        try (Stream<Path> files = Files.walk(CONTENT)) {
            List<String> markdown = files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !f.toString().contains("_archetypes"))
                    .map(f -> f.toString().replace('\\', '/'))
                    .toList();
            assertThat(sources).as("Markdown files that the site loads").containsExactlyInAnyOrderElementsOf(markdown);
        }
    }

    @Test
    void every_picture_named_in_front_matter_exists() {
        ContentSnapshot snapshot = new ContentLoader(CONTENT, ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        List<String> missing = new ArrayList<>();
        for (Page<?> page : snapshot.allVisible(ContentFixture.CLOCK.instant())) {
            String image = page.meta().image();
            if (image == null) {
                continue;
            }
            Path file = image.startsWith("/") ? Path.of("static" + image) : Path.of(page.source()).resolveSibling(image);
            if (!Files.isRegularFile(file)) {
                missing.add(page.source() + ": image " + image + " is not a file (" + file + ")");
            }
        }
        assertThat(missing).as("pictures named in front matter").isEmpty();
    }

    @Test
    void every_link_written_in_content_leads_to_a_page() throws IOException {
        ContentSnapshot snapshot = new ContentLoader(CONTENT, ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        Map<String, String> broken = new TreeMap<>();
        try (TestSite site = TestSite.start(CONTENT)) {
            List<Page<?>> pages = snapshot.allVisible(ContentFixture.CLOCK.instant());
            for (Page<?> page : pages) {
                for (Element link : Jsoup.parseBodyFragment(page.html()).select("a[href]")) {
                    String href = link.attr("href");
                    if (href.startsWith("/")) {
                        int status = site.get(href.replaceAll("#.*$", "")).status();
                        if (status != 200) {
                            broken.put(page.source() + ":" + lineOf(page.source(), href), "link to " + href + " gives HTTP " + status);
                        }
                    }
                }
            }
            for (var link : snapshot.site().navigation()) {
                int status = site.get(link.url()).status();
                if (link.url().startsWith("/") && status != 200) {
                    broken.put("content/site.yaml:" + lineOf("content/site.yaml", link.url()), "navigation link " + link.url() + " gives HTTP " + status);
                }
            }
        }
        assertThat(broken).as("broken links, by file:line").isEmpty();
    }

    private static int lineOf(String source, String href) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(source));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(href)) {
                return i + 1;
            }
        }
        return 1;
    }
}
