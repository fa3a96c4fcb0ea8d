import edu.rush.gme.App;
import edu.rush.gme.Settings;
import edu.rush.gme.content.Page;
import edu.rush.gme.event.Event;
import edu.rush.gme.event.RegistrationForm;
import edu.rush.gme.event.RegistrationService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registration latency in process, as a request costs it without HTTP: the form checked against the
 * event and the content, then registered (the event's lock, a seat or the waitlist, the row, its
 * e-mail in the outbox, one SQLite transaction), from THREADS threads at once, each with unique
 * addresses. bench/registrations.sh runs it when the jar has no registration API; by hand:
 *
 *   mvn -q -DskipTests package
 *   GME_DATABASE_URL=jdbc:sqlite:/tmp/bench.db GME_PORT=7392 GME_WATCH=false \
 *     java -cp target/gme-site.jar bench/RegistrationBench.java all-programs-virtual-fair-october-2027 [REQUESTS=4000] [THREADS=16]
 *
 * The settings come from the environment as for the server (GME_CONTENT_DIR, GME_DATABASE_URL: use a new SQLite file).
 */
public class RegistrationBench {

    public static void main(String[] args) throws Exception {
        String slug = args.length > 0 ? args[0] : "all-programs-virtual-fair-october-2027";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Settings settings = Settings.fromEnvironment();
        Path content = settings.contentDir();
        App app = App.create(settings, Clock.systemUTC()).start();
        try {
            app.store().snapshot();
            app.services().database().awaitOpen();
            // What a start does in the background (the search index, the change journal) is over before measuring.
            app.search().search("internal medicine", null, null, 1);
            Thread.sleep(2000);
            RegistrationService registrations = app.services().registrations();
            Page<Event> event = app.store().snapshot().find(Event.TYPE, slug, app.store().now())
                    .orElseThrow(() -> new IllegalArgumentException("no event '" + slug + "' shown in " + content));
            // Warm-up (JIT, pool, statements), then the measured run.
            run(registrations, event, "warm", Math.min(requests, 200), threads);
            long[] micros = new long[requests];
            long start = System.nanoTime();
            int[] seated = run(registrations, event, "bench", requests, threads, micros);
            double secs = (System.nanoTime() - start) / 1e9;
            Arrays.sort(micros);
            System.out.printf("requests=%d threads=%d secs=%.2f rps=%.0f p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms confirmed=%d waitlisted=%d%n",
                    requests, threads, secs, requests / secs, micros[requests / 2] / 1000.0, micros[(int) (requests * 0.90)] / 1000.0,
                    micros[(int) (requests * 0.99)] / 1000.0, micros[requests - 1] / 1000.0, seated[0], seated[1]);
            System.out.println("tally " + registrations.tallies().get(slug));
        } finally {
            app.stop();
        }
    }

    private static int[] run(RegistrationService registrations, Page<Event> event, String prefix, int requests, int threads) throws Exception {
        return run(registrations, event, prefix, requests, threads, new long[requests]);
    }

    /** Each thread takes the next number until all are done; returns how many were confirmed and waitlisted. */
    private static int[] run(RegistrationService registrations, Page<Event> event, String prefix, int requests, int threads, long[] micros)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger waitlisted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        RegistrationForm form = new RegistrationForm("Bench Applicant " + i, prefix + "-" + i + "@example.org", "img",
                                List.of(), null, null);
                        RegistrationService.Checked checked = registrations.check(event, form);
                        if (!(checked instanceof RegistrationService.Valid valid)) {
                            throw new IllegalStateException("refused: " + ((RegistrationService.Invalid) checked).errors());
                        }
                        boolean seat = registrations.register(event, valid.registration(), "bench").registration().isConfirmed();
                        micros[i] = (System.nanoTime() - begin) / 1000;
                        (seat ? confirmed : waitlisted).incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        return new int[] {confirmed.get(), waitlisted.get()};
    }
}
