package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search indexes kept on disk between runs: a server started again over the same content and the
 * same build reads its index back and answers exactly as the one that built it; a changed file,
 * another day, other synonyms or another build make a new index; a damaged one is built again.
 */
class IndexFilesTest {

    @TempDir
    Path temp;

    /** Every service a test started: closed after it, so no index is still being written when the folder goes. */
    private final List<SearchService> services = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeServices() {
        services.forEach(SearchService::close);
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), java.time.ZoneOffset.UTC);

    private ContentFixture corpus() {
        return ContentFixture.finderCatalog(temp.resolve("site")).news("cardiology-award", "2026-10-01", "Cardiology team wins an award");
    }

    /** A server's search over the folder as it is now, keeping indexes in {@code kept} for the build {@code build}. */
    private SearchService started(Path content, Path kept, String build) {
        ContentStore store = new ContentStore(new ContentLoader(content, clock, App.CONTENT_TYPES), clock);
        SearchService search = new SearchService(store, IndexFiles.in(kept, build));
        services.add(search);
        store.reload();
        return search;
    }

    private static List<String> folders(Path kept) throws IOException {
        if (!Files.isDirectory(kept)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(kept)) {
            return listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The index is written after it is in use, by another thread: waits until the folder holds {@code count} indexes. */
    private static List<String> awaitKept(Path kept, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<String> found = folders(kept);
        while ((found.size() != count || found.stream().anyMatch(f -> f.startsWith("."))) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = folders(kept);
        }
        return found;
    }

    @Test
    void a_server_started_again_over_the_same_content_reads_its_index_and_answers_the_same() throws Exception {
        Path content = corpus().dir();
        Path kept = temp.resolve("search-index");
        SearchService first = started(content, kept, "build-1");
        SearchResults built = first.search("cardiology", null, null, 1);
        assertThat(first.indexesBuilt()).isEqualTo(1);
        assertThat(built.hits()).isNotEmpty();
        assertThat(awaitKept(kept, 1)).hasSize(1);

        SearchService again = started(content, kept, "build-1");
        SearchResults read = again.search("cardiology", null, null, 1);
        assertThat(again.indexesRead()).as("read from disk").isEqualTo(1);
        assertThat(again.indexesBuilt()).as("not built").isZero();
        assertThat(read).isEqualTo(built);
        assertThat(again.search("cardiolgy", null, null, 1).hits()).as("spelling suggestions from the read index")
                .isEqualTo(first.search("cardiolgy", null, null, 1).hits());
        assertThat(again.suggest("card")).isEqualTo(first.suggest("card"));
    }

    @Test
    void a_changed_file_updates_the_kept_index_another_build_indexes_anew_and_only_the_newest_three_are_kept() throws Exception {
        ContentFixture fixture = corpus();
        Path kept = temp.resolve("search-index");
        started(fixture.dir(), kept, "build-1").search("cardiology", null, null, 1);
        String oldest = awaitKept(kept, 1).get(0);

        // Started again after a file was added (or on another day): the kept index is updated with what changed.
        fixture.news("zebra-grant", "2026-10-02", "Zebrafish research grant");
        SearchService changed = started(fixture.dir(), kept, "build-1");
        assertThat(changed.search("zebrafish", null, null, 1).hits()).extracting(SearchResults.Hit::title)
                .containsExactly("Zebrafish research grant");
        assertThat(changed.indexesBuilt()).as("not built whole").isZero();
        assertThat(changed.indexesUpdated()).isEqualTo(1);
        assertThat(changed.textsExtracted()).as("only the new story's text").isEqualTo(1);
        SearchService whole = started(fixture.dir(), temp.resolve("another-folder"), null);
        for (String query : List.of("cardiology", "zebrafish", "award", "pediatrics", "fellowship")) {
            assertThat(changed.search(query, null, null, 1).hits()).as(query).isEqualTo(whole.search(query, null, null, 1).hits());
        }
        awaitKept(kept, 2);

        SearchService otherBuild = started(fixture.dir(), kept, "build-2");
        otherBuild.search("zebrafish", null, null, 1);
        assertThat(otherBuild.indexesRead()).as("another build of the server never reads this one's index").isZero();
        List<String> three = awaitKept(kept, 3);
        assertThat(three).contains(oldest);

        fixture.write("synonyms.txt", "zebrafish => danio\n");
        SearchService synonyms = started(fixture.dir(), kept, "build-2");
        synonyms.search("zebrafish", null, null, 1);
        assertThat(synonyms.indexesBuilt()).isEqualTo(1);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (folders(kept).contains(oldest) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(awaitKept(kept, 3)).as("the newest three: the oldest went").hasSize(3).doesNotContain(oldest);
    }

    @Test
    void a_damaged_kept_index_is_built_again_and_kept_whole() throws Exception {
        Path content = corpus().dir();
        Path kept = temp.resolve("search-index");
        SearchResults built = started(content, kept, "build-1").search("cardiology", null, null, 1);
        Path folder = kept.resolve(awaitKept(kept, 1).get(0));
        Path largest;
        try (Stream<Path> files = Files.list(folder)) {
            largest = files.max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(largest);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(largest, bytes);

        SearchService again = started(content, kept, "build-1");
        assertThat(again.search("cardiology", null, null, 1)).isEqualTo(built);
        assertThat(again.indexesRead()).isZero();
        assertThat(again.indexesBuilt()).isEqualTo(1);

        awaitKept(kept, 1);
        SearchService third = started(content, kept, "build-1");
        assertThat(third.search("cardiology", null, null, 1)).isEqualTo(built);
        assertThat(third.indexesRead()).as("the index written again is whole").isEqualTo(1);
    }

    @Test
    void a_server_run_from_classes_keeps_nothing() {
        assertThat(IndexFiles.in(temp, null).keeps()).isFalse();
        assertThat(IndexFiles.in(temp, " ").keeps()).isFalse();
        assertThat(IndexFiles.none().keeps()).isFalse();
    }

    @Test
    void a_reload_extracts_only_the_changed_pages_text_and_reads_the_others_back_from_the_index() throws Exception {
        ContentFixture fixture = corpus();
        ContentStore store = new ContentStore(new ContentLoader(fixture.dir(), clock, App.CONTENT_TYPES), clock);
        SearchService search = new SearchService(store, IndexFiles.none());
        services.add(search);
        store.reload();
        SearchResults before = search.search("cardiology", null, null, 1);
        long extracted = search.textsExtracted();
        assertThat(extracted).as("every page's text, once").isGreaterThan(3);

        fixture.news("zebra-grant", "2026-10-02", "Zebrafish research grant");
        store.reload();
        assertThat(search.search("zebrafish", null, null, 1).hits()).extracting(SearchResults.Hit::title)
                .containsExactly("Zebrafish research grant");
        assertThat(search.textsExtracted() - extracted).as("only the new story's text").isEqualTo(1);
        assertThat(search.search("cardiology", null, null, 1).hits()).as("the others' texts, read back, find and show the same")
                .isEqualTo(before.hits());
    }

    @Test
    void a_server_that_read_its_index_from_disk_extracts_no_text_until_a_file_changes() throws Exception {
        ContentFixture fixture = corpus();
        Path kept = temp.resolve("search-index");
        started(fixture.dir(), kept, "build-1").search("cardiology", null, null, 1);
        awaitKept(kept, 1);
        ContentStore store = new ContentStore(new ContentLoader(fixture.dir(), clock, App.CONTENT_TYPES), clock);
        SearchService again = new SearchService(store, IndexFiles.in(kept, "build-1"));
        services.add(again);
        store.reload();
        again.search("cardiology", null, null, 1);
        assertThat(again.indexesRead()).isEqualTo(1);
        assertThat(again.textsExtracted()).isZero();

        fixture.news("zebra-grant", "2026-10-02", "Zebrafish research grant");
        store.reload();
        assertThat(again.search("zebrafish", null, null, 1).hits()).hasSize(1);
        assertThat(again.textsExtracted()).as("the new story's only").isEqualTo(1);
    }
}
