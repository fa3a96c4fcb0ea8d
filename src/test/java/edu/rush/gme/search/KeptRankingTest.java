package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * A question whose words' scores are kept, added up page by page, gives the pages Lucene's own
 * ranking gives, in the same order, with the very same scores: every word or any, bonuses kept or
 * scored by Lucene (a phrase in the body), the kind boost, the kind filter, on an index of several
 * segments with deleted pages; and a shape it does not add up (every word, or the words before a
 * half-typed one with its completions) is left to Lucene.
 */
class KeptRankingTest {

    @Test
    void the_best_pages_added_up_from_kept_scores_are_lucenes_best_pages() throws Exception {
        Random random = new Random(23);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            SegmentedIndex.writeRanked(directory, random);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(3);
                assertThat(reader.hasDeletions()).isTrue();
                IndexSearcher searcher = new IndexSearcher(reader);
                MatchingPages matching = new MatchingPages(searcher);
                WordScores scores = new WordScores(searcher, matching);
                KeptRanking ranking = new KeptRanking(searcher, "boost");
                int added = 0;
                int withLucenesClauses = 0;
                int leftToLucene = 0;
                for (int round = 0; round < 600; round++) {
                    Query question = searcher.rewrite(WordScoresTest.question(random));
                    boolean filtered = question instanceof BooleanQuery;
                    Query boosted = filtered ? ((BooleanQuery) question).clauses().get(0).getQuery() : question;
                    FixedBitSet pages = matching.within(matching.of(boosted), filtered ? SearchDocument.PROGRAM : null, null);
                    Query kept = scores.ranking(boosted);
                    int wanted = random.nextInt(8) == 0 ? 5_000 : 1 + random.nextInt(30);
                    ScoreDoc[] expected = searcher.search(filtered ? WordScoresTest.filtered(kept) : kept,
                            new TopScoreDocCollectorManager(wanted, null, wanted)).scoreDocs;
                    ScoreDoc[] actual = ranking.top(kept, pages, wanted);
                    if (actual == null) {
                        leftToLucene++;
                        continue;
                    }
                    added++;
                    withLucenesClauses += kept.toString().contains("body:\"") ? 1 : 0;
                    assertThat(actual).as(question.toString()).hasSameSizeAs(expected);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual[i].doc).as(question + " at " + i).isEqualTo(expected[i].doc);
                        assertThat(actual[i].score).as(question + " at " + i).isEqualTo(expected[i].score);
                    }
                }
                assertThat(added).isGreaterThan(300);
                assertThat(withLucenesClauses).isGreaterThan(50);
                assertThat(leftToLucene).isGreaterThan(15);
            }
        }
    }
}
