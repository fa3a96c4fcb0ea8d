package edu.rush.gme.search;

import edu.rush.gme.content.ContentLoader;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search over the current content: an index per content version and day (publish and expiry dates
 * take effect at midnight), built when content loads and swapped in whole, so a search always sees
 * one complete index. Knows nothing of HTTP.
 */
public final class SearchService {

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);

    private final ContentStore store;
    private final PerSnapshotDay<SearchIndex> index = new PerSnapshotDay<>(this::build);
    private final ZeroResultLog zeroResults = new ZeroResultLog();
    /**
     * Each page body's text, by the body itself: a reload keeps the pages of files that did not
     * change, so only a changed file's text is extracted again. Weak keys: it forgets old pages.
     */
    private final Map<LazyHtml, String> texts = Collections.synchronizedMap(new WeakHashMap<>());

    public SearchService(ContentStore store) {
        this.store = store;
        store.onLoad(snapshot -> {
            if (store.isLoaded()) {
                // A reload: the new snapshot is published with its index, so no search waits for one.
                index.get(snapshot, store.now());
                return;
            }
            // At start-up, pages are served at once and the index is built in the background; a
            // search that comes first waits for (or builds) it.
            Thread build = new Thread(() -> {
                pause(STARTUP_DELAY_MILLIS);
                index.get(snapshot, store.now());
            }, "search-index");
            build.setDaemon(true);
            build.start();
        });
    }

    static final long STARTUP_DELAY_MILLIS = 1500;

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public SearchResults search(String query, String kind, String programType, int page) {
        SearchResults results = index().search(query, kind, programType, page);
        if (results.isEmpty() && !results.query().isEmpty() && kind == null && programType == null) {
            zeroResults.record(results.query(), store.now());
        }
        return results;
    }

    public List<Map<String, String>> suggest(String prefix) {
        return index().suggest(prefix, 8);
    }

    public ZeroResultLog zeroResults() {
        return zeroResults;
    }

    /** The index for the current snapshot and day (built when content loads, or now if the day has turned). */
    SearchIndex index() {
        return index.get(store.snapshot(), store.now());
    }

    private SearchIndex build(ContentSnapshot snapshot, Instant now) {
        long start = System.nanoTime();
        List<SearchDocument> documents = SearchDocument.from(snapshot, now, page -> texts.computeIfAbsent(page.body(), body -> SearchDocument.text(page)));
        SearchIndex built = new SearchIndex(documents, analyzers(snapshot.searchSynonyms()));
        LOG.info("search index built: {} documents in {} ms", built.size(), (System.nanoTime() - start) / 1_000_000);
        return built;
    }

    /** Lucene names the line in its message ("Invalid synonym rule at line 12"). */
    static int problemLine(ParseException e) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("at line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return line.find() ? Integer.parseInt(line.group(1)) : Math.max(1, e.getErrorOffset());
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
