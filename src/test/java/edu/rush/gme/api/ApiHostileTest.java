package edu.rush.gme.api;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RawHttp;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every parameter of every content API address with hostile values, written raw on the socket (as
 * no polite client would send them): always a 4xx problem document, never a 500, never a draft,
 * never a header of the attacker's.
 */
class ApiHostileTest {

    @TempDir
    static Path temp;
    static TestSite site;

    @BeforeAll
    static void start() {
        site = ApiSite.start(temp);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static final List<String> PATHS = List.of("/api/v1/site", "/api/v1/programs", "/api/v1/programs/alpha-im", "/api/v1/news",
            "/api/v1/news/open-house", "/api/v1/pages", "/api/v1/wellness", "/api/v1/home", "/api/v1/schemas/news", "/api/v1/openapi.json");
    static final List<String> NAMES = List.of("page", "size", "sort", "fields", "type", "specialty", "visa", "length", "window", "from",
            "to", "verifiedFrom", "limit", "q", "page%5B%5D", "%00");
    static final List<String> FREE_TEXT = List.of("specialty", "department", "length");
    static final List<String> VALUES = List.of("", "%", "%zz", "%00", "%C3%28", "%FF%FE", "a".repeat(5000), "%3Cscript%3Ealert(1)%3C/script%3E",
            "%22%3E%3Cimg%20src=x%3E", "'%20OR%201=1--", "../../etc/passwd", "-1", "0", "2147483648", "99999999999999999999", "NaN",
            "1e3", "0x10", "%0d%0aX-Injected:1", "%F0%9F%98%80", "%E2%80%AE", ";", "%26%26", "=", "title,%00", "2026-13-45", "{}", "[]");

    @Test
    void no_hostile_parameter_gets_anything_but_a_4xx_problem() throws Exception {
        int i = 0;
        for (String path : PATHS) {
            for (String value : VALUES) {
                String name = NAMES.get(i++ % NAMES.size());
                RawHttp.Answer answer = RawHttp.send(site.app().port(), "GET " + path + "?" + name + "=" + value
                        + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000);
                String what = path + "?" + name + "=" + (value.length() > 40 ? value.substring(0, 40) + "..." : value);
                assertThat(answer.header("X-Injected")).as(what).isNull();
                if (answer.status() == 200) {
                    // A well-formed value of a filter whose values come from the content (specialty, length): no program has it.
                    assertThat(FREE_TEXT).as(what).contains(name);
                    assertThat(ApiSite.JSON.readTree(answer.body()).get("total").asInt()).as(what).isZero();
                    continue;
                }
                assertThat(answer.status()).as(what).isBetween(400, 499);
                assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
                assertThat(answer.header("X-Injected")).as(what).isNull();
                assertThat(answer.body()).as(what).doesNotContain("Secret");
                // JSON, never markup a browser would run (nosniff keeps it from being read as HTML).
                assertThat(ApiSite.JSON.readTree(answer.body()).get("status").asInt()).as(what).isEqualTo(answer.status());
                assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            }
        }
    }

    @Test
    void hostile_paths_are_404_problems() {
        for (String path : List.of("/api/v1/news/%2e%2e%2fsite", "/api/v1/news/half-done", "/api/v1/news/coming-soon",
                "/api/v1/programs/" + "x".repeat(2000), "/api/v1/%3Cscript%3E", "/api/v1/schemas/%2e%2e")) {
            RawHttp.Answer answer = RawHttp.send(site.app().port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000);
            assertThat(answer.status()).as(path).isBetween(300, 499);
            assertThat(answer.body()).as(path).doesNotContain("Secret");
            assertThat(answer.header("Content-Type")).as(path).doesNotContain("html");
        }
    }

    @Test
    void other_methods_are_refused_and_head_answers_like_get() {
        RawHttp.Answer post = RawHttp.send(site.app().port(), "POST /api/v1/news HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 5000);
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(post.header("Content-Type")).startsWith("application/problem+json");
        RawHttp.Answer head = RawHttp.send(site.app().port(), "HEAD /api/v1/news HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 5000);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isNotNull();
        assertThat(head.body()).isEmpty();
    }
}
