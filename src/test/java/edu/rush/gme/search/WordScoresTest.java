package edu.rush.gme.search;

import static edu.rush.gme.search.SegmentedIndex.WORDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A question ranked with its words' kept scores ranks the same pages in the same order with the same
 * scores as Lucene ranking it afresh: over questions built as a search builds them (every word or
 * any, each the best of its fields with synonyms and phrases, whole-name bonuses, a body phrase, the
 * kind boost, filters), on an index of several segments with deleted pages, each word's scores
 * kept at its first question and read from then on.
 */
class WordScoresTest {

    @Test
    void a_question_ranked_from_kept_scores_ranks_as_lucene_does() throws Exception {
        Random random = new Random(11);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            // Several segments (no merging), and deleted pages in them.
            SegmentedIndex.writeRanked(directory, random);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(3);
                assertThat(reader.hasDeletions()).isTrue();
                IndexSearcher searcher = new IndexSearcher(reader);
                MatchingPages matching = new MatchingPages(searcher);
                WordScores scores = new WordScores(searcher, matching);
                int compared = 0;
                int fromKept = 0;
                for (int round = 0; round < 400; round++) {
                    Query question = searcher.rewrite(question(random));
                    // As a search: which pages match first (keeping the words' pages), then the ranking.
                    matching.of(question);
                    Query kept = scores.ranking(question);
                    fromKept += kept.equals(question) ? 0 : 1;
                    int wanted = 1 + random.nextInt(30);
                    ScoreDoc[] expected = searcher.search(question, new TopScoreDocCollectorManager(wanted, null, wanted)).scoreDocs;
                    ScoreDoc[] actual = searcher.search(kept, new TopScoreDocCollectorManager(wanted, null, wanted)).scoreDocs;
                    assertThat(actual).as(question.toString()).hasSameSizeAs(expected);
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual[i].doc).as(question + " at " + i).isEqualTo(expected[i].doc);
                        assertThat(actual[i].score).as(question + " at " + i).isEqualTo(expected[i].score);
                    }
                    if (expected.length > 0) {
                        compared++;
                        assertThat(searcher.explain(kept, expected[0].doc).getValue())
                                .isEqualTo(searcher.explain(question, expected[0].doc).getValue());
                    }
                }
                assertThat(compared).isGreaterThan(300);
                assertThat(fromKept).isGreaterThan(300);
            }
        }
    }

    /** A question as a search builds it. */
    static Query question(Random random) {
        Occur operator = random.nextBoolean() ? Occur.SHOULD : Occur.MUST;
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        String first = null;
        String second = null;
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            second = first == null ? second : word;
            first = first == null ? word : first;
            Query each = word(random, word);
            // Sometimes a word weighs more (as a completion does, or a word asked twice).
            words.add(random.nextInt(6) == 0 ? new BoostQuery(each, random.nextBoolean() ? 2f : 3f) : each, operator);
        }
        Query required = words.build();
        if (operator == Occur.MUST && second != null && random.nextInt(4) == 0) {
            // A half-typed last word: every word, or the words before it with the words it starts.
            Query completed = new BooleanQuery.Builder().add(word(random, first), Occur.MUST)
                    .add(new BoostQuery(new TermQuery(new Term("title", second)), 3f), Occur.MUST).build();
            required = new BooleanQuery.Builder().add(required, Occur.SHOULD).add(completed, Occur.SHOULD).build();
        }
        BooleanQuery.Builder scored = new BooleanQuery.Builder().add(required, Occur.MUST);
        if (random.nextBoolean()) {
            // The whole-name bonus: the best of fixed amounts.
            scored.add(new DisjunctionMaxQuery(List.of(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("title", first))), 20f),
                    new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("summary", first))), 10f)), 0f), Occur.SHOULD);
        }
        if (random.nextBoolean()) {
            // The bonus for a program's whole name.
            scored.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("title", first))), 40f), Occur.SHOULD);
        }
        if (second != null && random.nextBoolean()) {
            scored.add(new BoostQuery(new PhraseQuery(1, "body", first, second), 2f), Occur.SHOULD);
        }
        Query query = new KindBoostQuery(scored.build(), "boost", 1.6f);
        return random.nextInt(4) == 0 ? filtered(query) : query;
    }

    /** A question for programs only, as a search with the kind filter asks it. */
    static Query filtered(Query query) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(new TermQuery(new Term(SearchFields.KIND, SearchDocument.PROGRAM)), Occur.FILTER).build();
    }

    /** A word as a search asks for it: the best of its fields, a little of the others, with a synonym sometimes. */
    static Query word(Random random, String word) {
        Query inBody = random.nextInt(3) == 0
                ? new SynonymQuery.Builder("body").addTerm(new Term("body", word)).addTerm(new Term("body", WORDS.get(word.length() % WORDS.size()))).build()
                : new TermQuery(new Term("body", word));
        return new DisjunctionMaxQuery(List.of(new BoostQuery(new TermQuery(new Term("title", word)), 5f),
                new BoostQuery(new TermQuery(new Term("summary", word)), 1.5f), inBody), 0.1f);
    }
}
