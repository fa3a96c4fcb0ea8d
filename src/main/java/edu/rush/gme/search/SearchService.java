package edu.rush.gme.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import edu.rush.gme.AskedBefore;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.LazyHtml;
import edu.rush.gme.content.PerSnapshotDay;
import java.text.ParseException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the current content: an index per content version and visibility key (the day, and
 * the scheduled publish and expiry moments passed), built when content loads and again at each
 * scheduled moment, and swapped in whole, so a search always sees one complete index. Results are
 * kept under the index's version and visibility and what was asked, from a question's second asking,
 * so a repeated search costs a lookup, and a new snapshot or a passed moment makes new keys: nothing
 * is invalidated by hand and no search sees results of another version. Knows nothing of HTTP.
 */
public final class SearchService {

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

    /**
     * Memory for kept results (a page of ten hits weighs about 5 KB); entries of old versions age out.
     * A 32nd of the heap, at most 16 MB: in a 256 MiB container (a heap of 126 MiB) a fixed 16 MB
     * was an eighth of the heap beside everything held strongly (docs/performance.md, "Memory").
     */
    static final long RESULTS_CACHE_BYTES = shareOfHeap(32, 1L << 20, 16L << 20);
    /** Kept suggestion lists (at most eight titles each, about 2 KB): a 64th of the heap, 256 to 4,096 of them. */
    static final long SUGGESTIONS_CACHED = shareOfHeap(64, 256 * 2048L, 4096 * 2048L) / 2048;

    /** A {@code 1/divisor} share of the heap the JVM may grow to, in bytes, kept between {@code min} and {@code max}. */
    static long shareOfHeap(int divisor, long min, long max) {
        return Math.max(min, Math.min(max, Runtime.getRuntime().maxMemory() / divisor));
    }

    /** What a page of results depends on: the index (content version and visibility) and the question's searched words. */
    private record ResultsKey(String version, String visibility, String query, String kind, String programType, int page) {
    }

    private record SuggestKey(String version, String visibility, String prefix) {
    }

    private final ContentStore store;
    private final PerSnapshotDay<SearchIndex> index = new PerSnapshotDay<>(this::build);
    private final ZeroResultLog zeroResults = new ZeroResultLog();
    /**
     * Which index holds each page body's text, by the body itself: a reload keeps the pages of files
     * that did not change, so an unchanged page's text is read back from the last index's stored
     * fields (kept compressed there) and only a changed file's text is extracted from its Markdown.
     * Weak keys: old pages are forgotten; each build points every current page at the new index.
     */
    private final Map<LazyHtml, Indexed> indexed = Collections.synchronizedMap(new WeakHashMap<>());
    private final LongAdder textsExtracted = new LongAdder();

    private record Indexed(SearchIndex index, String url) {
    }

    private final Cache<ResultsKey, SearchResults> results = Caffeine.newBuilder()
            .maximumWeight(RESULTS_CACHE_BYTES)
            .weigher(SearchService::weight)
            .build();
    /** The questions asked lately: results are kept from a question's second asking. */
    private final AskedBefore asked = new AskedBefore();
    private final Cache<SuggestKey, List<Map<String, String>>> suggestions = Caffeine.newBuilder()
            .maximumSize(SUGGESTIONS_CACHED)
            .build();
    private final LongAdder indexSearches = new LongAdder();
    private final LongAdder indexesBuilt = new LongAdder();
    private final LongAdder indexesRead = new LongAdder();
    private final LongAdder indexesUpdated = new LongAdder();
    /** The analyzers of the last index with the synonym rules they were built from: most saves do not touch the rules. */
    private volatile Analyzed analyzed;

    private record Analyzed(String rules, SearchAnalyzers analyzers) {
    }

    /** Indexes kept on disk between runs (none: each start builds its own). */
    private final IndexFiles files;
    /** Keeps indexes on disk, after the index is in use. */
    private final java.util.concurrent.ExecutorService keeping;

    public SearchService(ContentStore store) {
        this(store, IndexFiles.none());
    }

    public SearchService(ContentStore store, IndexFiles files) {
        long created = System.nanoTime();
        this.store = store;
        this.files = files;
        this.keeping = files.keeps() ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "search-index-files");
            thread.setDaemon(true);
            return thread;
        }) : null;
        // A page scheduled for this minute appears in search at this minute, not at the first search after it.
        store.onScheduledMoment(snapshot -> index.get(snapshot, store.now()));
        store.onLoad(snapshot -> {
            if (store.isLoaded()) {
                // A reload: the new snapshot is published with its index, so no search waits for one.
                index.get(snapshot, store.now());
                return;
            }
            // At start-up, pages are served at once and the index is built in the background; a
            // search that comes first waits for (or builds) it. The build leaves the first
            // STARTUP_DELAY_MILLIS after start-up to the first pages; a catalog that took longer than
            // that to load has had its delay, and is indexed at once.
            Thread build = new Thread(() -> {
                pause(startupPause(created, System.nanoTime()));
                index.get(snapshot, store.now());
            }, "search-index");
            build.setDaemon(true);
            build.start();
        });
    }

    static final long STARTUP_DELAY_MILLIS = 1500;

    /** How long a start-up build still waits, now, for a service created at {@code created} (both {@link System#nanoTime()}). */
    static long startupPause(long created, long now) {
        return Math.max(0, STARTUP_DELAY_MILLIS - (now - created) / 1_000_000);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public SearchResults search(String query, String kind, String programType, int page) {
        return search(store.snapshot(), query, kind, programType, page);
    }

    /** Searches the index of this snapshot (the one a request has taken), so a page and its results are of one version. */
    public SearchResults search(ContentSnapshot snapshot, String query, String kind, String programType, int page) {
        return search(snapshot, store.now(), query, kind, programType, page);
    }

    /**
     * Searches what is visible in this snapshot at {@code now} (a request's {@code Reading}: the public
     * site, or a preview of a later time). Results are kept from a question's second asking
     * ({@link AskedBefore}); a question asked once is not.
     */
    public SearchResults search(ContentSnapshot snapshot, Instant now, String query, String kind, String programType, int page) {
        String q = SearchIndex.normalize(query);
        // The index first (built by now, or built here); it is the one for this key's version and day.
        SearchIndex current = index.get(snapshot, now);
        // Kept by the words searched, not as typed: the same question asked in other capitals or spacing is a hit.
        ResultsKey key = new ResultsKey(snapshot.version(), snapshot.visibilityKey(now), current.searchedWords(q), kind, programType, page);
        java.util.function.Function<ResultsKey, SearchResults> searched = k -> {
            indexSearches.increment();
            return current.search(q, kind, programType, page);
        };
        // From its second asking through the cache, so requests asking it at the same moment search once.
        SearchResults kept = results.getIfPresent(key);
        if (kept == null) {
            kept = asked.asked(key) ? results.get(key, searched) : searched.apply(key);
        }
        SearchResults found = kept.askedAs(q);
        // Counted on every request, whether the results were kept or not: staff see how often it is searched.
        if (found.isEmpty() && !found.query().isEmpty() && kind == null && programType == null) {
            zeroResults.record(found.query(), now);
        }
        return found;
    }

    public List<Map<String, String>> suggest(String prefix) {
        return suggest(store.snapshot(), store.now(), prefix);
    }

    public List<Map<String, String>> suggest(ContentSnapshot snapshot, Instant now, String prefix) {
        String p = SearchIndex.normalize(prefix);
        SearchIndex current = index.get(snapshot, now);
        SuggestKey key = new SuggestKey(snapshot.version(), snapshot.visibilityKey(now), p);
        return suggestions.get(key, k -> {
            indexSearches.increment();
            return current.suggest(p, 8);
        });
    }

    /** How many searches and suggestions the index itself answered (the rest came from kept results). */
    public long indexSearches() {
        return indexSearches.sum();
    }

    /** Finishes keeping an index on disk (a stop right after start-up still leaves it for the next start), for at most 5 s. */
    public void close() {
        close(java.time.Duration.ofSeconds(5));
    }

    /** The same, waiting at most {@code longest}. */
    public void close(java.time.Duration longest) {
        if (keeping != null) {
            keeping.shutdown();
            try {
                keeping.awaitTermination(longest.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Builds (or reads, or updates) the index of the current content now, rather than when first searched; answers how many pages it holds. */
    public int prepare() {
        return index.get(store.snapshot(), store.now()).size();
    }

    /** How many indexes were built from the content, and how many read back from disk ({@link IndexFiles}). */
    public long indexesBuilt() {
        return indexesBuilt.sum();
    }

    public long indexesRead() {
        return indexesRead.sum();
    }

    /** How many indexes were made from an earlier one with only the pages that changed. */
    public long indexesUpdated() {
        return indexesUpdated.sum();
    }

    /** How many page texts were extracted from Markdown (the rest were read back from the index that held them). */
    public long textsExtracted() {
        return textsExtracted.sum();
    }

    public ZeroResultLog zeroResults() {
        return zeroResults;
    }

    /** Roughly the bytes a page of results holds: its text, twice for the chars, plus the objects around it. */
    private static int weight(ResultsKey key, SearchResults page) {
        int chars = key.query().length() + 256;
        for (SearchResults.Hit hit : page.hits()) {
            chars += hit.url().length() + hit.title().length() + hit.meta().length() + hit.snippet().length() + 64;
        }
        return 2 * chars;
    }

    private SearchIndex build(ContentSnapshot snapshot, Instant now) {
        long start = System.nanoTime();
        SearchAnalyzers analyzers = analyzersFor(snapshot.searchSynonyms());
        // Public content only: a preview's index (a draft shown) is not worth keeping.
        String key = files.keeps() && !snapshot.isPreview() ? files.key(snapshot, now) : null;
        if (key != null) {
            SearchIndex read = files.read(key).map(directory -> open(directory, analyzers)).orElse(null);
            if (read != null) {
                indexesRead.increment();
                LOG.info("search index read from disk: {} documents in {} ms", read.size(), (System.nanoTime() - start) / 1_000_000);
                remember(snapshot, now, read);
                return read;
            }
        }
        SearchIndex base = base(snapshot, now, analyzers);
        if (base == null && key != null) {
            // The first index of this run: one kept for other files or another day is updated rather than built.
            base = files.readNewestLike(key).map(directory -> open(directory, analyzers)).orElse(null);
        }
        SearchIndex updated = null;
        if (base != null) {
            try {
                updated = update(base, snapshot, now);
            } catch (RuntimeException e) {
                LOG.warn("search index not updated ({}); building it whole", e.toString());
            }
        }
        if (updated != null) {
            indexesUpdated.increment();
            return inUse(snapshot, now, updated, "updated", start, key);
        }
        // Outside the map's lock (computeIfAbsent would hold it while rendering): pages are rendered on every core.
        Map<String, String> earlier = earlierTexts(snapshot, now);
        Iterable<SearchDocument> documents = SearchDocument.made(snapshot, now, page -> {
            Indexed before = indexed.get(page.body());
            String text = before == null ? null : earlier.get(before.url());
            if (text == null) {
                textsExtracted.increment();
                text = textOf(page);
            }
            return text;
        });
        indexesBuilt.increment();
        return inUse(snapshot, now, new SearchIndex(documents, analyzers), "built", start, key);
    }

    /** A new index (built or updated): its pages pointed at it, logged, and kept on disk after it is in use when {@code key} is given. */
    private SearchIndex inUse(ContentSnapshot snapshot, Instant now, SearchIndex index, String how, long start, String key) {
        remember(snapshot, now, index);
        LOG.info("search index {}: {} documents in {} ms", how, index.size(), (System.nanoTime() - start) / 1_000_000);
        if (key != null) {
            later(() -> files.write(key, index.directory()));
        }
        return index;
    }

    private void later(Runnable work) {
        try {
            keeping.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("stopping: the index is not kept");
        }
    }

    /** A kept index, or null when it cannot be opened (then it is built). */
    private static SearchIndex open(org.apache.lucene.store.ByteBuffersDirectory directory, SearchAnalyzers analyzers) {
        try {
            return new SearchIndex(directory, analyzers);
        } catch (RuntimeException e) {
            LOG.warn("search index kept on disk cannot be opened ({}); building it again", e.toString());
            return null;
        }
    }

    /**
     * The index this snapshot's pages were last indexed in, when it was written with these analyzers
     * (the staff's synonyms unchanged); else null.
     */
    private SearchIndex base(ContentSnapshot snapshot, Instant now, SearchAnalyzers analyzers) {
        SearchIndex last = lastIndexed(snapshot, now);
        return last != null && last.analyzers() == analyzers ? last : null;
    }

    /**
     * The index some of this snapshot's pages were last indexed in: the last public one ({@link #remember}
     * keeps its pages only), for a reload or a preview; null when none of them was.
     */
    private SearchIndex lastIndexed(ContentSnapshot snapshot, Instant now) {
        return searchedPages(snapshot, now).map(page -> indexed.get(page.body())).filter(java.util.Objects::nonNull)
                .map(Indexed::index).findFirst().orElse(null);
    }

    /**
     * {@code base} with only what differs from it: a page with the same fingerprint there (the same
     * file and the same fields) is left as it is; the others are indexed again, and pages that are no
     * longer there (deleted, unpublished, expired) are deleted. Null when more than a quarter of the
     * pages changed: then a whole new index is as quick and leaves no deleted pages.
     */
    private SearchIndex update(SearchIndex base, ContentSnapshot snapshot, Instant now) {
        Map<String, Long> before = base.fingerprints();
        int most = Math.max(16, before.size() / 4);
        java.util.Set<String> present = new java.util.HashSet<>(before.size() * 4 / 3 + 1);
        List<SearchDocument> changed = new java.util.ArrayList<>();
        for (edu.rush.gme.content.ContentType<?> type : snapshot.types().all()) {
            if (!type.isSearched()) {
                continue;
            }
            for (edu.rush.gme.content.Page<?> page : snapshot.list(type, now)) {
                present.add(page.url());
                SearchDocument document = SearchDocument.of(type, page, null);
                Long print = before.get(page.url());
                if (print != null && print == SearchIndex.fingerprint(document)) {
                    continue;
                }
                if (changed.size() == most) {
                    return null;
                }
                // A page whose body is one indexed before (fields derived from others changed): its text is there.
                Indexed in = indexed.get(page.body());
                String text = in == null ? null : in.index().body(in.url());
                if (text == null) {
                    textsExtracted.increment();
                    text = textOf(page);
                }
                changed.add(document.withBody(text));
            }
        }
        List<String> removed = before.keySet().stream().filter(url -> !present.contains(url)).toList();
        if (changed.size() + removed.size() > most) {
            return null;
        }
        // Nothing to index (another day with no page appearing or going, a file that is not searched): the same index.
        return changed.isEmpty() && removed.isEmpty() ? base : base.updated(changed, removed);
    }

    /** The texts of the index this snapshot's unchanged pages were last indexed in, read in one pass, by URL (none: empty). */
    private Map<String, String> earlierTexts(ContentSnapshot snapshot, Instant now) {
        SearchIndex last = lastIndexed(snapshot, now);
        if (last == null) {
            return Map.of();
        }
        try {
            return last.bodies();
        } catch (RuntimeException e) {
            LOG.debug("texts of an earlier index not reused: {}", e.toString());
            return Map.of();
        }
    }

    /** A page's body text; a body that cannot be read is left out (logged), and the page is still found by its other fields. */
    private static String textOf(edu.rush.gme.content.Page<?> page) {
        try {
            return SearchDocument.text(page);
        } catch (RuntimeException e) {
            LOG.warn("{}: its text is not searchable ({})", page.source(), e.toString());
            return "";
        }
    }

    /**
     * Points every page of this index at it: the next build reads their texts back from it, or updates
     * it. Not a preview's index: the public one stays the base of the next build (a preview's would be
     * held by the public pages until then).
     */
    private void remember(ContentSnapshot snapshot, Instant now, SearchIndex index) {
        if (snapshot.isPreview()) {
            return;
        }
        // Only the current pages: a page that expired or was unpublished would keep its old index in memory.
        indexed.clear();
        searchedPages(snapshot, now).forEach(page -> indexed.put(page.body(), new Indexed(index, page.url())));
    }

    /** The pages an index of this snapshot at {@code now} holds: every visible page of every searched type. */
    private static java.util.stream.Stream<edu.rush.gme.content.Page<?>> searchedPages(ContentSnapshot snapshot, Instant now) {
        return snapshot.types().all().stream().filter(edu.rush.gme.content.ContentType::isSearched)
                .flatMap(type -> snapshot.list(type, now).stream().map(page -> (edu.rush.gme.content.Page<?>) page));
    }

    private SearchAnalyzers analyzersFor(String rules) {
        Analyzed last = analyzed;
        if (last == null || !last.rules().equals(rules)) {
            last = new Analyzed(rules, analyzers(rules));
            analyzed = last;
        }
        return last.analyzers();
    }

    /** Lucene names the line in its message ("Invalid synonym rule at line 12"). */
    static int problemLine(ParseException e) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("at line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return line.find() ? Integer.parseInt(line.group(1)) : Math.max(1, e.getErrorOffset());
    }

    /**
     * The first rule of the staff's synonyms that cannot be read, as a problem at its line
     * ({@code validate} reports it like any other content problem); null when every rule can be read.
     *
     * @param shown the file as problems name it, e.g. {@code content/synonyms.txt}
     */
    public static ContentProblem synonymProblem(String shown, String rules) {
        try {
            new SearchAnalyzers(rules);
            return null;
        } catch (ParseException e) {
            String cause = e.getCause() == null || e.getCause().getMessage() == null ? "" : ": " + e.getCause().getMessage();
            return new ContentProblem(shown, problemLine(e), 1, "this synonym rule cannot be read (" + e.getMessage() + cause
                    + "); write it as 'word => word, other words', one rule per line");
        }
    }

    /** The staff's synonyms; a broken rule is reported with its line and the index goes on without synonyms. */
    static SearchAnalyzers analyzers(String rules) {
        try {
            return new SearchAnalyzers(rules);
        } catch (ParseException e) {
            LOG.warn("content/{}:{}:1: {}: {} (searching without synonyms until it is fixed)", ContentLoader.SYNONYMS,
                    problemLine(e), e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
            try {
                return new SearchAnalyzers("");
            } catch (ParseException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
