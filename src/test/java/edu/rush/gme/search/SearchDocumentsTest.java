package edu.rush.gme.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.ContentSnapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The documents an index is written from are made as it asks for them, a chunk at a time, in the order of the whole list. */
class SearchDocumentsTest {
    private final ContentSnapshot snapshot = RealContent.snapshot();

    @Test
    void aBuildHoldsOneChunkOfTextsAtATimeAndGetsEveryDocumentInOrder() {
        List<SearchDocument> whole = SearchDocument.from(snapshot, RealContent.now());
        AtomicInteger extracted = new AtomicInteger();
        Iterator<SearchDocument> made = SearchDocument.made(snapshot, RealContent.now(), page -> {
            extracted.incrementAndGet();
            return SearchDocument.text(page);
        }, 10).iterator();

        assertEquals(0, extracted.get(), "nothing is extracted before the index asks");
        List<SearchDocument> got = new ArrayList<>();
        got.add(made.next());
        assertEquals(10, extracted.get(), "the first document brings its chunk, no more");
        while (got.size() < 10) {
            got.add(made.next());
        }
        assertEquals(10, extracted.get(), "the rest of a chunk is already made");
        got.add(made.next());
        assertEquals(20, extracted.get());
        made.forEachRemaining(got::add);

        assertEquals(whole, got, "the same documents in the same order as the list made at once");
        assertEquals(whole.size(), extracted.get(), "each text made once");
        assertFalse(made.hasNext());
        assertThrows(NoSuchElementException.class, made::next);
    }
}
