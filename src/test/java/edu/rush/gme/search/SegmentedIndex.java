package edu.rush.gme.search;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;

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

    /** {@code count} words, a third of them known ones, the rest fillers. */
    static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(3) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "filler" + random.nextInt(30)).append(' ');
        }
        return text.toString();
    }
}
