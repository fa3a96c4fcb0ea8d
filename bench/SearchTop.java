import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.search.SearchAnalyzers;
import edu.rush.gme.search.SearchDocument;
import edu.rush.gme.search.SearchIndex;
import edu.rush.gme.search.SearchResults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The top three results, the total and the suggestions for applicant queries over the real
 * content/, to compare search changes by eye (not a benchmark):
 *
 *   mvn -q -DskipTests package && java -cp target/gme-site.jar bench/SearchTop.java [query ...]
 */
public class SearchTop {
    static final List<String> QUERIES = List.of("peds", "obgyn", "ob/gyn", "cardiolgy", "cardiology", "im", "emergency",
            "internal med", "internal medicine", "ent", "pm&r", "gen surg", "heme/onc", "pulm/cc", "mfm", "rei", "nicu", "picu");

    public static void main(String[] args) throws Exception {
        ContentSnapshot snapshot = new ContentLoader(Path.of("content"), Clock.systemUTC(), edu.rush.gme.App.CONTENT_TYPES).load();
        SearchIndex index = new SearchIndex(SearchDocument.from(snapshot, Instant.now()), new SearchAnalyzers(snapshot.searchSynonyms()));
        for (String q : args.length > 0 ? List.of(args) : QUERIES) {
            SearchResults r = index.search(q, null, null, 1);
            System.out.printf("%-18s | %3d | %s%n", q, r.total(),
                    String.join(", ", r.hits().stream().limit(3).map(h -> h.url().replace("/programs/", "")).toList()));
            System.out.printf("%-18s | sug | %s%n", "", String.join(", ",
                    index.suggest(q, 8).stream().limit(3).map((Map<String, String> m) -> m.get("url").replace("/programs/", "")).toList()));
            if (!r.hits().isEmpty()) {
                System.out.printf("%-18s | snp | %s%n", "", r.hits().get(0).snippet());
            }
        }
    }
}
