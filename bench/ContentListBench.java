import edu.rush.gme.App;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.staff.ContentIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The staff workspace's content list in process, as each request computes it (every file's status
 * from the snapshot, then the filter and one page of 100): unfiltered, by type and status, and by
 * words, over a content folder of many programs. Make one with the harness:
 *
 *   python3 ../shared/harness/clone-programs.py content 10000 /tmp/gme-api-bench
 *   mvn -q -DskipTests package && java -cp target/gme-site.jar bench/ContentListBench.java /tmp/gme-api-bench [REQUESTS=2000]
 */
public class ContentListBench {
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "content");
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        ContentStore store = new ContentStore(new ContentLoader(dir, Clock.systemUTC(), App.CONTENT_TYPES), Clock.systemUTC());
        ContentSnapshot snapshot = store.reload();
        Instant now = store.now();
        System.out.printf("files=%d%n", ContentIndex.entries(snapshot, now).size());
        String[][] filters = {{null, null, null}, {"programs", "published", null}, {null, null, "internal medicine"}, {"news", "draft", "open"}};
        for (String[] filter : filters) {
            long[] nanos = new long[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                ContentIndex.Status status = filter[1] == null ? null : ContentIndex.Status.valueOf(filter[1].toUpperCase());
                ContentIndex.Result result = ContentIndex.find(ContentIndex.entries(snapshot, now), filter[0], status, filter[2], 1 + i % 3);
                if (result.total() < 0) {
                    throw new AssertionError();
                }
                nanos[i] = System.nanoTime() - start;
            }
            // The first half warms the JIT; the second is measured.
            long[] measured = Arrays.copyOfRange(nanos, requests / 2, requests);
            Arrays.sort(measured);
            System.out.printf("type=%s status=%s words=%s: p50 %.2f ms, p99 %.2f ms%n", filter[0], filter[1], filter[2],
                    measured[measured.length / 2] / 1e6, measured[(int) (measured.length * 0.99)] / 1e6);
        }
    }
}
