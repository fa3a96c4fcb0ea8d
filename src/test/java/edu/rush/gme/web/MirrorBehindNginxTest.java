package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's nginx with the repository's deploy/nginx files in front of two real servers that share one
 * static mirror folder (GME_MIRROR_DIR), as deploy/compose.yaml runs them: anonymous pages are answered
 * by nginx as files, without reaching either server, with the servers' own headers and gzip bytes;
 * an edit, a deletion and a scheduled story show through nginx within seconds; what is personal,
 * counted or asked with a query never comes from the mirror.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MirrorBehindNginxTest {

    /** As deploy/compose.yaml with the mirror: what the mirror lacks, nginx's proxy_cache keeps a second. */
    private static final int SHARED_SECONDS = 1;

    @TempDir
    static Path temp;

    private static ContentFixture content;
    private static Path mirror;
    private static TestSite site;
    private static TestSite other;
    private static NginxServer nginx;

    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        content = ContentFixture.minimal(temp.resolve("site"))
                .news("story", "2026-01-01", "First title")
                .news("gone", "2026-01-02", "Soon deleted")
                .news("one", "2025-01-03", "Asked of one server")
                .news("two", "2025-01-04", "Asked of the other");
        mirror = temp.resolve("mirror");
        // The real clock: nginx and the mirror's generations keep time by it. Metrics count what reaches each server.
        site = TestSite.start(TestSite.monitored(TestSite.watching(content.dir()).withProxies(TrustedProxies.one())
                .withSharedCacheSeconds(SHARED_SECONDS).withMirrorDir(mirror)), Clock.systemUTC());
        other = TestSite.start(TestSite.monitored(TestSite.watching(content.dir()).withProxies(TrustedProxies.one())
                .withSharedCacheSeconds(SHARED_SECONDS).withMirrorDir(mirror)), Clock.systemUTC());
        nginx = NginxServer.inFrontOf(mirror, site.app().port(), other.app().port());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] {nginx, site, other}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<byte[]> viaNginx(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(nginx.url(path))), headers);
    }

    private static HttpResponse<byte[]> direct(TestSite server, String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(server.url(path))), headers);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP_1_1.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean fromMirror(HttpResponse<byte[]> response) {
        return "MIRROR".equals(response.headers().firstValue("X-Cache-Status").orElse(null));
    }

    /** The answer once the mirror has the page: the first visit goes through a server, which writes the file. */
    private static HttpResponse<byte[]> fromTheMirror(String path, String... headers) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        HttpResponse<byte[]> response = viaNginx(path, headers);
        while (!fromMirror(response)) {
            assertThat(Instant.now()).as(path + " never came from the mirror; nginx's log:\n" + nginx.errorLog()).isBefore(deadline);
            Thread.sleep(50);
            response = viaNginx(path, headers);
        }
        return response;
    }

    /** Polls until the condition holds; a functional bound (the 5 s plus room for a loaded machine), not a speed test. */
    private static Duration eventually(BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (!Instant.now().isBefore(deadline)) {
                throw new AssertionError("never showed through nginx; " + state() + "\nnginx's log:\n" + nginx.errorLog());
            }
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }

    /** What the mirror and nginx say now, for a failure's message. */
    private static String state() {
        StringBuilder state = new StringBuilder("current -> " + new MirrorFiles(mirror).current());
        for (String path : List.of("/news", "/news/later", "/news/story")) {
            HttpResponse<byte[]> response = viaNginx(path);
            state.append("\n").append(path).append(": ").append(response.statusCode()).append(' ')
                    .append(response.headers().firstValue("X-Cache-Status").orElse("-")).append(text(response).contains("Later story") ? " with" : " without")
                    .append(" the later story; directly: ").append(text(direct(site, path)).contains("Later story")).append('/')
                    .append(text(direct(other, path)).contains("Later story"));
        }
        try (Stream<Path> entries = Files.list(mirror)) {
            state.append("\nmirror: ").append(entries.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (java.io.IOException e) {
            state.append(e);
        }
        return state.toString();
    }

    /** Requests to this route template both servers have answered so far (their own /metrics). */
    private static double answeredByServers(String route) {
        double sum = 0;
        for (TestSite server : new TestSite[] {site, other}) {
            Matcher line = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(.*)\\} (\\S+)$").matcher(server.monitor("/metrics").raw().body());
            while (line.find()) {
                if (line.group(1).contains("route=\"" + route + "\"")) {
                    sum += Double.parseDouble(line.group(2));
                }
            }
        }
        return sum;
    }

    @Test
    @Order(1)
    void a_page_is_answered_by_nginx_from_the_mirror_without_reaching_a_server() throws Exception {
        HttpResponse<byte[]> first = fromTheMirror("/news/story");
        double before = answeredByServers("/news/{slug}");
        for (int i = 0; i < 20; i++) {
            HttpResponse<byte[]> again = viaNginx("/news/story");
            assertThat(fromMirror(again)).isTrue();
            assertThat(again.body()).isEqualTo(first.body());
        }
        assertThat(answeredByServers("/news/{slug}")).as("no request reached a server").isEqualTo(before);
        // The same bytes as the server's own answer.
        assertThat(first.body()).isEqualTo(direct(site, "/news/story").body());
        assertThat(text(first)).contains("First title");
        // A browser's copy is checked by nginx: 304 with the same headers and no body.
        HttpResponse<byte[]> unchanged = viaNginx("/news/story", "If-None-Match", first.headers().firstValue("ETag").orElseThrow());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.headers().firstValue("Content-Security-Policy")).isEqualTo(first.headers().firstValue("Content-Security-Policy"));
        // The home page too.
        assertThat(text(fromTheMirror("/"))).isEqualTo(text(direct(other, "/")));
    }

    @Test
    @Order(2)
    void gzip_comes_from_the_mirror_as_the_servers_own_bytes() throws Exception {
        HttpResponse<byte[]> gzipped = fromTheMirror("/news", "Accept-Encoding", "gzip, deflate, br");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body()).isEqualTo(direct(site, "/news", "Accept-Encoding", "gzip").body());
        HttpResponse<byte[]> plain = fromTheMirror("/news");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(direct(other, "/news").body());
    }

    /** Headers that say how this copy travels, not what the page is: nginx and Jetty may differ in them. */
    private static final Set<String> TRANSPORT = Set.of("date", "etag", "last-modified", "accept-ranges", "content-length", "connection",
            "keep-alive", "server", "x-cache-status", "x-accel-expires");

    private static Map<String, List<String>> pageHeaders(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!TRANSPORT.contains(lower) && !lower.equals(":status")) {
                headers.put(lower, values);
            }
        });
        return headers;
    }

    @Test
    @Order(3)
    void the_mirrors_answers_carry_exactly_the_servers_headers() throws Exception {
        for (String[] request : new String[][] {{}, {"Accept-Encoding", "gzip"}}) {
            HttpResponse<byte[]> mirrored = fromTheMirror("/news/story", request);
            HttpResponse<byte[]> servers = direct(other, "/news/story", request);
            assertThat(pageHeaders(mirrored)).as("headers from the mirror vs the server's (" + String.join(" ", request) + ")")
                    .isEqualTo(pageHeaders(servers));
            // Spelled out, so that a header both lack is noticed too.
            assertThat(pageHeaders(mirrored)).containsKeys("content-security-policy", "x-content-type-options", "referrer-policy",
                    "permissions-policy", "x-frame-options", "cross-origin-opener-policy", "cache-control", "vary", "content-type");
        }
    }

    @Test
    @Order(4)
    void the_two_servers_write_one_generation_of_the_mirror() throws Exception {
        // Each server asked directly for a page: both write into the folder nginx reads.
        assertThat(direct(site, "/news/one").statusCode()).isEqualTo(200);
        assertThat(direct(other, "/news/two").statusCode()).isEqualTo(200);
        Path current = mirror.resolve("current");
        eventually(() -> Files.exists(current.resolve("news/one/index.html")) && Files.exists(current.resolve("news/two/index.html.gz")));
        try (Stream<Path> generations = Files.list(mirror)) {
            assertThat(generations.filter(p -> p.getFileName().toString().startsWith("g-")).count()).isEqualTo(1);
        }
        assertThat(Files.isSymbolicLink(current)).isTrue();
    }

    @Test
    @Order(5)
    void what_is_personal_counted_or_asked_with_a_query_never_comes_from_the_mirror() throws Exception {
        fromTheMirror("/news/story");
        String[] paths = {"/news/story?utm_source=x", "/search?q=story", "/inquiries/new", "/admin", "/api/v1/news",
            "/events/open-house/register", "/readyz", "/healthz", "/preview/anything", "/sitemap.xml", "/news/index.xml",
            "/registrations/a-registrants-own-page"};
        for (String path : paths) {
            viaNginx(path);
            HttpResponse<byte[]> again = viaNginx(path);
            assertThat(fromMirror(again)).as(path).isFalse();
            assertThat(again.statusCode()).as(path).isNotEqualTo(502);
        }
        // The address with a trailing slash is the same page (canonical link without the slash).
        assertThat(viaNginx("/news/story/").body()).isEqualTo(viaNginx("/news/story").body());
        // Someone browsing the site as of a later time gets the server's answer.
        HttpResponse<byte[]> previewing = viaNginx("/news/story", "Cookie", "theme=dark; gme-preview=anything");
        assertThat(fromMirror(previewing)).isFalse();
        // A form sent to a mirrored address reaches the server (and is refused there), never the file.
        HttpResponse<byte[]> posted = send(HttpRequest.newBuilder(URI.create(nginx.url("/news/story")))
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).header("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(fromMirror(posted)).isFalse();
        assertThat(posted.statusCode()).isNotEqualTo(200);
        // An address nobody has is the site's own 404 page.
        HttpResponse<byte[]> missing = viaNginx("/news/no-such-story");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(fromMirror(missing)).isFalse();
        assertThat(text(missing)).isEqualTo(text(direct(site, "/news/no-such-story")));
        // And none of them left a file.
        try (Stream<Path> files = Files.walk(mirror.resolve("current/"))) {
            List<String> kept = files.filter(Files::isRegularFile).map(p -> mirror.resolve("current/").relativize(p).toString()).toList();
            assertThat(kept).allMatch(name -> name.matches("(news/|news/(story|gone|one|two)/)?index\\.html(\\.gz)?"), "only pages");
        }
    }

    @Test
    @Order(6)
    void an_edit_a_deletion_and_a_scheduled_story_show_through_the_mirror_within_seconds() throws Exception {
        assertThat(text(fromTheMirror("/news/story"))).contains("First title");
        assertThat(fromTheMirror("/news/gone").statusCode()).isEqualTo(200);
        Instant scheduled = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(10);
        content.write("news/later.md", "---\ntitle: Later story\ndate: 2026-01-03\npublishDate: " + scheduled + "\nsummary: S\n---\nLater.\n");
        eventually(() -> site.app().store().snapshot().bySource().containsKey("content/news/later.md")
                && other.app().store().snapshot().bySource().containsKey("content/news/later.md"));
        // Before its time the list comes from the mirror without it.
        assertThat(text(fromTheMirror("/news"))).doesNotContain("Later story");

        content.news("story", "2026-01-01", "Edited title");
        Duration edit = eventually(() -> text(viaNginx("/news/story")).contains("Edited title"));
        assertThat(text(fromTheMirror("/news/story"))).contains("Edited title");

        Files.delete(content.dir().resolve("news/gone.md"));
        Duration deletion = eventually(() -> viaNginx("/news/gone").statusCode() == 404);
        assertThat(viaNginx("/news/gone").statusCode()).as("a deleted page stays gone").isEqualTo(404);

        if (Instant.now().isBefore(scheduled.minusSeconds(2))) {
            // Still before its time (a loaded machine may have taken longer above): the mirror's list is without it.
            assertThat(text(fromTheMirror("/news"))).doesNotContain("Later story");
        }
        eventually(() -> !Instant.now().isBefore(scheduled));
        Duration goingLive = eventually(() -> text(viaNginx("/news")).contains("Later story") && viaNginx("/news/later").statusCode() == 200);
        assertThat(text(fromTheMirror("/news"))).contains("Later story");
        System.out.printf("through nginx's mirror: edit %d ms, deletion %d ms, scheduled story %d ms after its time%n",
                edit.toMillis(), deletion.toMillis(), goingLive.toMillis());
        // The bound, with the watcher's second; a loaded machine gets the functional bound above.
        assertThat(edit).isLessThan(Duration.ofSeconds(5));
        assertThat(deletion).isLessThan(Duration.ofSeconds(5));
        assertThat(goingLive).isLessThan(Duration.ofSeconds(5));
    }
}
