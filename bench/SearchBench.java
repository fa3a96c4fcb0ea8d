import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.search.SearchAnalyzers;
import edu.rush.gme.search.SearchDocument;
import edu.rush.gme.search.SearchIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Search latency for 20 representative applicant queries, over the real catalog and over N
 * generated programs (the real pages repeated with numbered titles), and the index build time.
 *
 *   mvn -q -DskipTests package && java -cp target/gme-site.jar bench/SearchBench.java [N=10000] [ROUNDS=200]
 */
public class SearchBench {
    static final List<String> QUERIES = List.of("peds", "ob/gyn", "heme/onc", "cardiolgy", "heart", "kids", "internal medicine",
            "pm&r", "neur", "orthopaedic surgery", "gas", "visa h1b", "cancer", "med-peds", "pulm/crit", "derm",
            "psychiatary", "virtual interviews", "family medicine rural", "babies");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ContentSnapshot snapshot = new ContentLoader(Path.of("content"), Clock.systemUTC(), edu.rush.gme.App.CONTENT_TYPES).load();
        SearchAnalyzers analyzers = new SearchAnalyzers(snapshot.searchSynonyms());
        List<SearchDocument> real = SearchDocument.from(snapshot, Instant.now());

        run("real catalog", real, analyzers, rounds);

        List<SearchDocument> generated = new ArrayList<>(n);
        List<SearchDocument> programs = real.stream().filter(d -> d.kind().equals(SearchDocument.PROGRAM)).toList();
        for (int i = 0; i < n; i++) {
            SearchDocument d = programs.get(i % programs.size());
            generated.add(new SearchDocument(d.kind(), d.url() + "-" + i, d.title() + " " + i, d.meta(), d.programType(), d.specialty(),
                    d.department(), d.tags(), d.summary(), d.facts(), d.body()));
        }
        run(n + " generated programs", generated, analyzers, rounds);
    }

    static void run(String label, List<SearchDocument> documents, SearchAnalyzers analyzers, int rounds) {
        long start = System.nanoTime();
        SearchIndex index = new SearchIndex(documents, analyzers);
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < 30; i++) {
            for (String q : QUERIES) {
                index.search(q, null, null, 1);
            }
        }
        long[] nanos = new long[rounds * QUERIES.size()];
        int k = 0;
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : QUERIES) {
                long t = System.nanoTime();
                sink += index.search(q, null, null, 1).total();
                nanos[k++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%s: documents=%d build_ms=%d searches=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms (checksum %d)%n",
                label, documents.size(), buildMs, nanos.length, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6, sink);
    }
}
