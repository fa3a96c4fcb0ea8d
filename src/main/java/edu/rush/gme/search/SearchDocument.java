package edu.rush.gme.search;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SearchText;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
        made(snapshot, now, SearchDocument::text).forEach(documents::add);
        return documents;
    }

    /** How many pages one task makes into documents. */
    static final int CHUNK = 64;

    /**
     * The same documents in the same order, with the body text of each page from {@code text} (a
     * reload keeps the pages of files that did not change, so their text can be kept too), made as
     * they are asked for: {@link #CHUNK} pages per task, a few tasks ahead of the reader, on threads of
     * their own, one per core (at most {@link #MAKERS}). So an index being written holds a few chunks' texts rather than every
     * page's (about 40 MB at 10,000 programs), and writes while the next pages are being made: the
     * writer runs on one core, making the texts on every core, and neither waits for the other to end.
     */
    static Iterable<SearchDocument> made(ContentSnapshot snapshot, Instant now, Function<Page<?>, String> text) {
        return made(snapshot, now, text, CHUNK, Math.min(MAKERS, Runtime.getRuntime().availableProcessors()));
    }

    /** At most this many threads make texts (so at most 1,024 pages' texts are made ahead, however many cores there are). */
    private static final int MAKERS = 8;

    /** The same, {@code chunk} pages per task on {@code threads} threads, at most two tasks per thread ahead of the reader. */
    static Iterable<SearchDocument> made(ContentSnapshot snapshot, Instant now, Function<Page<?>, String> text, int chunk, int threads) {
        List<Map.Entry<ContentType<?>, Page<?>>> pages = new ArrayList<>();
        for (ContentType<?> type : snapshot.types().all()) {
            if (type.isSearched()) {
                snapshot.list(type, now).forEach(page -> pages.add(Map.entry(type, page)));
            }
        }
        int ahead = 2 * threads;
        return () -> new Iterator<>() {
            /**
             * Threads that end a second after their last task: a reader that stops early (its writer
             * failed) leaves none behind once the tasks already asked for (at most {@code ahead}) end.
             */
            private final ThreadPoolExecutor makers = makers(threads);
            private final ArrayDeque<Future<List<SearchDocument>>> coming = new ArrayDeque<>();
            private int asked;
            private List<SearchDocument> inHand = List.of();
            private int next;
            /** What went wrong making a chunk: every later call says it again rather than skip that chunk. */
            private RuntimeException failed;

            @Override
            public boolean hasNext() {
                return failed != null || next < inHand.size() || asked < pages.size() || !coming.isEmpty();
            }

            @Override
            public SearchDocument next() {
                if (failed != null) {
                    throw failed;
                }
                if (next == inHand.size()) {
                    while (coming.size() < ahead && asked < pages.size()) {
                        List<Map.Entry<ContentType<?>, Page<?>>> part = pages.subList(asked, Math.min(pages.size(), asked + chunk));
                        asked += part.size();
                        coming.add(makers.submit(() -> part.stream().map(p -> of(p.getKey(), p.getValue(), text.apply(p.getValue()))).toList()));
                    }
                    if (coming.isEmpty()) {
                        throw new NoSuchElementException();
                    }
                    try {
                        inHand = done(coming.remove());
                    } catch (RuntimeException e) {
                        // The build stops here: the chunks asked for beyond it are not made.
                        failed = e;
                        coming.forEach(task -> task.cancel(false));
                        makers.shutdown();
                        throw e;
                    }
                    next = 0;
                }
                return inHand.get(next++);
            }
        };
    }

    private static ThreadPoolExecutor makers(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "search-texts");
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * A task's documents, or what went wrong making them, as it went wrong. Waits through an interrupt
     * (and keeps it for the caller), as a build did when it made its texts in a parallel stream: a
     * server stopping while it reloads finishes that index rather than log a failed reload.
     */
    private static List<SearchDocument> done(Future<List<SearchDocument>> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
