package edu.rush.gme.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} on the real server: Prometheus text for whoever has the token (GME_METRICS_TOKEN),
 * nothing for anyone else, and off without a token; readiness says "ready" in public and its details
 * only to the token.
 */
class MetricsTest {

    @TempDir
    static Path temp;

    private static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(TestSite.monitored(Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static"))));
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void without_the_token_metrics_say_nothing_and_are_never_kept() {
        for (TestSite.Response refused : new TestSite.Response[] {
                site.get("/metrics"),
                site.get("/metrics", "Authorization", "Bearer not-the-token-at-all"),
                site.get("/metrics", "Authorization", "Basic " + TestSite.METRICS_TOKEN)}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
            assertThat(refused.raw().body()).isEqualTo("Unauthorized\n");
        }
        TestSite.Response metrics = site.monitor("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.header("Cache-Control")).isEqualTo("no-store");
        assertThat(site.get("/sitemap.xml").raw().body()).doesNotContain("/metrics");
    }

    @Test
    void a_site_without_a_token_has_no_metrics() {
        try (TestSite bare = TestSite.start(Settings.forFolders(ContentFixture.minimal(temp.resolve("bare")).dir(), Path.of("static")))) {
            assertThat(bare.get("/metrics").status()).isEqualTo(404);
            assertThat(bare.get("/metrics", "Authorization", "Bearer " + TestSite.METRICS_TOKEN).status()).isEqualTo(404);
            assertThat(bare.get("/readyz").raw().body()).isEqualTo("{\"status\":\"ready\"}");
        }
    }

    @Test
    void requests_are_counted_by_route_template_and_status_with_a_latency_histogram() {
        String route = "route=\"/programs/{slug}\"";
        double before = value(scrape(), "http_server_requests_seconds_count", "method=\"GET\"", route, "status=\"200\"");
        assertThat(site.get("/programs/alpha-im").status()).isEqualTo(200);
        assertThat(site.get("/programs/alpha-im").status()).as("the second from the page cache").isEqualTo(200);
        assertThat(site.get("/programs/no-such-program").status()).isEqualTo(404);
        // A request is counted when Jetty has finished sending its answer, which can be just after the client has read it.
        String text = scrape();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((value(text, "http_server_requests_seconds_count", "method=\"GET\"", route, "status=\"200\"") < before + 2
                || value(text, "http_server_requests_seconds_count", "method=\"GET\"", route, "status=\"404\"") < 1) && System.nanoTime() < deadline) {
            sleep(20);
            text = scrape();
        }
        assertThat(value(text, "http_server_requests_seconds_count", "method=\"GET\"", route, "status=\"200\"")).isEqualTo(before + 2);
        assertThat(value(text, "http_server_requests_seconds_count", "method=\"GET\"", route, "status=\"404\"")).isEqualTo(1);
        assertThat(text).containsPattern("http_server_requests_seconds_bucket\\{method=\"GET\",route=\"/programs/\\{slug}\",status=\"200\",le=\"0.001\"}");
        assertThat(text).as("never a raw path").doesNotContain("alpha-im").doesNotContain("no-such-program");
        assertThat(value(text, "cache_gets_total", "cache=\"pages\"", "result=\"hit\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void content_loads_search_misses_outbox_pool_and_jvm_are_there() {
        double loads = value(scrape(), "gme_content_loads_total");
        assertThat(loads).isGreaterThanOrEqualTo(1);
        site.app().store().reload();
        site.get("/search?q=quidditch");
        String text = scrape();
        assertThat(value(text, "gme_content_loads_total")).isEqualTo(loads + 1);
        assertThat(value(text, "gme_content_problems")).isZero();
        assertThat(value(text, "gme_search_misses_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "gme_outbox_waiting", "kind=\"mail\"")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "gme_outbox_failed", "kind=\"mail\"")).isZero();
        assertThat(value(text, "hikaricp_connections_max", "pool=\"gme-db\"")).isEqualTo(4);
        assertThat(text).contains("hikaricp_connections_active{pool=\"gme-db\"}", "jvm_memory_used_bytes{", "process_uptime_seconds");
    }

    @Test
    void readiness_answers_ready_in_public_and_its_details_only_with_the_token() {
        TestSite.Response open = site.get("/readyz");
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.raw().body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(site.get("/readyz", "Authorization", "Bearer wrong-token-wrong-token").raw().body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(site.monitor("/readyz").raw().body())
                .contains("\"contentVersion\":\"" + site.app().store().snapshot().version() + "\"", "\"database\":\"sqlite\"", "\"mailWaiting\":");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String scrape() {
        TestSite.Response metrics = site.monitor("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.raw().body();
    }

    /** The value of the one series of this name whose labels include all of these. */
    private static double value(String text, String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*\\})? (\\S+)$").matcher(text);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
