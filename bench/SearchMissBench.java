import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.search.SearchAnalyzers;
import edu.rush.gme.search.SearchDocument;
import edu.rush.gme.search.SearchIndex;
import edu.rush.gme.search.SearchResults;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * What a search no cache holds costs in process, one thread: the questions of bench/uncached.sh
 * (three different words out of forty, each permutation once), asked of one index built from a
 * content folder, 6,000 to warm up and 4,000 measured, each its CPU time (the thread's own, so
 * other tenants' load slows it less than wall time). Prints the mean, p50, p90, p99 and max, and
 * how much of the time the costliest tenth takes. Compare two builds by running each in turn:
 *
 *   python3 $HARNESS/clone-programs.py content 10000 /tmp/c10k
 *   java @deploy/jvm.options -Xmx1g -cp A.jar bench/SearchMissBench.java /tmp/c10k   (then B.jar, A.jar, B.jar...)
 */
public class SearchMissBench {

    static final String[] WORDS = ("surgery pediatrics visa cardiology rural research neurology fellowship residency heart kids cancer "
            + "internal medicine family psychiatry radiology pharmacy interview virtual emergency anesthesiology dermatology orthopedic "
            + "pathology urology oncology transplant critical care sleep stroke vascular hospice simulation wellness housing salary chicago diversity")
            .split(" ");

    /** The i-th question, as bench/uncached.lua numbers them. */
    static String question(int i) {
        int n = WORDS.length;
        int a = i % n;
        i /= n;
        int b = i % (n - 1);
        i /= n - 1;
        int c = i % (n - 2);
        if (b >= a) {
            b++;
        }
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        if (c >= lo) {
            c++;
        }
        if (c >= hi) {
            c++;
        }
        return WORDS[a] + " " + WORDS[b] + " " + WORDS[c];
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args.length > 0 ? args[0] : "content");
        ContentSnapshot snapshot = new ContentLoader(content, Clock.systemUTC(), edu.rush.gme.App.CONTENT_TYPES).load();
        SearchIndex index = new SearchIndex(SearchDocument.from(snapshot, Instant.now()), new SearchAnalyzers(snapshot.searchSynonyms()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Warm-up on questions the measured run never asks (as uncached.sh's warm-up, from the other end).
        for (int i = 20_000; i < 26_000; i++) {
            index.search(question(i), null, null, 1);
        }
        int count = 4_000;
        long[] cpu = new long[count];
        long found = 0;
        for (int i = 0; i < count; i++) {
            long before = threads.getCurrentThreadCpuTime();
            SearchResults results = index.search(question(i), null, null, 1);
            cpu[i] = threads.getCurrentThreadCpuTime() - before;
            found += results.total();
        }
        long[] sorted = cpu.clone();
        Arrays.sort(sorted);
        long sum = Arrays.stream(cpu).sum();
        long costliestTenth = Arrays.stream(sorted, count * 9 / 10, count).sum();
        System.out.printf("%d pages, %d questions (%d pages found in all): mean %.3f ms, p50 %.3f, p90 %.3f, p99 %.3f, max %.3f; the costliest tenth %.0f%% of the time%n",
                index.size(), count, found, sum / 1e6 / count, sorted[count / 2] / 1e6, sorted[count * 9 / 10] / 1e6,
                sorted[count * 99 / 100] / 1e6, sorted[count - 1] / 1e6, 100.0 * costliestTenth / sum);
    }
}
