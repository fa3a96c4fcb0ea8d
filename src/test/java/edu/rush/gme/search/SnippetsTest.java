package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Snippets cut from kept texts are the snippets Lucene cuts from the texts it reads: a page shown
 * again, another field of a page already shown, a field of several values, texts longer than the
 * highlighter's limit, and pages read a few at a time, across segments.
 */
class SnippetsTest {

    private static final List<String> WORDS = List.of("heart", "kids", "visa", "rural", "cancer", "sleep", "stroke", "care", "chicago", "surgery");
    private static final List<String> FIELDS = List.of("body", "summary", "tags");

    @Test
    void the_snippets_are_those_of_lucenes_own_highlighter() throws Exception {
        Random random = new Random(5);
        FieldType stored = new FieldType(TextField.TYPE_STORED);
        stored.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        stored.freeze();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                    .setMaxBufferedDocs(60).setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int i = 0; i < 200; i++) {
                    Document doc = new Document();
                    doc.add(new Field("body", sentences(random, 1 + random.nextInt(12)), stored));
                    doc.add(new Field("summary", sentences(random, 1), stored));
                    for (int tag = random.nextInt(3); tag > 0; tag--) {
                        doc.add(new Field("tags", sentences(random, 1), stored));
                    }
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                UnifiedHighlighter lucenes = builder(searcher).build();
                // Pages read one at a time (Lucene's batches of so many characters, here one), so asked for again and again.
                Snippets kept = new Snippets(builder(searcher).withCacheFieldValCharsThreshold(1));
                int marked = 0;
                for (int round = 0; round < 400; round++) {
                    String field = FIELDS.get(random.nextInt(FIELDS.size()));
                    Query query = query(random, field);
                    // Few pages, so most are kept already, some in another field.
                    ScoreDoc[] hits = new ScoreDoc[1 + random.nextInt(10)];
                    for (int i = 0; i < hits.length; i++) {
                        hits[i] = new ScoreDoc(random.nextInt(40), 1f);
                    }
                    TopDocs top = new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits);
                    int passages = 1 + random.nextInt(2);
                    String[] expected = lucenes.highlightFields(new String[] {field}, query, top, new int[] {passages}).get(field);
                    String[] actual = kept.highlightFields(new String[] {field}, query, top, new int[] {passages}).get(field);
                    assertThat(actual).as(field + ": " + query + " on " + Arrays.toString(Arrays.stream(hits).mapToInt(h -> h.doc).toArray()))
                            .containsExactly(expected);
                    marked += (int) Arrays.stream(actual).filter(s -> s != null && s.contains("<b>")).count();
                }
                assertThat(marked).isGreaterThan(400);
            }
        }
    }

    @Test
    void snippets_are_escaped_as_lucenes_formatter_escapes_them() {
        // Lucene's own formatter, its append reachable from here.
        class Lucenes extends org.apache.lucene.search.uhighlight.DefaultPassageFormatter {
            Lucenes() {
                super("<mark>", "</mark>", " … ", true);
            }

            void appended(StringBuilder dest, String content, int start, int end) {
                append(dest, content, start, end);
            }
        }
        Lucenes lucenes = new Lucenes();
        SnippetFormatter ours = new SnippetFormatter();
        String alphabet = "aZ9 .,;:&<>\"'/\\=`é\u2019\u2029\u00A0—\n";
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int start = text.length() == 0 ? 0 : random.nextInt(text.length());
            int end = start + random.nextInt(text.length() - start + 1);
            StringBuilder expected = new StringBuilder("before ");
            StringBuilder actual = new StringBuilder("before ");
            lucenes.appended(expected, text.toString(), start, end);
            ours.append(actual, text.toString(), start, end);
            assertThat(actual.toString()).as("%s from %d to %d", text, start, end).isEqualTo(expected.toString());
        }
    }

    /** As the site's highlighter, with a length limit some bodies pass. */
    private static UnifiedHighlighter.Builder builder(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, new StandardAnalyzer()).withMaxNoHighlightPassages(0).withMaxLength(600)
                .withWeightMatches(false).withHandleMultiTermQuery(false).withHighlightPhrasesStrictly(false);
    }

    private static Query query(Random random, String field) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            any.add(new TermQuery(new Term(field, WORDS.get(random.nextInt(WORDS.size())))), Occur.SHOULD);
        }
        return any.build();
    }

    private static String sentences(Random random, int count) {
        List<String> text = new ArrayList<>();
        for (int s = count; s > 0; s--) {
            StringBuilder sentence = new StringBuilder("This");
            for (int i = 3 + random.nextInt(12); i > 0; i--) {
                sentence.append(' ').append(random.nextInt(4) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "filler" + random.nextInt(20));
            }
            text.add(sentence.append('.').toString());
        }
        return String.join(" ", text);
    }
}
