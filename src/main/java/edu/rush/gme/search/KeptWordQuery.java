package edu.rush.gme.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * A word's query, answered from its kept pages and scores ({@link WordScores}): the same pages, the
 * same scores, and a maximum score for each block of 128 pages, so Lucene may still skip pages that
 * cannot reach the best. Asked with a boost other than 1, or without scores, it is the word's own
 * query (a boosted score is computed inside the similarity, not as a product of the kept one).
 */
final class KeptWordQuery extends Query {

    private final Query word;
    private final WordScores.Scores kept;

    KeptWordQuery(Query word, WordScores.Scores kept) {
        this.word = Objects.requireNonNull(word);
        this.kept = Objects.requireNonNull(kept);
    }

    /** The word's kept pages and scores. */
    WordScores.Scores kept() {
        return kept;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        if (boost != 1f || !scoreMode.needsScores()) {
            return searcher.createWeight(searcher.rewrite(word), scoreMode, boost);
        }
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                int base = context.docBase;
                int end = base + context.reader().maxDoc();
                int first = base >= kept.pages.length() ? DocIdSetIterator.NO_MORE_DOCS : kept.pages.nextSetBit(base);
                return first >= end ? null : new KeptScorer(this, base, end);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                return searcher.createWeight(searcher.rewrite(word), scoreMode, boost).explain(context, doc);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    /** The kept pages of one segment (numbers {@code base} to {@code end}, excluded, in the whole index). */
    private final class KeptScorer extends Scorer {
        private final int base;
        private final int end;
        private int doc = -1;
        /** Where the last {@link #advanceShallow} went, in the segment. */
        private int shallow;

        KeptScorer(Weight weight, int base, int end) {
            super(weight);
            this.base = base;
            this.end = end;
        }

        private final DocIdSetIterator pages = new DocIdSetIterator() {
            @Override
            public int docID() {
                return doc;
            }

            @Override
            public int nextDoc() {
                return advance(doc + 1);
            }

            @Override
            public int advance(int target) {
                int next = target >= end - base ? NO_MORE_DOCS : kept.pages.nextSetBit(base + target);
                return doc = next == NO_MORE_DOCS || next >= end ? NO_MORE_DOCS : next - base;
            }

            @Override
            public long cost() {
                return kept.size();
            }
        };

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public DocIdSetIterator iterator() {
            return pages;
        }

        @Override
        public float score() {
            return kept.score(base + doc);
        }

        @Override
        public int advanceShallow(int target) {
            shallow = target;
            if (target >= end - base) {
                return DocIdSetIterator.NO_MORE_DOCS;
            }
            int blockEnd = (((base + target) >> WordScores.BLOCK_SHIFT) + 1 << WordScores.BLOCK_SHIFT) - 1;
            return Math.min(end - 1, blockEnd) - base;
        }

        @Override
        public float getMaxScore(int upTo) {
            int local = Math.max(Math.max(doc, 0), shallow);
            if (local >= end - base) {
                return 0; // past this segment's pages (doc may be NO_MORE_DOCS)
            }
            int to = upTo >= end - base ? end - 1 : base + upTo;
            return base + local > to ? 0 : kept.maxScore(base + local, to);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        word.visit(visitor);
    }

    @Override
    public String toString(String field) {
        return word.toString(field);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && word.equals(((KeptWordQuery) other).word);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + word.hashCode();
    }
}
