package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import edu.rush.gme.program.ProgramType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of response carries the security headers; HSTS only when the site is served over HTTPS. */
class SecurityHeadersTest {

    private static final String PROGRAM = RealContent.first(ProgramType.RESIDENCY).url();
    private static final List<String> EVERY_KIND = List.of("/", PROGRAM, "/news", "/nope",
            "/css/site.css", "/favicon.ico", "/sitemap.xml", "/robots.txt", "/news/feed.xml", "/healthz", "/readyz", "/about/");

    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(RealContent.DIR);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void every_response_carries_a_strict_policy_and_the_usual_protections() {
        for (String path : EVERY_KIND) {
            Response response = site.get(path);
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'");
            assertThat(csp).as(path).doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.header("Permissions-Policy")).as(path).contains("camera=()", "geolocation=()", "microphone=()");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("Strict-Transport-Security")).as(path).isNull();
            assertThat(response.raw().headers().allValues("Set-Cookie")).as(path + " sets no cookie").isEmpty();
        }
    }

    @Test
    void pages_have_no_inline_script_or_style_for_the_policy_to_block() {
        for (String path : List.of("/", "/about", "/programs", PROGRAM, "/news", RealContent.newestStory().url(), "/wellness", "/nope")) {
            Response response = site.get(path);
            assertThat(response.page().select("script:not([src]):not([type=application/ld+json])")).as(path).isEmpty();
            assertThat(response.page().select("style, [style]")).as(path).isEmpty();
            assertThat(response.page().select("[onclick], [onload], [onerror]")).as(path).isEmpty();
        }
    }

    @Test
    void https_sites_add_strict_transport_security_and_upgrade_requests() {
        try (TestSite https = TestSite.start(TestSite.settings(RealContent.DIR, "https://gme.example.org"))) {
            Response response = https.get("/");
            assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
            assertThat(response.header("Content-Security-Policy")).endsWith("upgrade-insecure-requests");
            assertThat(response.page().select("link[rel=canonical]").attr("href")).isEqualTo("https://gme.example.org/");
        }
    }
}
