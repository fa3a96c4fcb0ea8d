package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The number of results, and so of pages of them, is exact however many pages match, with a kind or
 * type chosen or not, and when the question falls back to any of its words: Lucene finds the best
 * ten by skipping pages that cannot reach them, and such a search alone would count only part of
 * the matches.
 */
class SearchTotalsTest {

    @Test
    void totals_are_exact_over_thousands_of_matches_filtered_or_not() throws Exception {
        List<SearchDocument> documents = new ArrayList<>();
        for (int i = 0; i < 1_400; i++) {
            // A few pages name the word in their title and rank far above the rest, which only mention it.
            String title = i % 100 == 0 ? "Echocardiography Program " + i : "Program " + i;
            documents.add(new SearchDocument(SearchDocument.PROGRAM, "/programs/p" + i, title, "Fellowship", i % 2 == 0 ? "residency" : "fellowship",
                    "Cardiology", "Medicine", null, "Summary " + i, null, "Fellows read echocardiography studies every week. Page " + i + "."));
        }
        for (int i = 0; i < 300; i++) {
            documents.add(new SearchDocument(SearchDocument.NEWS, "/news/n" + i, "Story " + i, "News", null, null, null, null,
                    "Summary " + i, null, "A story that mentions echocardiography and stents. Story " + i + "."));
        }
        SearchIndex index = new SearchIndex(documents, new SearchAnalyzers(""));

        SearchResults all = index.search("echocardiography", null, null, 1);
        assertThat(all.total()).isEqualTo(1_700);
        assertThat(all.totalPages()).isEqualTo(170);
        assertThat(index.search("echocardiography", SearchDocument.PROGRAM, null, 1).total()).isEqualTo(1_400);
        assertThat(index.search("echocardiography", SearchDocument.NEWS, null, 3).total()).isEqualTo(300);
        SearchResults residencies = index.search("echocardiography", SearchDocument.PROGRAM, "residency", 2);
        assertThat(residencies.total()).isEqualTo(700);
        assertThat(residencies.totalPages()).isEqualTo(70);

        // No page has both words: any of them, still counted whole.
        SearchResults anyWord = index.search("stents echocardiography zebrafish", null, null, 1);
        assertThat(anyWord.total()).isEqualTo(1_700);
        assertThat(index.search("stents echocardiography zebrafish", SearchDocument.PROGRAM, null, 1).total()).isEqualTo(1_400);
    }
}
