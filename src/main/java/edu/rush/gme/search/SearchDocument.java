package edu.rush.gme.search;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SearchText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        return from(snapshot, now, SearchDocument::text);
    }

    /**
     * The same, with the body text of each page from {@code text} (a reload keeps the pages of files
     * that did not change, so their text can be kept too).
     */
    static List<SearchDocument> from(ContentSnapshot snapshot, Instant now, Function<Page<?>, String> text) {
        List<SearchDocument> documents = new ArrayList<>();
        for (ContentType<?> type : snapshot.types().all()) {
            if (!type.isSearched()) {
                continue;
            }
            // Each body is rendered from Markdown here (the first thing to ask for it): on every core, in list order.
            documents.addAll(snapshot.list(type, now).parallelStream().map(page -> of(type, page, text.apply(page))).toList());
        }
        return documents;
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
