import edu.rush.gme.App;
import edu.rush.gme.api.ContentApi;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramContent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Content API latency in process, as a cache miss costs it (parameters checked, finder, page of
 * items made JSON and written): a programs list with three filters, page 1 (20 items), and one
 * program, over a content folder of many programs. Make one with the harness:
 *
 *   python3 ../shared/harness/clone-programs.py content 10000 /tmp/gme-api-bench
 *   mvn -q -DskipTests package && java -cp target/gme-site.jar bench/ApiBench.java /tmp/gme-api-bench [REQUESTS=20000]
 */
public class ApiBench {
    static final String[] TYPES = {"residency", "fellowship", "allied-health"};
    static final String[] VISAS = {"J-1", "H-1B"};
    static final String[] FORMATS = {"virtual", "in-person", "hybrid"};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "content");
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long loadStart = System.nanoTime();
        ContentStore store = new ContentStore(new ContentLoader(dir, Clock.systemUTC(), App.CONTENT_TYPES), Clock.systemUTC());
        ContentSnapshot snapshot = store.reload();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        ContentType<Program> programs = ProgramContent.TYPE;
        List<Page<Program>> visible = snapshot.list(programs, store.now());
        ContentApi api = new ContentApi(store, null, "http://localhost:7070");
        System.out.printf("programs=%d problems=%d load_ms=%d%n", visible.size(), snapshot.problems().size(), loadMs);

        Random random = new Random(42);
        // Every combination of the three filters that fills page 1 (20 items), so each request writes a full page.
        List<Map<String, List<String>>> full = new java.util.ArrayList<>();
        for (String type : TYPES) {
            for (String visa : VISAS) {
                for (String format : FORMATS) {
                    Map<String, List<String>> params = Map.of("type", List.of(type), "visa", List.of(visa),
                            "interview", List.of(format), "page", List.of("1"));
                    String json = api.listJson(programs, params);
                    int total = Integer.parseInt(json.replaceAll("^.*?\"total\":(\\d+).*$", "$1"));
                    if (total >= 20) {
                        full.add(params);
                        System.out.printf("  %s: %d programs%n", params, total);
                    }
                }
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>>[] lists = full.toArray(new Map[0]);
        String[] slugs = visible.stream().map(Page::slug).toArray(String[]::new);

        long sink = 0;
        for (int i = 0; i < 3_000; i++) { // warm-up: JIT and the finder of this snapshot and day
            sink += api.listJson(programs, lists[i % lists.length]).length();
            sink += api.itemJson(programs, slugs[random.nextInt(slugs.length)], Map.of()).length();
        }
        long[] list = new long[requests];
        long[] item = new long[requests];
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            bytes += api.listJson(programs, lists[i % lists.length]).length();
            list[i] = System.nanoTime() - start;
            String slug = slugs[random.nextInt(slugs.length)];
            start = System.nanoTime();
            sink += api.itemJson(programs, slug, Map.of()).length();
            item[i] = System.nanoTime() - start;
        }
        report("list: programs, type+visa+interview, page 1", list, bytes / requests);
        report("item: one program", item, -1);
        System.out.println("(sink " + sink + ")");
    }

    static void report(String what, long[] nanos, long avgBytes) {
        Arrays.sort(nanos);
        System.out.printf("%-46s p50=%.3fms p90=%.3fms p99=%.3fms max=%.3fms%s%n", what, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6, avgBytes >= 0 ? " avg_body=" + avgBytes + "B" : "");
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
