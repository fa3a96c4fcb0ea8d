package edu.rush.gme.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.rush.gme.RealContent;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The documents an index is written from are made as it asks for them, a few chunks ahead of it on
 * threads of their own, and come out in the order of the whole list.
 */
class SearchDocumentsTest {
    private final ContentSnapshot snapshot = RealContent.snapshot();

    @Test
    void aBuildHoldsAFewChunksOfTextsAtATimeAndGetsEveryDocumentInOrder() throws InterruptedException {
        // Every searched page, one after the other, as the index's order is meant to be.
        List<SearchDocument> whole = new ArrayList<>();
        for (ContentType<?> type : snapshot.types().all()) {
            if (type.isSearched()) {
                for (Page<?> page : snapshot.list(type, RealContent.now())) {
                    whole.add(SearchDocument.of(type, page, SearchDocument.text(page)));
                }
            }
        }
        assertTrue(whole.size() > 60, "enough pages for several chunks");
        assertEquals(whole, SearchDocument.from(snapshot, RealContent.now()), "the list made at once, as tests and benchmarks take it");
        AtomicInteger extracted = new AtomicInteger();
        // Chunks of 10 on 2 threads: at most 4 chunks (40 texts) ahead of the reader.
        Iterator<SearchDocument> made = SearchDocument.made(snapshot, RealContent.now(), page -> {
            extracted.incrementAndGet();
            return SearchDocument.text(page);
        }, 10, 2).iterator();

        assertTrue(made.hasNext());
        Thread.sleep(50);
        assertEquals(0, extracted.get(), "nothing is made before the index asks for a document");
        List<SearchDocument> got = new ArrayList<>();
        while (got.size() < 10) {
            got.add(made.next());
        }
        Thread.sleep(100);
        assertTrue(extracted.get() >= 10 && extracted.get() <= 40, "the chunk read and at most three more: " + extracted.get());
        got.add(made.next());
        Thread.sleep(100);
        assertTrue(extracted.get() <= 50, "one chunk further once the reader has moved on: " + extracted.get());
        made.forEachRemaining(got::add);

        assertEquals(whole, got, "the same documents in the same order");
        assertEquals(whole.size(), extracted.get(), "each text made once");
        assertFalse(made.hasNext());
        assertThrows(NoSuchElementException.class, made::next);
    }

    @Test
    void aBuildWhoseThreadIsInterruptedStillGetsEveryDocumentAndKeepsTheInterrupt() {
        List<SearchDocument> whole = SearchDocument.from(snapshot, RealContent.now());
        List<SearchDocument> got = new ArrayList<>();
        Thread.currentThread().interrupt();
        try {
            SearchDocument.made(snapshot, RealContent.now(), SearchDocument::text, 10, 2).forEach(got::add);
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is left for the caller (and cleared here)");
        }
        assertEquals(whole, got);
    }

    @Test
    void aTextThatCannotBeMadeStopsTheBuildWithItsOwnError() {
        IllegalArgumentException broken = new IllegalArgumentException("broken page");
        AtomicInteger seen = new AtomicInteger();
        Iterator<SearchDocument> made = SearchDocument.made(snapshot, RealContent.now(), page -> {
            if (seen.incrementAndGet() == 15) {
                throw broken;
            }
            return "text";
        }, 10, 1).iterator();
        for (int i = 0; i < 10; i++) {
            made.next();
        }
        assertSame(broken, assertThrows(IllegalArgumentException.class, made::next));
        assertTrue(made.hasNext(), "the chunk that failed is not skipped");
        assertSame(broken, assertThrows(IllegalArgumentException.class, made::next), "it fails again");
    }
}
