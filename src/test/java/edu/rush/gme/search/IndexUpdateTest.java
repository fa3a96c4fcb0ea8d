package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload makes its search index from the last one with only the pages that changed (a save at
 * 10,000 programs costs one page, not all of them), and finds exactly what a whole new index over
 * the same files finds; a change of synonyms, or of most pages, makes a whole new index.
 */
class IndexUpdateTest {

    @TempDir
    Path temp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), java.time.ZoneOffset.UTC);

    private ContentStore store(Path content) {
        return new ContentStore(new ContentLoader(content, clock, App.CONTENT_TYPES), clock);
    }

    /** A server's search over the folder as it is now, from nothing. */
    private SearchService fresh(Path content) {
        ContentStore store = store(content);
        SearchService search = new SearchService(store, IndexFiles.none());
        store.reload();
        return search;
    }

    private static List<String> urls(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::url).toList();
    }

    @Test
    void a_reload_indexes_only_what_changed_and_finds_what_a_new_index_finds() throws Exception {
        ContentFixture fixture = ContentFixture.finderCatalog(temp.resolve("site"))
                .news("cardiology-award", "2026-10-01", "Cardiology team wins an award")
                .news("old-news", "2026-09-01", "Surgery simulation lab opens")
                // A word a letter away from the deleted story's: once that story is gone, "simulation" is a misspelling of it.
                .news("dbs-clinic", "2026-09-15", "Deep brain stimulation clinic");
        // Enough pages that Lucene keeps the replaced ones as deleted in the old segment rather than merging at once.
        for (int i = 0; i < 30; i++) {
            fixture.news("filler-" + i, "2026-08-01", "Resident spotlight number " + i);
        }
        ContentStore store = store(fixture.dir());
        SearchService search = new SearchService(store, IndexFiles.none());
        store.reload();
        assertThat(urls(search.search("surgery simulation", null, null, 1))).contains("/news/old-news");
        long extracted = search.textsExtracted();

        // A title changed in the front matter (the body as it was), a body changed, a story deleted, a story added.
        Path cards = fixture.dir().resolve("programs/delta-cards.md");
        Files.writeString(cards, Files.readString(cards).replace("title: Cardiology Fellowship", "title: Cardiovascular Disease Fellowship"));
        Path peds = fixture.dir().resolve("programs/beta-peds.md");
        Files.writeString(peds, Files.readString(peds).replace("About Pediatrics.", "About Pediatrics and its newborn nursery rotation."));
        Files.delete(fixture.dir().resolve("news/old-news.md"));
        fixture.news("zebra-grant", "2026-10-02", "Zebrafish research grant");
        store.reload();

        assertThat(search.search("zebrafish", null, null, 1).hits()).extracting(SearchResults.Hit::title)
                .containsExactly("Zebrafish research grant");
        assertThat(search.indexesUpdated()).as("made from the last index").isEqualTo(1);
        assertThat(search.indexesBuilt()).as("not built whole again").isEqualTo(1);
        assertThat(search.textsExtracted() - extracted).as("the two changed files' texts and the new story's; none of the others")
                .isEqualTo(3);

        SearchService whole = fresh(fixture.dir());
        // Words only the deleted story and the old title had, as typed, misspelt and half typed: as if never there.
        for (String query : List.of("cardiovascular", "cardiology", "newborn nursery", "surgery simulation", "zebrafish", "pediatrics",
                "internal medicine", "award", "fellowship", "simulation", "simulaton", "simul", "cardiolgy", "cardiovascula")) {
            SearchResults updated = search.search(query, null, null, 1);
            SearchResults built = whole.search(query, null, null, 1);
            assertThat(urls(updated)).as(query).containsExactlyInAnyOrderElementsOf(urls(built));
            assertThat(updated.total()).as(query).isEqualTo(built.total());
            assertThat(updated.kindCounts()).as(query + ": counts by kind").isEqualTo(built.kindCounts());
            assertThat(updated.typeCounts()).as(query + ": counts by program type").isEqualTo(built.typeCounts());
            assertThat(updated.didYouMean()).as(query).isEqualTo(built.didYouMean());
            assertThat(updated.query()).as(query).isEqualTo(built.query());
        }
        assertThat(urls(search.search("surgery simulation", null, null, 1))).as("the deleted story is gone").doesNotContain("/news/old-news");
        assertThat(urls(search.search("simulation", null, null, 1))).as("its words with it: corrected to a live page's")
                .containsExactly("/news/dbs-clinic");
        assertThat(search.search("cardiovascular", null, null, 1).hits()).extracting(SearchResults.Hit::title)
                .contains("Cardiovascular Disease Fellowship");
        assertThat(search.suggest("cardiov")).isEqualTo(whole.suggest("cardiov"));

        // Updated again from the updated index: an unchanged reload changes nothing, and a second edit is found.
        Files.writeString(cards, Files.readString(cards).replace("About Cardiology.", "About Cardiology and echocardiography."));
        store.reload();
        assertThat(urls(search.search("echocardiography", null, null, 1))).containsExactly("/programs/delta-cards");
        assertThat(search.indexesUpdated()).isEqualTo(2);
        assertThat(search.indexesBuilt()).isEqualTo(1);
    }

    @Test
    void new_synonyms_or_most_pages_changed_make_a_whole_new_index() throws Exception {
        ContentFixture fixture = ContentFixture.finderCatalog(temp.resolve("site"));
        ContentStore store = store(fixture.dir());
        SearchService search = new SearchService(store, IndexFiles.none());
        store.reload();
        search.search("cardiology", null, null, 1);
        assertThat(search.indexesBuilt()).isEqualTo(1);

        fixture.write("synonyms.txt", "kids => pediatrics\n");
        store.reload();
        assertThat(urls(search.search("kids", null, null, 1))).contains("/programs/beta-peds");
        assertThat(search.indexesBuilt()).as("analyzed with the new synonyms").isEqualTo(2);
        assertThat(search.indexesUpdated()).isZero();

        for (int i = 0; i < 40; i++) {
            fixture.news("story-" + i, "2026-10-01", "Story number " + i + " about quokkas");
        }
        store.reload();
        assertThat(search.search("quokkas", null, null, 1).total()).isEqualTo(40);
        assertThat(search.indexesBuilt()).as("more pages new than a quarter of the index").isEqualTo(3);
        assertThat(search.indexesUpdated()).isZero();
    }
}
