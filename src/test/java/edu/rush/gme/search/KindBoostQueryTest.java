package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The bounded boost scores every page as Lucene's FunctionScoreQuery does, and the best pages found
 * with skipping are the best pages found by scoring every match: same pages, order and scores.
 */
class KindBoostQueryTest {

    private static final List<String> WORDS = List.of("heart", "kids", "visa", "rural", "cancer", "sleep", "stroke", "care", "chicago", "surgery");
    private static final float[] BOOSTS = {1.6f, 1.0f, 0.9f};

    @Test
    void the_best_pages_with_skipping_are_the_best_pages_scoring_every_match() throws Exception {
        Random random = new Random(3);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (int i = 0; i < 3_000; i++) {
                    Document doc = new Document();
                    doc.add(new TextField("title", words(random, 1 + random.nextInt(3)), Field.Store.NO));
                    doc.add(new TextField("body", words(random, 5 + random.nextInt(60)), Field.Store.NO));
                    if (random.nextInt(10) > 0) {
                        // A few pages have no boost: they count as 1, as with FunctionScoreQuery.
                        doc.add(new FloatDocValuesField("boost", BOOSTS[random.nextInt(BOOSTS.length)]));
                    }
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int skipped = 0;
                for (int round = 0; round < 200; round++) {
                    Query query = query(random);
                    int wanted = 1 + random.nextInt(20);
                    TopDocs expected = searcher.search(FunctionScoreQuery.boostByValue(query, DoubleValuesSource.fromFloatField("boost")),
                            new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
                    TopDocs skipping = searcher.search(new KindBoostQuery(query, "boost", 1.6f), new TopScoreDocCollectorManager(wanted, null, wanted));
                    TopDocs complete = searcher.search(new KindBoostQuery(query, "boost", 1.6f),
                            new TopScoreDocCollectorManager(wanted, null, Integer.MAX_VALUE));
                    assertThat(describe(skipping)).as(query.toString()).isEqualTo(describe(expected));
                    assertThat(describe(complete)).isEqualTo(describe(expected));
                    assertThat(complete.totalHits.value).isEqualTo(expected.totalHits.value);
                    if (skipping.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO) {
                        skipped++;
                    }
                }
                // The bound is used: in most rounds Lucene skipped pages (a bound of infinity, as FunctionScoreQuery's, skips none).
                assertThat(skipped).isGreaterThan(100);
            }
        }
    }

    /** Any of a few words, each the best of its title and body; a fixed bonus for some words in a title; as the site's queries are built. */
    private static Query query(Random random) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            any.add(new DisjunctionMaxQuery(List.of(new BoostQuery(new TermQuery(new Term("title", word)), 5f),
                    new TermQuery(new Term("body", word))), 0.1f), Occur.SHOULD);
        }
        BooleanQuery.Builder scored = new BooleanQuery.Builder().add(any.build(), Occur.MUST);
        if (random.nextBoolean()) {
            scored.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("title", WORDS.get(random.nextInt(WORDS.size()))))), 40f),
                    Occur.SHOULD);
        }
        return scored.build();
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(4) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "filler" + random.nextInt(50)).append(' ');
        }
        return text.toString();
    }

    @Test
    void a_bound_under_the_boost_of_a_page_without_one_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KindBoostQuery(new TermQuery(new Term("title", "heart")), "boost", 0.9f))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> describe(TopDocs top) {
        return java.util.Arrays.stream(top.scoreDocs).map((ScoreDoc d) -> d.doc + ":" + d.score).toList();
    }
}
