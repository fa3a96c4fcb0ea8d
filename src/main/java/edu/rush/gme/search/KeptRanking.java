package edu.rush.gme.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The best pages of a question whose words' scores are kept ({@link WordScores}), found by adding
 * up the kept numbers page by page, with the arithmetic of Lucene's own scorers, rather than by
 * Lucene's Boolean scorers with their heaps of clauses and block-by-block bounds (a third to a half
 * of a search answer no cache holds). Lucene adds a conjunction's or a disjunction's clauses as
 * doubles and rounds the sum to a float; adds the optional clauses' sum to the required one as
 * floats; and {@link KindBoostQuery} multiplies that by the page's boost as doubles. So the same
 * floats, and the same pages in the same order (a higher score first, then the lower page number).
 * (Sums of a few floats are exact in a double, so the order Lucene adds them in does not matter,
 * while the smallest score is more than 2<sup>-27</sup> of the largest: a word's score is at least
 * about 10<sup>-5</sup> at 100,000 pages, the largest bonus 40.)
 *
 * <p>Shapes it adds up: a {@link KindBoostQuery} over every one of the kept words, or any of them
 * (a {@link KeptWordQuery} each), with optional clauses beside them. An optional clause whose scores
 * are not kept (a bonus for a whole question, the words together in the body) is scored by Lucene,
 * on the pages that can still reach the best. Any other shape returns null, and Lucene ranks it.
 * {@code WordScoresTest} holds this to Lucene's ranking.
 */
final class KeptRanking {

    /** A little over 1: what the bounds of a block are multiplied by, for the roundings of float sums. */
    private static final double SLACK = 1 + 1e-5;

    private final IndexSearcher searcher;
    private final String boostField;
    /** Each page's boost, 1 without one. */
    private final float[] boosts;
    private final float largestBoost;

    KeptRanking(IndexSearcher searcher, String boostField) throws IOException {
        this.searcher = searcher;
        this.boostField = boostField;
        this.boosts = new float[searcher.getIndexReader().maxDoc()];
        java.util.Arrays.fill(boosts, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), boostField);
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                boosts[leaf.docBase + doc] = Float.intBitsToFloat((int) values.longValue());
            }
        }
        float largest = 1f;
        for (float boost : boosts) {
            largest = Math.max(largest, boost);
        }
        this.largestBoost = largest;
    }

    /**
     * The best {@code wanted} of {@code pages} (those the question matches, within any filter) for a
     * question as {@link WordScores#ranking} leaves it, best first; null when its shape is not one
     * this adds up.
     */
    ScoreDoc[] top(Query ranking, FixedBitSet pages, int wanted) throws IOException {
        Shape shape = shape(ranking);
        if (shape == null || wanted <= 0) {
            return null;
        }
        Weight[] weights = new Weight[shape.others.size()];
        for (int i = 0; i < weights.length; i++) {
            // As the Boolean query's own weight makes its clauses' (TOP_SCORES: the same scores, with bounds).
            weights[i] = searcher.createWeight(shape.others.get(i), ScoreMode.TOP_SCORES, 1f);
        }
        WordScores.Scores[] required = shape.required.toArray(WordScores.Scores[]::new);
        WordScores.Scores[] optional = shape.optional.toArray(WordScores.Scores[]::new);
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(wanted, KeptRanking::worseFirst);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int from = leaf.docBase;
            int to = Math.min(pages.length(), leaf.docBase + leaf.reader().maxDoc());
            int page = from >= to ? DocIdSetIterator.NO_MORE_DOCS : pages.nextSetBit(from);
            if (page >= to) {
                continue;
            }
            Other[] others = new Other[weights.length];
            double othersMax = 0;
            int scoring = 0;
            for (Weight weight : weights) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer != null) {
                    scorer.advanceShallow(0);
                    othersMax += scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
                    others[scoring++] = new Other(scorer);
                }
            }
            while (page < to) {
                int block = page >> WordScores.BLOCK_SHIFT;
                int blockEnd = Math.min(to, (block + 1) << WordScores.BLOCK_SHIFT);
                if (best.size() == wanted) {
                    // No page of this block can reach the best: the next block.
                    double bound = othersMax;
                    for (WordScores.Scores word : required) {
                        bound += word.blockMax(block);
                    }
                    for (WordScores.Scores bonus : optional) {
                        bound += bonus.blockMax(block);
                    }
                    if (bound * largestBoost * SLACK < best.peek().score) {
                        page = blockEnd >= to ? to : pages.nextSetBit(blockEnd);
                        continue;
                    }
                }
                for (; page < blockEnd; page = page + 1 >= to ? to : pages.nextSetBit(page + 1)) {
                    double words = 0;
                    for (WordScores.Scores word : required) {
                        if (word.has(page)) {
                            words += word.score(page);
                        } else if (shape.every) {
                            return null; // a page without one of every word (never: the pages are the words' own)
                        }
                    }
                    float score = (float) words;
                    double extra = 0;
                    boolean matched = false;
                    for (WordScores.Scores bonus : optional) {
                        if (bonus.has(page)) {
                            extra += bonus.score(page);
                            matched = true;
                        }
                    }
                    for (int i = 0; i < scoring; i++) {
                        if (others[i].matches(page - from)) {
                            extra += others[i].scorer.score();
                            matched = true;
                        }
                    }
                    if (matched) {
                        score += (float) extra;
                    }
                    double boosted = (double) score * boosts[page];
                    float total = boosted >= 0 ? (float) boosted : 0;
                    if (best.size() < wanted) {
                        best.add(new ScoreDoc(page, total));
                    } else if (total > best.peek().score) {
                        // (An equal score does not displace an earlier page: Lucene ranks the lower number first.)
                        ScoreDoc worst = best.poll();
                        worst.doc = page;
                        worst.score = total;
                        best.add(worst);
                    }
                }
            }
        }
        ScoreDoc[] ranked = new ScoreDoc[best.size()];
        for (int i = ranked.length - 1; i >= 0; i--) {
            ranked[i] = best.poll();
        }
        return ranked;
    }

    /** The worse of two pages first: the lower score, or with equal scores the higher page number. */
    private static int worseFirst(ScoreDoc a, ScoreDoc b) {
        int byScore = Float.compare(a.score, b.score);
        return byScore != 0 ? byScore : Integer.compare(b.doc, a.doc);
    }

    /**
     * What a question adds up: its required words' kept scores (every one, or any of them), its
     * optional clauses' kept scores, and its optional clauses Lucene scores.
     */
    private record Shape(boolean every, List<WordScores.Scores> required, List<WordScores.Scores> optional, List<Query> others) {
    }

    private Shape shape(Query ranking) {
        if (!(ranking instanceof KindBoostQuery boosted) || !boosted.field().equals(boostField) || boosted.largestBoost() < largestBoost) {
            return null;
        }
        Query inner = boosted.query();
        if (inner instanceof KeptWordQuery word) {
            return new Shape(true, List.of(word.kept()), List.of(), List.of());
        }
        if (!(inner instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() != 0) {
            return null;
        }
        List<Query> musts = new ArrayList<>();
        List<Query> shoulds = new ArrayList<>();
        for (BooleanClause clause : bool.clauses()) {
            if (clause.getOccur() == Occur.MUST) {
                musts.add(clause.getQuery());
            } else if (clause.getOccur() == Occur.SHOULD) {
                shoulds.add(clause.getQuery());
            } else {
                return null;
            }
        }
        if (musts.isEmpty()) {
            // Any of the words, and nothing beside them.
            List<WordScores.Scores> words = kept(shoulds);
            return words == null ? null : new Shape(false, words, List.of(), List.of());
        }
        boolean every = true;
        List<Query> wordClauses = musts;
        if (musts.size() == 1 && musts.get(0) instanceof BooleanQuery nested) {
            // The words as one clause: every one of them, or any.
            List<Occur> occurs = nested.clauses().stream().map(BooleanClause::getOccur).distinct().toList();
            if (nested.getMinimumNumberShouldMatch() != 0 || occurs.size() != 1 || (occurs.get(0) != Occur.MUST && occurs.get(0) != Occur.SHOULD)) {
                return null;
            }
            every = occurs.get(0) == Occur.MUST;
            wordClauses = nested.clauses().stream().map(BooleanClause::getQuery).toList();
        }
        List<WordScores.Scores> words = kept(wordClauses);
        if (words == null) {
            return null;
        }
        List<WordScores.Scores> bonuses = new ArrayList<>();
        List<Query> others = new ArrayList<>();
        for (Query should : shoulds) {
            if (should instanceof KeptWordQuery bonus) {
                bonuses.add(bonus.kept());
            } else {
                others.add(should);
            }
        }
        return new Shape(every, words, bonuses, others);
    }

    /** The kept scores of each of these clauses; null if one of them is not kept. */
    private static List<WordScores.Scores> kept(List<Query> clauses) {
        List<WordScores.Scores> kept = new ArrayList<>(clauses.size());
        for (Query clause : clauses) {
            if (!(clause instanceof KeptWordQuery word)) {
                return null;
            }
            kept.add(word.kept());
        }
        return kept;
    }

    /** An optional clause Lucene scores, asked page after page in order. */
    private static final class Other {
        final Scorer scorer;
        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;

        Other(Scorer scorer) {
            this.scorer = scorer;
            this.twoPhase = scorer.twoPhaseIterator();
            this.approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
        }

        /** Whether it matches this page of its segment (pages asked in increasing order). */
        boolean matches(int doc) throws IOException {
            int at = approximation.docID();
            if (at < doc) {
                at = approximation.advance(doc);
            }
            return at == doc && (twoPhase == null || twoPhase.matches());
        }
    }
}
