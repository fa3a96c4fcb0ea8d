package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production setup's nginx (deploy/nginx's files, Debian's nginx) in front of the real server:
 * anonymous pages are answered from nginx's cache, yet an edit, a deletion and a scheduled page
 * show through it within seconds, and forms, search, the API and previews always reach the server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BehindNginxTest {

    /** The production value (deploy/compose.yaml): with the second the reload takes, a change shows within 5 s. */
    private static final int SHARED_SECONDS = 3;

    @TempDir
    static Path temp;

    private static ContentFixture content;
    private static TestSite site;
    /** A second instance over the same folder, as in deploy/compose.yaml. */
    private static TestSite other;
    private static NginxServer nginx;

    @BeforeAll
    static void start() {
        content = ContentFixture.minimal(temp)
                .news("story", "2026-01-01", "First title")
                .news("gone", "2026-01-02", "Soon deleted");
        // The real clock: nginx keeps time by it.
        site = TestSite.start(TestSite.watching(content.dir()).withProxies(TrustedProxies.one()).withSharedCacheSeconds(SHARED_SECONDS),
                Clock.systemUTC());
        other = TestSite.start(TestSite.watching(content.dir()).withProxies(TrustedProxies.one()).withSharedCacheSeconds(SHARED_SECONDS),
                Clock.systemUTC());
        nginx = NginxServer.inFrontOf(site.app().port(), other.app().port());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (site != null) {
            site.close();
        }
        if (other != null) {
            other.close();
        }
    }

    private static TestSite.Response viaNginx(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nginx.url(path)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return site.get(path, request);
    }

    /**
     * The answer once nginx has its copy: nginx files a copy when its request to the server ends,
     * which can be a moment after the visitor has the last byte, so the very next request may still miss.
     */
    private static TestSite.Response afterItIsKept(String path, String... headers) {
        Instant deadline = Instant.now().plusSeconds(2);
        TestSite.Response response = viaNginx(path, headers);
        while (!"HIT".equals(response.header("X-Cache-Status")) && Instant.now().isBefore(deadline)) {
            response = viaNginx(path, headers);
        }
        assertThat(response.header("X-Cache-Status")).as(path + " is answered from nginx's copy").isEqualTo("HIT");
        return response;
    }

    /** Polls nginx until the condition holds; a functional bound (the 5 s plus room for a slow machine), not a speed test. */
    private static Duration eventually(BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("never showed through nginx; its log:\n" + nginx.errorLog()).isBefore(deadline);
            Thread.sleep(100);
        }
        return Duration.between(start, Instant.now());
    }

    @Test
    @Order(1)
    void an_anonymous_page_is_answered_from_nginx_cache_with_the_servers_headers() {
        TestSite.Response first = viaNginx("/news/story");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Cache-Status")).isEqualTo("MISS");
        TestSite.Response second = afterItIsKept("/news/story");
        assertThat(second.raw().body()).isEqualTo(first.raw().body()).contains("First title");
        // The server's own headers reach the browser; what it told nginx does not.
        assertThat(second.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(second.header("Content-Security-Policy")).contains("default-src");
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("X-Accel-Expires")).isNull();
        // A browser's copy is checked against nginx's: unchanged, 304 without the body.
        assertThat(viaNginx("/news/story", "If-None-Match", first.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    @Order(2)
    void gzip_and_plain_copies_are_kept_apart_whatever_the_browser_writes() {
        String[] browsers = {"gzip, deflate, br", "gzip", "br;q=1.0, gzip;q=0.8"};
        for (String acceptEncoding : browsers) {
            var gzipped = site.bytes("/news", "Accept-Encoding", acceptEncoding);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        }
        var viaGzip = bytesViaNginx("/news", "Accept-Encoding", "gzip, deflate, br");
        afterItIsKept("/news", "Accept-Encoding", "gzip");
        var again = bytesViaNginx("/news", "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
        assertThat(again.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(again.headers().firstValue("X-Cache-Status")).as("one gzip copy for every spelling").hasValue("HIT");
        assertThat(again.body()).isEqualTo(viaGzip.body());
        TestSite.Response plain = viaNginx("/news");
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.text()).contains("First title");
    }

    private static final java.net.http.HttpClient HTTP_1_1 = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    private static java.net.http.HttpResponse<byte[]> bytesViaNginx(String path, String... headers) {
        try {
            return HTTP_1_1.send(HttpRequest.newBuilder(URI.create(nginx.url(path))).headers(headers).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void the_server_tells_nginx_how_long_to_keep_pages_and_nothing_about_other_answers() {
        assertThat(site.get("/news").header("X-Accel-Expires")).isEqualTo(String.valueOf(SHARED_SECONDS));
        // Answers that are personal, counted or live carry nothing for nginx: it may never keep them.
        for (String path : new String[] {"/search?q=story", "/api/v1/news", "/inquiries/new", "/admin", "/healthz"}) {
            assertThat(site.get(path).header("X-Accel-Expires")).as(path).isNull();
        }
    }

    @Test
    @Order(4)
    void forms_search_the_api_and_previews_always_reach_the_server() {
        // They have no cache in nginx at all (the API's own Cache-Control is for its clients).
        for (String path : new String[] {"/search?q=story", "/inquiries/new", "/admin", "/api/v1/news", "/events/open-house/register", "/readyz",
                "/registrations/a-registrants-own-page", "/preview/anything"}) {
            viaNginx(path);
            TestSite.Response again = viaNginx(path);
            assertThat(again.status()).as(path).isNotEqualTo(502);
            assertThat(again.header("X-Cache-Status")).as(path).isNull();
        }
        // Someone browsing the site as of a later time (a signed preview cookie) gets the server's answer.
        assertThat(viaNginx("/news/story", "Cookie", "theme=dark; gme-preview=anything").header("X-Cache-Status")).isEqualTo("BYPASS");
    }

    @Test
    @Order(5)
    void an_edit_a_deletion_and_a_scheduled_story_show_through_nginx_within_seconds() throws Exception {
        assertThat(viaNginx("/news/gone").status()).isEqualTo(200);
        Instant scheduled = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(8);
        content.write("news/later.md", "---\ntitle: Later story\ndate: 2026-01-03\npublishDate: " + scheduled + "\nsummary: S\n---\nLater.\n");
        eventually(() -> site.app().store().snapshot().bySource().containsKey("content/news/later.md"));
        // Before its time: the list is kept by nginx, but never past the moment the story appears.
        assertThat(afterItIsKept("/news").text()).doesNotContain("Later story");
        long told = Long.parseLong(site.get("/news").header("X-Accel-Expires"));
        assertThat(told).isLessThanOrEqualTo(Duration.between(Instant.now(), scheduled).getSeconds() + 1);

        content.news("story", "2026-01-01", "Edited title");
        Duration edit = eventually(() -> viaNginx("/news/story").text().contains("Edited title"));

        Files.delete(content.dir().resolve("news/gone.md"));
        Duration deletion = eventually(() -> viaNginx("/news/gone").status() == 404);
        assertThat(viaNginx("/news/gone").status()).as("a deleted page stays gone").isEqualTo(404);

        eventually(() -> !Instant.now().isBefore(scheduled));
        Duration goingLive = eventually(() -> viaNginx("/news").text().contains("Later story") && viaNginx("/news/later").status() == 200);
        System.out.printf("through nginx: edit %d ms, deletion %d ms, scheduled story %d ms after its time%n",
                edit.toMillis(), deletion.toMillis(), goingLive.toMillis());
    }

    @Test
    @Order(6)
    void when_one_instance_is_gone_visitors_are_answered_by_the_other() {
        other.close();
        other = null;
        for (int i = 0; i < 10; i++) {
            TestSite.Response search = viaNginx("/search?q=story&n=" + i);
            assertThat(search.status()).as("search %d, answered by the instance still running", i).isEqualTo(200);
            assertThat(search.header("X-Cache-Status")).isNull();
        }
    }

    @Test
    @Order(7)
    void when_no_instance_can_answer_visitors_read_the_sites_words_not_nginxs() throws Exception {
        site.app().stop();
        for (String path : new String[] {"/programs?type=residency", "/search?q=story", "/api/v1/programs"}) {
            TestSite.Response page = viaNginx(path);
            assertThat(page.status()).as(path).isEqualTo(503);
            assertThat(page.header("Retry-After")).isEqualTo("30");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
            assertThat(page.page().select("h1").text()).isEqualTo("Back in a moment");
            assertThat(page.text()).contains("try again in a minute").doesNotContainIgnoringCase("nginx").doesNotContain("Bad Gateway");
        }
        // A form on its way when the instances went: the applicant learns it may not have arrived and how to tell.
        java.net.http.HttpResponse<String> sent = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(nginx.url("/inquiries")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=A&email=a%40example.org&message=Hello")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        TestSite.Response form = new TestSite.Response(sent.statusCode(), sent, org.jsoup.Jsoup.parse(sent.body()));
        assertThat(form.status()).isEqualTo(503);
        assertThat(form.text()).contains("It may not have reached us", "confirmation e-mail");
        // Its one style element is allowed by hash and by nothing else: no inline style could be slipped in.
        String style = form.page().selectFirst("style").data();
        String hash = java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(form.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-" + hash + "';");
        assertThat(form.page().select("html").attr("lang")).isEqualTo("en");
    }
}
