package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index}: the search index built ahead of the first start (the image does it at build time),
 * kept where that start reads it; a start a day later, over content changed since, updates it.
 */
class IndexCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int index(Path content, Path data, Optional<String> build, Clock clock, String... args) {
        return IndexCommand.run(App.CONTENT_TYPES, content, data, build, clock, List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static SearchService started(Path content, Path data, String build, Clock clock) {
        ContentStore store = new ContentStore(new ContentLoader(content, clock, App.CONTENT_TYPES), clock);
        SearchService search = new SearchService(store, IndexFiles.in(data.resolve("search-index"), build));
        store.reload();
        return search;
    }

    @Test
    void the_first_start_reads_the_index_built_ahead_and_a_later_start_over_changed_content_updates_it() {
        ContentFixture fixture = ContentFixture.finderCatalog(temp.resolve("site")).news("cardiology-award", "2026-10-01", "Cardiology team wins an award");
        Path data = temp.resolve("data");
        Clock buildDay = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
        assertThat(index(fixture.dir(), data, Optional.of("build-1"), buildDay)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("search index of ").contains(" pages kept in ");

        SearchService first = started(fixture.dir(), data, "build-1", buildDay);
        assertThat(first.search("cardiology", null, null, 1).hits()).isNotEmpty();
        assertThat(first.indexesRead()).as("read, not built").isEqualTo(1);
        assertThat(first.indexesBuilt()).isZero();
        first.close();

        // Days later, with a story added to the content: the index built ahead is the base of the start's.
        fixture.news("zebra-grant", "2026-11-05", "Zebrafish research grant");
        Clock later = Clock.fixed(Instant.parse("2026-11-09T15:00:00Z"), ZoneOffset.UTC);
        SearchService again = started(fixture.dir(), data, "build-1", later);
        assertThat(again.search("zebrafish", null, null, 1).hits()).extracting(SearchResults.Hit::title)
                .containsExactly("Zebrafish research grant");
        assertThat(again.indexesUpdated()).isEqualTo(1);
        assertThat(again.indexesBuilt()).isZero();
        assertThat(again.textsExtracted()).as("the new story's text only").isEqualTo(1);
        again.close();
    }

    @Test
    void run_from_classes_or_with_arguments_it_says_why_it_does_nothing() {
        Path content = ContentFixture.minimal(temp.resolve("site")).dir();
        Clock clock = Clock.systemUTC();
        assertThat(index(content, temp.resolve("data"), Optional.empty(), clock)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("only for the server's jar");
        assertThat(index(content, temp.resolve("data"), Optional.of("build-1"), clock, "--now")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("index takes no arguments", "usage: java -jar gme-site.jar index");
        assertThat(temp.resolve("data")).doesNotExist();
    }
}
