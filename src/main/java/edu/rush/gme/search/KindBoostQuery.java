package edu.rush.gme.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query's score times each page's boost (a float doc value: programs above pages, pages above
 * news), computed exactly as Lucene's {@code FunctionScoreQuery.boostByValue} computes it, but with
 * an upper bound on every score: the query's own times the largest boost there is. Lucene's
 * version reports no bound, so every matching page had to be scored to find the best ten; with one,
 * a search for the best pages only (ScoreMode.TOP_SCORES) skips pages that cannot reach them, which
 * for a question no page answers whole (any of its words: thousands of pages at 10,000 programs)
 * is most of them. Every search's ranked page is found this way; its total and counts come from
 * every matching page, read apart ({@link MatchingPages}).
 */
final class KindBoostQuery extends Query {

    private final Query query;
    private final String field;
    private final float largestBoost;

    /**
     * @param largestBoost no page's boost is above it; at least 1, the boost of a page without one
     *                     (a bound under some page's boost would let Lucene skip a page it must not)
     */
    KindBoostQuery(Query query, String field, float largestBoost) {
        if (!(largestBoost >= 1 && largestBoost < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the largest boost must be at least 1, the boost of a page without one: " + largestBoost);
        }
        this.query = Objects.requireNonNull(query);
        this.field = field;
        this.largestBoost = largestBoost;
    }

    /** The query whose score is boosted: which pages match is its alone. */
    Query query() {
        return query;
    }

    /** The float doc value each page's boost is read from. */
    String field() {
        return field;
    }

    /** No page's boost is above this. */
    float largestBoost() {
        return largestBoost;
    }

    /** The same boosts over another query. */
    KindBoostQuery with(Query other) {
        return new KindBoostQuery(other, field, largestBoost);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = query.rewrite(searcher);
        return rewritten == query ? this : new KindBoostQuery(rewritten, field, largestBoost);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = query.createWeight(searcher, scoreMode, 1f);
        if (!scoreMode.needsScores()) {
            // Counting only (as FunctionScoreQuery): the query's own weight, with its own ways to count.
            return inner;
        }
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer in = inner.scorer(context);
                if (in == null) {
                    return null;
                }
                NumericDocValues boosts = DocValues.getNumeric(context.reader(), field);
                return new Scorer(this) {
                    @Override
                    public float score() throws IOException {
                        return boosted(in.score(), pageBoost(boosts, in.docID()), boost);
                    }

                    @Override
                    public int docID() {
                        return in.docID();
                    }

                    @Override
                    public DocIdSetIterator iterator() {
                        return in.iterator();
                    }

                    @Override
                    public TwoPhaseIterator twoPhaseIterator() {
                        return in.twoPhaseIterator();
                    }

                    @Override
                    public int advanceShallow(int target) throws IOException {
                        return in.advanceShallow(target);
                    }

                    @Override
                    public float getMaxScore(int upTo) throws IOException {
                        float max = in.getMaxScore(upTo);
                        return max == Float.POSITIVE_INFINITY ? max : Math.nextUp((float) ((double) max * largestBoost * boost));
                    }

                    @Override
                    public void setMinCompetitiveScore(float minScore) throws IOException {
                        // No page's boost is above the largest, so a page under this never reaches minScore
                        // (a little under, for the float roundings on the way).
                        in.setMinCompetitiveScore((float) (minScore / ((double) largestBoost * boost) * (1 - 1e-6)));
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation scored = inner.explain(context, doc);
                if (!scored.isMatch()) {
                    return scored;
                }
                double pageBoost = pageBoost(DocValues.getNumeric(context.reader(), field), doc);
                return Explanation.match(boosted(scored.getValue().doubleValue(), pageBoost, boost), "times the page's boost", scored,
                        Explanation.match((float) pageBoost, field));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return inner.isCacheable(context) && DocValues.isCacheable(context, field);
            }
        };
    }

    /** A page's boost: its float doc value, 1 when it has none. */
    private static double pageBoost(NumericDocValues boosts, int doc) throws IOException {
        return boosts.advanceExact(doc) ? Float.intBitsToFloat((int) boosts.longValue()) : 1;
    }

    /**
     * As FunctionScoreQuery: the score as a double times the page's boost, times the weight's boost,
     * as a float (0 for a negative product). One computation for scores and their explanations.
     */
    private static float boosted(double score, double pageBoost, float boost) {
        double factor = score * pageBoost;
        return factor >= 0 ? (float) (factor * boost) : 0;
    }

    @Override
    public String toString(String defaultField) {
        return "boosted(" + query.toString(defaultField) + ", " + field + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && query.equals(((KindBoostQuery) other).query) && field.equals(((KindBoostQuery) other).field)
                && largestBoost == ((KindBoostQuery) other).largestBoost;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), query, field, largestBoost);
    }
}
