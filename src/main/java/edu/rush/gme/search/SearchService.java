package edu.rush.gme.search;

import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.PerSnapshotDay;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private final PerSnapshotDay<SearchIndex> index = new PerSnapshotDay<>(SearchService::build);
    private final ZeroResultLog zeroResults = new ZeroResultLog();

    public SearchService(ContentStore store) {
        this.store = store;
        // Build each new snapshot's index in the background, so pages are served at once; a search
        // that comes first waits for (or builds) the index of the snapshot it reads.
        store.onLoad(snapshot -> {
            boolean starting = !store.isLoaded();
            Thread build = new Thread(() -> {
                if (starting) {
                    // At start-up, let the first pages be served before the index takes a core.
                    pause(STARTUP_DELAY_MILLIS);
                }
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

    private static SearchIndex build(ContentSnapshot snapshot, Instant now) {
        long start = System.nanoTime();
        SearchIndex built = new SearchIndex(SearchDocument.from(snapshot, now), analyzers(snapshot.searchSynonyms()));
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
