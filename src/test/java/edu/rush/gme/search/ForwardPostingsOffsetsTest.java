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
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Snippets cut with each word's postings moving forward from hit to hit are the snippets Lucene's
 * own strategy cuts, looking every word up again for each hit: for random queries and random sets of
 * hits in any order, across segments.
 */
class ForwardPostingsOffsetsTest {

    private static final List<String> WORDS = List.of("heart", "kids", "visa", "rural", "cancer", "sleep", "stroke", "care", "chicago", "surgery");

    @Test
    void the_snippets_are_those_of_lucenes_own_strategy() throws Exception {
        Random random = new Random(11);
        FieldType body = new FieldType(TextField.TYPE_STORED);
        body.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        body.freeze();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                    .setMaxBufferedDocs(100).setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int i = 0; i < 400; i++) {
                    Document doc = new Document();
                    doc.add(new Field("body", sentences(random), body));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                UnifiedHighlighter lucenes = builder(searcher).build();
                UnifiedHighlighter forward = new UnifiedHighlighter(builder(searcher)) {
                    @Override
                    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                        assertThat(source).isEqualTo(OffsetSource.POSTINGS);
                        return new ForwardPostingsOffsets(components);
                    }
                };
                int marked = 0;
                for (int round = 0; round < 300; round++) {
                    Query query = query(random);
                    ScoreDoc[] hits = new ScoreDoc[1 + random.nextInt(12)];
                    for (int i = 0; i < hits.length; i++) {
                        hits[i] = new ScoreDoc(random.nextInt(reader.maxDoc()), 1f);
                    }
                    if (hits.length > 1 && random.nextBoolean()) {
                        // The same page twice (a hit the highlighter comes back to).
                        hits[hits.length - 1] = new ScoreDoc(hits[0].doc, 1f);
                    }
                    TopDocs top = new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits);
                    int passages = 1 + random.nextInt(3);
                    String[] expected = lucenes.highlightFields(new String[] {"body"}, query, top, new int[] {passages}).get("body");
                    String[] actual = forward.highlightFields(new String[] {"body"}, query, top, new int[] {passages}).get("body");
                    assertThat(actual).as(query + " on " + Arrays.toString(Arrays.stream(hits).mapToInt(h -> h.doc).toArray())).containsExactly(expected);
                    marked += (int) Arrays.stream(actual).filter(s -> s != null && s.contains("<b>")).count();
                }
                assertThat(marked).isGreaterThan(300);
            }
        }
    }

    /** As the site's highlighter: the words of the query, looked up in the postings (not Lucene's matches of the query as a whole). */
    private static UnifiedHighlighter.Builder builder(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, new StandardAnalyzer()).withMaxNoHighlightPassages(0)
                .withWeightMatches(false).withHandleMultiTermQuery(false).withHighlightPhrasesStrictly(false);
    }

    private static Query query(Random random) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            Query each = switch (random.nextInt(4)) {
                case 0 -> new SynonymQuery.Builder("body").addTerm(new Term("body", word)).addTerm(new Term("body", "absent")).build();
                case 1 -> new PhraseQuery(1, "body", word, WORDS.get(random.nextInt(WORDS.size())));
                default -> new TermQuery(new Term("body", word));
            };
            any.add(each, Occur.SHOULD);
        }
        return any.build();
    }

    private static String sentences(Random random) {
        List<String> text = new ArrayList<>();
        for (int s = 1 + random.nextInt(5); s > 0; s--) {
            StringBuilder sentence = new StringBuilder("This");
            for (int i = 3 + random.nextInt(12); i > 0; i--) {
                sentence.append(' ').append(random.nextInt(4) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "filler" + random.nextInt(20));
            }
            text.add(sentence.append('.').toString());
        }
        return String.join(" ", text);
    }
}
