import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.program.FinderQuery;
import edu.rush.gme.program.ProgramContent;
import edu.rush.gme.program.ProgramFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Finder latency over N generated programs: three filters per query (type, visa, interview format,
 * with length or COMLEX), drill-sideways counts included, as the /programs page asks for them.
 *
 *   mvn -q -DskipTests package && java -cp target/gme-site.jar bench/FinderBench.java [N=10000] [QUERIES=20000]
 */
public class FinderBench {
    static final String[] TYPES = {"residency", "fellowship", "allied-health"};
    static final String[] VISAS = {"[]", "[J-1]", "[J-1, H-1B]"};
    static final String[] FORMATS = {"virtual", "in-person", "hybrid"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path dir = Files.createTempDirectory("gme-finder-bench");
        Path programs = Files.createDirectories(dir.resolve("programs"));
        Files.writeString(dir.resolve("site.yaml"), "name: Bench\nmission: M\nvision: V\n");
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            String type = TYPES[random.nextInt(3)];
            Files.writeString(programs.resolve("program-" + i + ".md"), """
                    ---
                    title: Program %d
                    type: %s
                    specialty: Specialty %d
                    department: Department %d
                    summary: A generated program.
                    lengthYears: %d
                    positionsPerYear: %d
                    visas: %s
                    accreditation:
                      accreditor: ASHP
                    interviews:
                      format: %s
                    requirements:
                      comlex: %s
                      yearsSinceGraduation: %d
                      usceRequired: %s
                    ---
                    Body.
                    """.formatted(i, type, random.nextInt(120), random.nextInt(40), 1 + random.nextInt(7), 1 + random.nextInt(30),
                    VISAS[random.nextInt(3)], FORMATS[random.nextInt(3)], random.nextBoolean(), 1 + random.nextInt(10), random.nextBoolean()));
        }
        long loadStart = System.nanoTime();
        ContentSnapshot snapshot = new ContentLoader(dir, Clock.systemUTC(), edu.rush.gme.App.CONTENT_TYPES).load();
        long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
        long buildStart = System.nanoTime();
        ProgramFinder finder = new ProgramFinder(snapshot.list(ProgramContent.TYPE, Instant.now()), snapshot.at(Instant.now()).toLocalDate());
        long buildMs = (System.nanoTime() - buildStart) / 1_000_000;
        System.out.printf("programs=%d problems=%d load_ms=%d finder_build_ms=%d%n", finder.size(), snapshot.problems().size(), loadMs, buildMs);

        FinderQuery[] mix = new FinderQuery[256];
        for (int i = 0; i < mix.length; i++) {
            Map<String, List<String>> params = Map.of(
                    "type", List.of(TYPES[random.nextInt(3)]),
                    "visa", List.of(random.nextBoolean() ? "J-1" : "H-1B"),
                    random.nextBoolean() ? "interview" : "length", List.of(random.nextBoolean() ? FORMATS[random.nextInt(3)] : String.valueOf(1 + random.nextInt(7))),
                    "sort", List.of(random.nextBoolean() ? "title" : "deadline"));
            mix[i] = FinderQuery.from(params, ProgramFinder.FACET_KEYS);
        }
        long sink = 0;
        for (int i = 0; i < 3_000; i++) {
            sink += finder.find(mix[i % mix.length]).programs().size();
        }
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            sink += finder.find(mix[i % mix.length]).programs().size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("queries=%d filters=3 p50=%.3fms p90=%.3fms p99=%.3fms max=%.3fms (checksum %d)%n", queries,
                nanos[queries / 2] / 1e6, nanos[queries * 9 / 10] / 1e6, nanos[queries * 99 / 100] / 1e6, nanos[queries - 1] / 1e6, sink);
    }
}
