package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.RawHttp;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What an attacker (or an unlucky client) sends: redirect tricks, requests Jetty refuses before the
 * site sees them, methods a page does not take, bodies too large or too slow. Every answer is a 4xx
 * with the security headers and a clear page, or a problem document under /api/. Runs alone: it
 * holds 300 connections open and expects pages within seconds meanwhile.
 */
@Isolated
class HostileRequestsTest {

    @TempDir
    static Path temp;
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(ContentFixture.inquiryCatalog(temp)
                .write("about.md", "---\ntitle: About us\n---\nWho we are.\n")
                .dir());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static int port() {
        return site.app().port();
    }

    @Test
    void a_path_that_starts_with_two_slashes_redirects_to_this_site_never_to_another_host() {
        for (String path : List.of("//evil.example/", "///evil.example//", "//evil.example/about/")) {
            Response response = site.get(path);
            assertThat(response.status()).as(path).isEqualTo(301);
            assertThat(response.header("Location")).as(path).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
        }
        assertThat(site.get("//evil.example/").header("Location")).isEqualTo("/evil.example");
    }

    @Test
    void a_backslash_can_never_turn_a_redirect_into_another_host() {
        RawHttp.Answer answer = RawHttp.send(port(), "GET /\\evil.example/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000);
        assertThat(answer.status()).isBetween(300, 499);
        if (answer.header("Location") != null) {
            assertThat(answer.header("Location")).startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\");
        }
    }

    @Test
    void a_redirect_too_long_to_send_is_answered_with_a_page_saying_the_address_is_too_long() {
        Response response = site.get("/about/?x=" + "a".repeat(17_000));
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.page().select("h1").text()).isEqualTo("Address too long");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void requests_jetty_refuses_itself_carry_the_security_headers_and_a_page_in_the_site_style() {
        List<RawHttp.Answer> answers = List.of(
                RawHttp.send(port(), "GET /?q=" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 5000),
                RawHttp.send(port(), "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n", 5000),
                RawHttp.send(port(), "GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000),
                RawHttp.send(port(), "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n", 5000));
        assertThat(answers).extracting(RawHttp.Answer::status).containsExactly(414, 431, 400, 400);
        for (RawHttp.Answer answer : answers) {
            assertThat(answer.header("Content-Security-Policy")).as(answer.head()).contains("default-src 'self'");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Type")).startsWith("text/html");
            assertThat(answer.body()).contains("<link rel=\"stylesheet\" href=\"/css/site.", "<h1>", "Go to the home page")
                    .doesNotContain("Powered by", "Jetty", "<table");
        }
        assertThat(answers.get(0).body()).contains("<h1>Address too long</h1>");
    }

    @Test
    void under_api_even_jettys_own_refusals_are_problem_documents() {
        RawHttp.Answer answer = RawHttp.send(port(), "GET /api/v1/search?q=x HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(40_000) + "\r\n\r\n", 5000);
        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":431", "\"title\":\"Request too large\"");
    }

    @Test
    void a_method_a_known_address_does_not_take_is_405_with_the_methods_it_does() {
        Response post = site.post("/about", java.util.Map.of("x", "1"));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(post.page().select("h1").text()).isEqualTo("Method not allowed");
        assertThat(send("DELETE", "/programs/alpha-im").statusCode()).isEqualTo(405);
        assertThat(send("PUT", "/inquiries").headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
        assertThat(send("POST", "/no-such-page").statusCode()).as("an address nothing answers").isEqualTo(404);
    }

    @Test
    void no_hostile_parameter_gets_a_server_error_or_reflected_markup() {
        List<String> paths = List.of("/", "/about", "/programs", "/programs/alpha-im", "/programs/compare", "/programs/compare.csv",
                "/programs.csv", "/search", "/api/v1/search", "/api/v1/search/suggest", "/news", "/inquiries/new", "/inquiries/AB12CD",
                "/sitemap.xml", "/news/feed.xml");
        List<String> names = List.of("q", "page", "p", "type", "specialty", "visa", "sort", "kind", "program", "length", "interview");
        List<String> values = List.of("", "%", "%zz", "%00", "%C3%28", "%FF%FE", "a".repeat(5000), "%3Cscript%3Ealert(1)%3C/script%3E",
                "%22%3E%3Cimg%20src=x%3E", "'%20OR%201=1--", "../../etc/passwd", "-1", "0", "2147483648", "99999999999999999999", "NaN",
                "%0d%0aX-Injected:1", "%F0%9F%98%80", "%E2%80%AE", ";", "%26%26", "=");
        int i = 0;
        for (String path : paths) {
            for (String value : values) {
                String name = names.get(i++ % names.size());
                RawHttp.Answer answer = RawHttp.send(port(), "GET " + path + "?" + name + "=" + value
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000);
                String what = path + "?" + name + "=" + (value.length() > 40 ? value.substring(0, 40) + "..." : value);
                assertThat(answer.status()).as(what).isBetween(200, 499);
                assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
                assertThat(answer.header("X-Injected")).as(what + ": a header of its own").isNull();
                if (String.valueOf(answer.header("Content-Type")).startsWith("text/html")) {
                    assertThat(answer.body()).as(what).doesNotContain("<script>alert(1)", "<img src=x>");
                }
            }
        }
    }

    @Test
    void a_method_http_does_not_have_is_not_implemented() {
        RawHttp.Answer answer = RawHttp.send(port(), "FOO /about HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000);
        assertThat(answer.status()).isEqualTo(501);
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void options_lists_what_an_address_takes() {
        var answer = send("OPTIONS", "/inquiries");
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void every_api_error_is_a_problem_document() {
        for (var answer : List.of(send("GET", "/api/v1/nothing"), send("DELETE", "/api/v1/inquiries"), send("GET", "/api/v1/inquiries"))) {
            assertThat(answer.statusCode()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("\"status\":" + answer.statusCode());
        }
        assertThat(send("DELETE", "/api/v1/inquiries").headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void a_body_larger_than_the_address_accepts_is_refused_before_it_is_read() {
        String huge = "POST /api/v1/inquiries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 3000000\r\n\r\n{";
        RawHttp.Answer api = RawHttp.send(port(), huge, 5000);
        assertThat(api.status()).as("refused at once, before a byte of the body is read").isEqualTo(413);
        assertThat(api.header("Content-Type")).isEqualTo("application/problem+json");

        String large = "POST /api/v1/inquiries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n{\"message\":\"" + "m".repeat(100000 - 14) + "\"}";
        assertThat(RawHttp.send(port(), large, 5000).status()).as("read to the end, so the client can read the answer").isEqualTo(413);

        StringBuilder chunked = new StringBuilder("POST /inquiries HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 20; i++) {
            chunked.append("1000\r\n").append("m".repeat(4096)).append("\r\n");
        }
        RawHttp.Answer form = RawHttp.send(port(), chunked.append("0\r\n\r\n").toString(), 5000);
        assertThat(form.status()).as("a chunked body that grows past the limit").isEqualTo(413);
        assertThat(form.body()).contains("<h1>Too much to send</h1>");
    }

    @Test
    void slow_uploads_hold_no_thread_so_pages_are_still_answered() throws IOException {
        List<Socket> uploads = new ArrayList<>();
        try {
            // More than Jetty's 250 threads: each would have held one while waiting for its body.
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket("127.0.0.1", port());
                socket.getOutputStream().write(("POST /api/v1/inquiries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 4000\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
                uploads.add(socket);
            }
            for (String path : List.of("/about", "/programs/alpha-im", "/inquiries/new", "/search?q=pharmacy", "/about")) {
                // Without threads to spare a page would wait for Jetty's 30-second idle timeout to free one.
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url(path))).timeout(java.time.Duration.ofSeconds(5));
                assertThat(site.get(path, request).status()).as(path).isEqualTo(200);
            }
        } finally {
            for (Socket socket : uploads) {
                socket.close();
            }
        }
    }

    private static java.net.http.HttpResponse<String> send(String method, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url(path)))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
