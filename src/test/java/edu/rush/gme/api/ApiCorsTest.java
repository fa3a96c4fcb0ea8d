package edu.rush.gme.api;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another website's pages read the API from a browser when, and only when, its origin is in GME_API_ORIGINS. */
class ApiCorsTest {

    static final String ALLOWED = ApiSite.ORIGINS.get(0);
    static final String OTHER = "https://evil.example.net";

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

    static List<String> all(Response response, String name) {
        return response.raw().headers().allValues(name);
    }

    @Test
    void an_allowed_origin_is_named_and_may_read_etag_and_link_also_from_the_cache() {
        for (int i = 0; i < 2; i++) { // the second answer comes from the page cache
            Response response = site.get("/api/v1/news?size=1", "Origin", ALLOWED);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(response.header("Access-Control-Expose-Headers")).contains("ETag").contains("Link");
            assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(String.join(",", all(response, "Vary"))).contains("Origin").contains("Accept-Encoding");
        }
        Response other = site.get("/api/v1/news?size=1", "Origin", ApiSite.ORIGINS.get(1));
        assertThat(other.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    }

    @Test
    void an_allowed_origin_revalidates_with_304_and_keeps_its_cors_headers() {
        String etag = site.get("/api/v1/programs", "Origin", ALLOWED).header("ETag");
        Response again = site.get("/api/v1/programs", "Origin", ALLOWED, "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    }

    @Test
    void another_origin_gets_the_answer_without_cors_headers() {
        for (int i = 0; i < 2; i++) {
            Response response = site.get("/api/v1/news", "Origin", OTHER);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isNull();
            assertThat(response.header("Access-Control-Expose-Headers")).isNull();
            assertThat(all(response, "Vary")).contains("Origin");
        }
        // A look-alike is not the allowed origin (the list is matched exactly, not as patterns).
        assertThat(site.get("/api/v1/news", "Origin", "https://eventsXexample.org").header("Access-Control-Allow-Origin")).isNull();
        assertThat(site.get("/api/v1/news", "Origin", ALLOWED + ".evil.net").header("Access-Control-Allow-Origin")).isNull();
        assertThat(site.get("/api/v1/news", "Origin", "null").header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void pages_of_the_site_get_no_cors_headers_even_for_an_allowed_origin() {
        Response response = site.get("/news", "Origin", ALLOWED);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    /** A browser's preflight: OPTIONS with the method and headers the script's request will use. */
    static HttpResponse<String> preflight(String path, String origin) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.url(path)))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "if-none-match").build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void a_preflight_from_an_allowed_origin_is_answered_with_methods_headers_and_max_age() {
        HttpResponse<String> response = preflight("/api/v1/programs?type=residency", ALLOWED);
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(header(response, "Access-Control-Allow-Methods")).contains("GET").contains("HEAD").doesNotContain("POST");
        assertThat(header(response, "Access-Control-Allow-Headers").toLowerCase()).contains("if-none-match");
        assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("600");
        assertThat(header(response, "Allow")).contains("GET");
        assertThat(preflight("/api/v1/news/match-day", ALLOWED).statusCode()).isEqualTo(204);
    }

    @Test
    void a_preflight_from_another_origin_gets_no_cors_headers() {
        HttpResponse<String> response = preflight("/api/v1/programs", OTHER);
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(header(response, "Access-Control-Allow-Origin")).isNull();
        assertThat(header(response, "Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void problems_carry_cors_headers_too_so_the_other_site_can_read_what_went_wrong() {
        Response response = site.get("/api/v1/news?page=0", "Origin", ALLOWED);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    }
}
