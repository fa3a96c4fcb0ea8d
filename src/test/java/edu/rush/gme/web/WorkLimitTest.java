package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RawHttp;
import edu.rush.gme.TestSite;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Searches (and finder pages) beyond the limit wait without a thread, then are told to come back
 * (503, Retry-After) through the server's error handler; everything else goes past. A bare Jetty
 * server whose one handler holds a request until the test lets it go, so nothing depends on timing.
 */
class WorkLimitTest {

    /** Every search path the router answers, however it is spelled. */
    private static final List<String> SEARCH_PATHS = List.of("/search?q=x", "/search/?q=x", "//search?q=x",
            "/api/v1/search?q=x", "/api/v1/search/?q=x", "/api/v1//search?q=x", "/api/v1/search/suggest?q=x",
            "/api/v1/search/suggest/?q=x");

    private Server server;
    private WorkLimit limit;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private void start(int atOnce, int waiting, Duration longestWait) throws Exception {
        start(WorkLimit.searches(atOnce, waiting, longestWait));
    }

    private void start(WorkLimit workLimit) throws Exception {
        server = new Server();
        // As Javalin configures Jetty: lenient URIs, so "//search" reaches the router, which collapses the slashes.
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(UriCompliance.LEGACY);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        limit = workLimit;
        limit.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if ("q=hold".equals(request.getHttpURI().getQuery())) {
                    held.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }
                response.write(true, ByteBuffer.wrap(("answered " + request.getHttpURI().getPath()).getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.setHandler(limit);
        // Stands for ContainerErrors: what the 503 says comes from the server's error handler.
        server.setErrorHandler(new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put("X-Error-Handler", "yes");
                response.write(true, ByteBuffer.wrap(("error page " + response.getStatus()).getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        if (server != null) {
            server.stop();
        }
    }

    private RawHttp.Answer get(String path) {
        return RawHttp.send(((ServerConnector) server.getConnectors()[0]).getLocalPort(),
                "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 10_000);
    }

    private CompletableFuture<RawHttp.Answer> getLater(String path) {
        return CompletableFuture.supplyAsync(() -> get(path));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("never happened").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void beyond_the_limit_and_the_queue_a_search_is_told_to_come_back_and_other_pages_go_past() throws Exception {
        start(1, 0, Duration.ofSeconds(10));
        CompletableFuture<RawHttp.Answer> running = getLater("/search?q=hold");
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        for (String path : SEARCH_PATHS) {
            RawHttp.Answer refused = get(path);
            assertThat(refused.status()).as(path).isEqualTo(503);
            assertThat(refused.header("Retry-After")).as(path).isEqualTo(String.valueOf(WorkLimit.RETRY_AFTER_SECONDS));
            assertThat(refused.header("X-Error-Handler")).as(path).isEqualTo("yes");
            assertThat(refused.body()).isEqualTo("error page 503");
        }
        for (String path : List.of("/programs/internal-medicine", "/searching", "/api/v1/inquiries", "/", "/css/site.css")) {
            assertThat(get(path).body()).as(path).isEqualTo("answered " + path);
        }

        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).body()).isEqualTo("answered /search");
        // The permit comes back when the server has finished the response, which can be just after the
        // client has read it all (a test that asked only once failed now and then): searches run again.
        await(() -> get("/search?q=x").status() == 200);
    }

    @Test
    void searches_beyond_the_limit_wait_without_a_thread_and_run_in_turn() throws Exception {
        start(1, 10, Duration.ofSeconds(10));
        CompletableFuture<RawHttp.Answer> running = getLater("/search?q=hold");
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RawHttp.Answer> waiting = getLater("/api/v1/search/suggest?q=card");
        await(() -> limit.getSuspendedRequestCount() == 1);
        assertThat(waiting).isNotDone();

        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(waiting.get(10, TimeUnit.SECONDS).body()).isEqualTo("answered /api/v1/search/suggest");
    }

    @Test
    void a_search_that_waits_too_long_is_told_to_come_back() throws Exception {
        start(1, 10, Duration.ofMillis(100));
        CompletableFuture<RawHttp.Answer> running = getLater("/search?q=hold");
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        RawHttp.Answer expired = get("/search?q=late");
        assertThat(expired.status()).isEqualTo(503);
        assertThat(expired.header("Retry-After")).isEqualTo(String.valueOf(WorkLimit.RETRY_AFTER_SECONDS));
        assertThat(expired.body()).isEqualTo("error page 503");

        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void the_finder_s_page_waits_its_turn_whatever_its_filters_and_pages_under_it_go_past() throws Exception {
        start(WorkLimit.finder(1, 0, Duration.ofSeconds(10)));
        CompletableFuture<RawHttp.Answer> running = getLater("/programs?q=hold");
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        for (String path : List.of("/programs?type=residency", "/programs/?visa=J-1", "//programs", "/programs")) {
            RawHttp.Answer refused = get(path);
            assertThat(refused.status()).as(path).isEqualTo(503);
            assertThat(refused.header("Retry-After")).as(path).isEqualTo(String.valueOf(WorkLimit.RETRY_AFTER_SECONDS));
            assertThat(refused.header("X-Error-Handler")).as(path).isEqualTo("yes");
        }
        for (String path : List.of("/programs/internal-medicine", "/programs/compare?p=a&p=b", "/programs.csv", "/search?q=x", "/")) {
            assertThat(get(path).body()).as(path).isEqualTo("answered " + path.replaceFirst("\\?.*", ""));
        }
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS).body()).isEqualTo("answered /programs");
    }

    @Test
    void on_the_site_a_finder_page_the_cache_holds_never_waits_and_one_that_waited_is_looked_up_again() {
        try (TestSite site = TestSite.start(Path.of("content"))) {
            Server server = site.app().jetty();
            WorkLimit finder = server.getDescendants(WorkLimit.class).stream().filter(limit -> limit.kind().equals("finder")).findFirst().orElseThrow();
            assertThat(finder.getMaxRequestCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
            // The page cache answers before the request reaches the limit (the limit is inside it), and once
            // more after the request has waited its turn (a page cache inside the limit).
            List<CachedPageHandler> caches = server.getDescendants(CachedPageHandler.class);
            assertThat(caches).hasSize(2);
            assertThat(caches).anySatisfy(outer -> assertThat(outer.getDescendants(WorkLimit.class)).containsExactly(finder));
            assertThat(finder.getDescendants(CachedPageHandler.class)).hasSize(1);
            assertThat(site.get("/programs?type=residency").status()).isEqualTo(200);
        }
    }

    @Test
    void on_the_site_searches_whose_body_is_still_arriving_hold_no_permit() throws Exception {
        try (TestSite site = TestSite.start(Path.of("content"))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i <= WebServer.SEARCHES_AT_ONCE; i++) {
                    Socket socket = new Socket("127.0.0.1", site.app().port());
                    slow.add(socket);
                    socket.getOutputStream().write("GET /search?q=heart HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nx"
                            .getBytes(StandardCharsets.US_ASCII));
                }
                // Answered after the slow requests were read (were they not, the test would pass without proving anything).
                assertThat(site.get("/healthz").status()).isEqualTo(200);

                TestSite.Response search = site.get("/search?q=cardiology");
                assertThat(search.status()).isEqualTo(200);
                assertThat(search.text()).contains("Cardiology");
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }
}
