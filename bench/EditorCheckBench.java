import edu.rush.gme.App;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentProblem;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The editor's check of unsaved text, as the preview address runs it on every change
 * (ContentStore.loadWith: the site as it would be with one file holding the text), over a content
 * folder of many programs: the time of one check, each check with a slightly different text.
 * Make the folder with the harness, then run the classes:
 *
 *   python3 ../shared/harness/clone-programs.py content 10000 /tmp/gme-check-bench
 *   mvn -q -DskipTests package && java -cp target/gme-site.jar bench/EditorCheckBench.java /tmp/gme-check-bench [CHECKS=60]
 */
public class EditorCheckBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "content");
        int checks = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        ContentStore store = new ContentStore(new ContentLoader(dir, Clock.systemUTC(), App.CONTENT_TYPES), Clock.systemUTC());
        ContentSnapshot snapshot = store.reload();
        Path file;
        try (Stream<Path> programs = Files.list(dir.resolve("programs"))) {
            file = programs.filter(p -> p.getFileName().toString().endsWith(".md") && !p.getFileName().toString().startsWith("_")).sorted()
                    .skip(5000).findFirst().orElseThrow();
        }
        String text = Files.readString(file);
        String shown = dir.getFileName() + "/" + dir.relativize(file).toString();
        System.out.printf("files=%d problems=%d checking %s%n", snapshot.bySource().size(), snapshot.problems().size(), shown);
        long[] nanos = new long[checks];
        for (int i = 0; i < checks; i++) {
            // As staff type: the body grows by a word each time.
            byte[] edited = (text + "\nword " + i + "\n").getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            ContentSnapshot checked = store.loadWith(file, edited);
            List<ContentProblem> problems = checked.problems().stream().filter(p -> p.file().equals(shown)).toList();
            nanos[i] = System.nanoTime() - start;
            if (!problems.isEmpty() || checked.bySource().get(shown) == null) {
                throw new AssertionError("the check found problems in a good file: " + problems);
            }
        }
        // The first third warms the JIT; the rest is measured.
        long[] measured = Arrays.copyOfRange(nanos, checks / 3, checks);
        Arrays.sort(measured);
        System.out.printf("check of one edited file among %d: p50 %.1f ms, p99 %.1f ms (%d checks)%n", snapshot.bySource().size(),
                measured[measured.length / 2] / 1e6, measured[Math.min(measured.length - 1, (int) (measured.length * 0.99))] / 1e6, measured.length);
    }
}
