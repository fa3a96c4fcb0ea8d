package edu.rush.gme.search;

import com.github.benmanes.caffeine.cache.Cache;
import edu.rush.gme.AskedBefore;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each word's score on each of its pages, kept once Lucene has computed it, so a new question of
 * known words is ranked by adding up kept numbers rather than by scoring every field of every word
 * again. A word is the best of seven fields with its synonyms (a {@code DisjunctionMaxQuery} of
 * {@link SearchIndex#spread}); a question no page answers whole matches thousands of pages at
 * 10,000 programs, and Lucene cannot skip them (a whole-name bonus of 20 or 40 may lift any), so
 * each was scored field by field, word by word: two thirds of a search.
 *
 * <p>The ranking is Lucene's own, unchanged: its Boolean queries still combine the words, bonuses
 * and boosts (or {@link KeptRanking} adds them up as they do); only a clause reached through Boolean
 * clauses alone (no boost on the way, so its score is its own) is answered from {@link KeptWordQuery},
 * with the very floats Lucene computed for it (checked against Lucene's own ranking by
 * {@code WordScoresTest}): a word (or a word weighted, as the words before a half-typed one are)
 * whose pages {@link MatchingPages} keeps, or any other clause asked before (a word's own name
 * bonus, in "any of the words"; the words a half-typed one starts). A kept bonus's maximum is 0 in
 * a block of pages none of which has it, where Lucene's constant score says 20 or 40 everywhere
 * and so forbade skipping any page. Kept for as long as the index serves (it never changes), in at
 * most {@link #BYTES}: a clause weighs 4 bytes a page it is on.
 */
final class WordScores {

    private static final Logger LOG = LoggerFactory.getLogger(WordScores.class);

    /** Pages per block of kept maximum scores (what lets Lucene skip pages that cannot reach the best ten). */
    static final int BLOCK_SHIFT = 7;

    /** A 64th of the heap, 1 to 4 MB (2 MB in a 256 MiB container: a hundred words on 5,000 pages each). */
    static final long BYTES = SearchService.shareOfHeap(64, 1L << 20, 4L << 20);

    private final IndexSearcher searcher;
    private final MatchingPages matching;
    /** Which other parts of a question (bonuses that only score) were asked lately. */
    private final AskedBefore askedBefore = new AskedBefore();
    private final Cache<Query, Scores> kept = Kept.inBytes(BYTES, (Query word, Scores scores) -> Kept.bytes(word) + scores.bytes());

    WordScores(IndexSearcher searcher, MatchingPages matching) {
        this.searcher = searcher;
        this.matching = matching;
    }

    /**
     * The same query, ranking the same pages with the same scores, with each clause it reaches through
     * Boolean clauses (and {@link KindBoostQuery}) read from that clause's kept scores when it has
     * them or may have them now: a word whose pages are kept, or any clause asked before. The query
     * is rewritten ({@link IndexSearcher#rewrite}); anything else in it is left as it is.
     */
    Query ranking(Query query) throws IOException {
        if (query instanceof KindBoostQuery boosted) {
            Query inner = ranking(boosted.query());
            return inner == boosted.query() ? query : boosted.with(inner);
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            boolean changed = false;
            for (BooleanClause clause : bool.clauses()) {
                Query each = clause.isScoring() ? ranking(clause.getQuery()) : clause.getQuery();
                changed |= each != clause.getQuery();
                builder.add(each, clause.getOccur());
            }
            return changed ? builder.build() : query;
        }
        if (query instanceof KeptWordQuery) {
            return query;
        }
        Scores scores = kept.getIfPresent(query);
        if (scores == null) {
            // A word whose pages are kept (it decided which pages a question matches; also a word
            // weighing twice, as the words before a half-typed one do), or anything else asked before
            // (a word's own name bonus, as in "any of the words"; the words a half-typed one starts):
            // a bonus for a whole question in a name is asked once, and kept at once it would push the
            // words out.
            Query word = query instanceof BoostQuery boosted && boosted.getQuery() instanceof DisjunctionMaxQuery ? boosted.getQuery() : query;
            FixedBitSet pages = word instanceof DisjunctionMaxQuery any ? matching.kept(any) : null;
            if (pages == null && !askedBefore.asked(query)) {
                return query;
            }
            scores = kept.get(query, asked -> scored(asked, pages));
        }
        return scores == null ? query : new KeptWordQuery(query, scores);
    }

    /** A word's score on each of its pages (read now when null), as Lucene scores it; null if Lucene scored other pages. */
    private Scores scored(Query word, FixedBitSet known) {
        try {
            FixedBitSet pages = known != null ? known : matching.of(word);
            float[] scores = new float[pages.cardinality()];
            float[] blockMax = new float[(searcher.getIndexReader().maxDoc() >> BLOCK_SHIFT) + 1];
            Weight weight = searcher.createWeight(word, ScoreMode.COMPLETE, 1f);
            int next = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                DocIdSetIterator each = scorer.iterator();
                for (int doc = each.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = each.nextDoc()) {
                    int page = leaf.docBase + doc;
                    if (pages.get(page)) { // not a page deleted by an update
                        float score = scorer.score();
                        scores[next++] = score;
                        blockMax[page >> BLOCK_SHIFT] = Math.max(blockMax[page >> BLOCK_SHIFT], score);
                    }
                }
            }
            if (next != scores.length) {
                // Never seen (MatchingPagesTest holds the pages to Lucene's): Lucene then scores the word itself.
                LOG.warn("a word's pages and the pages Lucene scored for it differ ({} and {}), so it is scored each time: {}", scores.length, next, word);
                return null;
            }
            return new Scores(pages, scores, blockMax);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A word's pages (not to be changed) and its score on each, in page order; the largest score in
     * each block of 128 pages.
     */
    static final class Scores {
        final FixedBitSet pages;
        private final float[] scores;
        private final float[] blockMax;
        /** How many of the word's pages come before each 64 pages: a page's place in {@link #scores}. */
        private final int[] before;

        Scores(FixedBitSet pages, float[] scores, float[] blockMax) {
            this.pages = pages;
            this.scores = scores;
            this.blockMax = blockMax;
            long[] bits = pages.getBits();
            this.before = new int[bits.length + 1];
            for (int i = 0; i < bits.length; i++) {
                before[i + 1] = before[i] + Long.bitCount(bits[i]);
            }
        }

        /** Whether the page (by its number in the whole index) is one of the word's. */
        boolean has(int page) {
            return pages.get(page);
        }

        /** The score on a page of the word's (by its number in the whole index). */
        float score(int page) {
            long bits = pages.getBits()[page >> 6];
            return scores[before[page >> 6] + Long.bitCount(bits & ((1L << page) - 1))];
        }

        /** The largest score on the pages from {@code from} to {@code to}, both included. */
        float maxScore(int from, int to) {
            float max = 0;
            for (int block = from >> BLOCK_SHIFT; block <= to >> BLOCK_SHIFT; block++) {
                max = Math.max(max, blockMax[block]);
            }
            return max;
        }

        /** The largest score on the pages of a block of 128 (0 for a block without any of the word's). */
        float blockMax(int block) {
            return blockMax[block];
        }

        int size() {
            return scores.length;
        }

        long bytes() {
            return 4L * (scores.length + blockMax.length + before.length) + 64;
        }
    }
}
