package edu.rush.gme.search;

import com.github.benmanes.caffeine.cache.Cache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Lucene's highlighter as a search uses it, with two changes that leave every snippet the same:
 * <ul>
 *   <li>each word of the query is looked up once per results page, not once per hit
 *       ({@link ForwardPostingsOffsets});</li>
 *   <li>the texts of the pages shown lately are kept, as Lucene read them from the index. A page's
 *       body is stored compressed with its neighbours', so reading one decompressed a block of
 *       several pages and decoded the page's text: 40% of the snippets' time. The pages shown are
 *       few (the best ten for questions that share their words: 551 pages in 4,000 of the
 *       benchmark's questions at 10,000 programs), so a small share of the heap keeps most of them.</li>
 * </ul>
 * A page is known by its number in this index and the field read; a new index (after any change)
 * has a new highlighter, so a text kept is always that page's text in this index.
 */
final class Snippets extends UnifiedHighlighter {

    /** At most this much memory for kept texts: a 128th of the heap, 512 KB to 4 MB (1 MB in a 256 MiB container). */
    static final long TEXTS_BYTES = SearchService.shareOfHeap(128, 512L << 10, 4L << 20);

    /**
     * At most so many texts' sentence starts kept beside them ({@link SentenceBreaks#known}): held only
     * as long as their texts are, a few hundred bytes each.
     */
    static final int SENTENCE_STARTS_KEPT = 4_096;

    /** A field of a page, by its number in this index. */
    private record Text(String field, int doc) {
    }

    private final Cache<Text, String> texts;

    Snippets(UnifiedHighlighter.Builder builder) {
        super(builder);
        this.texts = Kept.inBytes(TEXTS_BYTES, (Text text, String value) -> 64 + 2L * value.length());
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        return source == OffsetSource.POSTINGS ? new ForwardPostingsOffsets(components) : super.getOffsetStrategy(source, components);
    }

    /**
     * One field's text for each page, kept ones from memory and the others read as Lucene reads them
     * (its length limit, its joining of several values). Several fields at once are read as Lucene
     * reads them, nothing kept: a search asks for one field at a time.
     */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        if (fields.length != 1) {
            return super.loadFieldValues(fields, docs, cacheCharsThreshold);
        }
        String field = fields[0];
        List<CharSequence[]> values = new ArrayList<>();
        // The pages not kept: where each is in the answer, and its number.
        List<Integer> at = new ArrayList<>();
        List<Integer> unread = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String kept = texts.getIfPresent(new Text(field, doc));
            if (kept == null) {
                at.add(values.size());
                unread.add(doc);
            }
            values.add(new CharSequence[] {kept});
        }
        DocIdSetIterator each = new Pages(unread);
        // Lucene reads a batch of so many characters at a time: asked again until every page is read.
        for (int done = 0; done < unread.size(); ) {
            List<CharSequence[]> read = super.loadFieldValues(fields, each, cacheCharsThreshold);
            if (read.isEmpty()) {
                throw new IllegalStateException("the highlighter read none of the " + (unread.size() - done) + " pages left");
            }
            for (CharSequence[] one : read) {
                values.set(at.get(done), one);
                if (one[0] != null) {
                    texts.put(new Text(field, unread.get(done)), one[0].toString());
                }
                done++;
            }
        }
        return values;
    }

    /** Pages given by number, in the order given (the highlighter's, ascending). */
    private static final class Pages extends DocIdSetIterator {
        private final List<Integer> docs;
        private int next;
        private int doc = -1;

        Pages(List<Integer> docs) {
            this.docs = docs;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            doc = next < docs.size() ? docs.get(next++) : NO_MORE_DOCS;
            return doc;
        }

        @Override
        public int advance(int target) {
            int found;
            while ((found = nextDoc()) < target) {
                // past the pages before target
            }
            return found;
        }

        @Override
        public long cost() {
            return docs.size();
        }
    }
}
