package edu.rush.gme.search;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Test pages for what must hold on any index: several segments (never merged) with deleted pages in
 * them, as an updated index has, and text of a few known words among fillers.
 */
final class SegmentedIndex {

    /** The words asked for, each in about a third of the places text has a word. */
    static final List<String> WORDS = List.of("heart", "kids", "visa", "rural", "cancer", "sleep", "stroke", "care", "chicago", "surgery");

    private SegmentedIndex() {
    }

    /**
     * Writes {@code pages} pages, a segment every {@code perSegment}, each with an "id" and what
     * {@code fill} adds (given its number), then deletes every {@code deleteEvery}-th.
     */
    static void write(Directory directory, int pages, int perSegment, int deleteEvery, BiConsumer<Integer, Document> fill) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                .setMaxBufferedDocs(perSegment).setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < pages; i++) {
                Document doc = new Document();
                doc.add(new StringField("id", Integer.toString(i), Field.Store.YES));
                fill.accept(i, doc);
                writer.addDocument(doc);
            }
            for (int i = 0; i < pages; i += deleteEvery) {
                writer.deleteDocuments(new Term("id", Integer.toString(i)));
            }
        }
    }

    /**
     * 3,000 pages as a search ranks them (a kind, a title, a summary and a body of known words and
     * fillers; programs boosted 1.6, news 0.9, other pages without a boost of their own), a segment
     * every 400, every 11th deleted.
     */
    static void writeRanked(Directory directory, Random random) throws IOException {
        write(directory, 3_000, 400, 11, (i, doc) -> {
            String kind = i % 5 == 0 ? SearchDocument.NEWS : i % 7 == 0 ? SearchDocument.PAGE : SearchDocument.PROGRAM;
            doc.add(new StringField(SearchFields.KIND, kind, Field.Store.NO));
            doc.add(new SortedDocValuesField(SearchFields.KIND, new BytesRef(kind)));
            doc.add(new TextField("title", words(random, 1 + random.nextInt(3)), Field.Store.NO));
            doc.add(new TextField("summary", words(random, 3 + random.nextInt(8)), Field.Store.NO));
            doc.add(new TextField("body", words(random, 5 + random.nextInt(60)), Field.Store.NO));
            if (!kind.equals(SearchDocument.PAGE)) {
                doc.add(new FloatDocValuesField("boost", kind.equals(SearchDocument.NEWS) ? 0.9f : 1.6f));
            }
        });
    }

    /** {@code count} words, a third of them known ones, the rest fillers. */
    static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(3) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "filler" + random.nextInt(30)).append(' ');
        }
        return text.toString();
    }
}
