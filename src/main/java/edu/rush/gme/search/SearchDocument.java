package edu.rush.gme.search;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SearchText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** What the index holds of one visible page: its kind, URL, words to match and text to show. */
public record SearchDocument(String kind, String url, String title, String meta, String programType, String specialty,
                             String department, String tags, String summary, String facts, String body, String source) {

    /**
     * A document with no source file (benchmarks): its body text stands for it in the fingerprint.
     *
     * @see #source() the digest of the page's file, by which an index tells an unchanged page
     */
    public SearchDocument(String kind, String url, String title, String meta, String programType, String specialty,
                          String department, String tags, String summary, String facts, String body) {
        this(kind, url, title, meta, programType, specialty, department, tags, summary, facts, body, null);
    }

    public static final String PROGRAM = "program";
    public static final String NEWS = "news";
    public static final String PAGE = "page";

    /** Every visible page of every searched content type (programs, stories, wellness initiatives, pages; not the home page). */
    public static List<SearchDocument> from(ContentSnapshot snapshot, Instant now) {
        List<SearchDocument> documents = new ArrayList<>();
        made(snapshot, now, SearchDocument::text, Integer.MAX_VALUE).forEach(documents::add);
        return documents;
    }

    /** How many documents are made at once: enough to keep every core busy, few enough that their texts are a small part of the heap. */
    static final int CHUNK = 256;

    /**
     * The same documents in the same order, with the body text of each page from {@code text} (a
     * reload keeps the pages of files that did not change, so their text can be kept too), made as
     * they are asked for, {@link #CHUNK} pages at a time on every core. So an index being written
     * holds one chunk's texts, not every page's (about 40 MB at 10,000 programs).
     */
    static Iterable<SearchDocument> made(ContentSnapshot snapshot, Instant now, Function<Page<?>, String> text) {
        return made(snapshot, now, text, CHUNK);
    }

    /** The same, {@code chunk} pages at a time. */
    static Iterable<SearchDocument> made(ContentSnapshot snapshot, Instant now, Function<Page<?>, String> text, int chunk) {
        List<Map.Entry<ContentType<?>, Page<?>>> pages = new ArrayList<>();
        for (ContentType<?> type : snapshot.types().all()) {
            if (type.isSearched()) {
                snapshot.list(type, now).forEach(page -> pages.add(Map.entry(type, page)));
            }
        }
        return () -> new Iterator<>() {
            private int made;
            private List<SearchDocument> inHand = List.of();
            private int next;

            @Override
            public boolean hasNext() {
                return next < inHand.size() || made < pages.size();
            }

            @Override
            public SearchDocument next() {
                if (next == inHand.size()) {
                    if (made == pages.size()) {
                        throw new NoSuchElementException();
                    }
                    int end = Math.min(pages.size(), made + chunk);
                    // Each body is rendered from Markdown here (the first thing to ask for it): on every core, in list order.
                    inHand = pages.subList(made, end).parallelStream()
                            .map(p -> of(p.getKey(), p.getValue(), text.apply(p.getValue()))).toList();
                    made = end;
                    next = 0;
                }
                return inHand.get(next++);
            }
        };
    }

    /** What the index holds of a page of this type, with the given body text. */
    static SearchDocument of(ContentType<?> type, Page<?> page, String body) {
        SearchText t = type.searchText(page);
        return new SearchDocument(t.kind(), page.url(), page.title(), t.meta(), t.facet(), t.name(), t.department(),
                t.tags(), t.summary(), t.facts(), body, page.digest());
    }

    /** The same page with this body text. */
    SearchDocument withBody(String text) {
        return new SearchDocument(kind, url, title, meta, programType, specialty, department, tags, summary, facts, text, source);
    }

    /** The body as plain text, headings closed with a full stop so snippets read as sentences (from its Markdown: no page is rendered). */
    static String text(Page<?> page) {
        return page.body().text();
    }
}
