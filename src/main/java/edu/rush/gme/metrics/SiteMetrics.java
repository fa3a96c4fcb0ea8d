package edu.rush.gme.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import edu.rush.gme.changes.Webhooks;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.db.Database;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.outbox.Outbox;
import edu.rush.gme.search.ZeroResultLog;
import edu.rush.gme.web.ServerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The site's meters in one Micrometer registry, scraped as Prometheus text at {@code /metrics}. Made
 * only when {@code GME_METRICS_TOKEN} is set, so a site without metrics loads none of this.
 * <ul>
 * <li>{@code http_server_requests_seconds}: every request by route template (never the raw path:
 *     the number of series stays bounded), method and status, with a latency histogram;</li>
 * <li>{@code cache_gets_total{cache="pages",result="hit|miss"}} and friends: the page cache;</li>
 * <li>{@code gme_content_loads_total}, {@code gme_content_problems}: content loads and files with problems now;</li>
 * <li>{@code gme_search_misses_total}: searches that found nothing, answered by this server;</li>
 * <li>{@code gme_outbox_waiting}, {@code gme_outbox_failed} (kind mail or webhook): read from the database, shared;</li>
 * <li>{@code hikaricp_connections_*}: the database pool; JVM memory, GC, threads, CPU and uptime.</li>
 * </ul>
 */
public final class SiteMetrics implements ServerMetrics, AutoCloseable {

    private static final Duration COUNTS_KEPT = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public SiteMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void request(String route, String method, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("Requests answered, by route template, method and status")
                .tags("route", route, "method", method, "status", String.valueOf(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void watchPageCache(Cache<?, ?> pages) {
        CaffeineCacheMetrics.monitor(registry, pages, "pages");
    }

    /** Counts every load of the content (before the first, so it counts too) and gauges the files with problems. */
    public void watchContent(ContentStore store) {
        Counter loads = Counter.builder("gme.content.loads").description("Loads of the content folder (start-up and every reload)").register(registry);
        store.onLoad(snapshot -> loads.increment());
        Gauge.builder("gme.content.problems", store, s -> s.isLoaded() ? s.snapshot().problems().size() : Double.NaN)
                .description("Content files with problems in the current snapshot").strongReference(true).register(registry);
    }

    /** The database pool (Hikari's Micrometer binding; before the database opens) and the outboxes. */
    public void watch(Database database, MailOutbox mail, Webhooks webhooks) {
        database.configurePool(config -> config.setMetricRegistry(registry));
        watchOutbox("mail", database, () -> {
            MailOutbox.Counts counts = mail.counts();
            return new long[] {counts.waiting(), counts.failed()};
        });
        if (webhooks.configured()) {
            watchOutbox("webhook", database, () -> {
                Outbox.Counts counts = webhooks.counts();
                return new long[] {counts.waiting(), counts.failed()};
            });
        }
    }

    public void watchSearchMisses(ZeroResultLog misses) {
        FunctionCounter.builder("gme.search.misses", misses, ZeroResultLog::recorded)
                .description("Searches this server answered that found nothing").register(registry);
    }

    /**
     * An outbox's messages waiting and given up on ({@code counts} gives both, from the database, which
     * every server shares): read at most every five seconds, NaN while the database is not open or down.
     */
    private void watchOutbox(String kind, Database database, Supplier<long[]> counts) {
        Supplier<long[]> kept = new Kept(database, counts);
        Gauge.builder("gme.outbox.waiting", kept, k -> value(k.get(), 0)).tag("kind", kind)
                .description("Messages waiting to be delivered").strongReference(true).register(registry);
        Gauge.builder("gme.outbox.failed", kept, k -> value(k.get(), 1)).tag("kind", kind)
                .description("Messages given up on after a day of failures").strongReference(true).register(registry);
    }

    private static double value(long[] counts, int index) {
        return counts == null ? Double.NaN : counts[index];
    }

    /** The last counts read, kept a few seconds: one query per scrape for both gauges. */
    private static final class Kept implements Supplier<long[]> {
        private final Database database;
        private final Supplier<long[]> read;
        private long[] counts;
        private long readAt;

        Kept(Database database, Supplier<long[]> read) {
            this.database = database;
            this.read = read;
        }

        @Override
        public synchronized long[] get() {
            long now = System.nanoTime();
            if (counts != null && now - readAt < COUNTS_KEPT.toNanos()) {
                return counts;
            }
            if (!database.opened().isDone() || !database.isReachable()) {
                return null;
            }
            try {
                counts = read.get();
                readAt = now;
                return counts;
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /** Every meter in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
