package edu.rush.gme.web;

import edu.rush.gme.program.ProgramContent;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.RealContent;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendered pages are cached by content version and date, revalidated by ETag, and sent gzipped. */
class CachingTest {

    /** The real site, for the tests that only read, and its longest program page as the content has it today. */
    static TestSite real;
    static final String PROGRAM = RealContent.programs().stream()
            .max(java.util.Comparator.comparingInt(program -> program.html().length())).orElseThrow().url();

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        real = TestSite.start(RealContent.DIR);
    }

    @AfterAll
    static void stop() {
        real.close();
    }

    @Test
    void a_page_with_a_query_is_kept_from_its_second_asking_one_without_from_its_first() {
        try (TestSite site = TestSite.start(TestSite.monitored(Settings.forFolders(ContentFixture.finderCatalog(temp).dir(), Path.of("static"))))) {
            String filtered = "/programs?type=fellowship&visa=H-1B";
            double hits = pageCacheHits(site);
            Response first = site.get(filtered);
            Response second = site.get(filtered);
            assertThat(pageCacheHits(site)).as("new filters, asked twice: rendered twice").isEqualTo(hits);
            assertThat(second.raw().body()).isEqualTo(first.raw().body());
            assertThat(second.header("ETag")).as("the same answer, kept or not").isEqualTo(first.header("ETag")).isNotNull();
            assertThat(second.header("Cache-Control")).isEqualTo(first.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(site.get(filtered).header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(pageCacheHits(site)).as("kept from the second asking").isEqualTo(hits + 1);

            site.get("/programs");
            site.get("/programs");
            assertThat(pageCacheHits(site)).as("an address without a query is kept at once").isEqualTo(hits + 2);
        }
    }

    /** Page cache hits so far, as /metrics reports them. */
    private static double pageCacheHits(TestSite site) {
        java.util.regex.Matcher hit = java.util.regex.Pattern.compile("(?m)^cache_gets_total\\{[^}]*cache=\"pages\"[^}]*result=\"hit\"[^}]*\\} (\\S+)$")
                .matcher(site.monitor("/metrics").raw().body());
        assertThat(hit.find()).as("the page cache's hits in /metrics").isTrue();
        return Double.parseDouble(hit.group(1));
    }

    @Test
    void a_head_answers_the_etag_the_get_gives_with_and_without_a_query() throws Exception {
        // Asked first with HEAD (the page not kept yet), then with GET: one validator for both.
        for (String path : List.of("/wellness", "/programs?type=allied-health&visa=H-1B")) {
            HttpResponse<Void> head = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(real.url(path)))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.headers().firstValue("ETag")).as(path).contains(real.get(path).header("ETag"));
        }
    }

    @Test
    void a_page_has_a_strong_etag_and_answers_304_when_unchanged() {
        Response first = real.get(PROGRAM);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");

        Response second = real.get(PROGRAM);
        assertThat(second.header("ETag")).isEqualTo(etag);
        assertThat(second.raw().body()).isEqualTo(first.raw().body());

        Response revalidated = real.get(PROGRAM, "If-None-Match", etag);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.raw().body()).isEmpty();
    }

    @Test
    void text_is_sent_gzipped_to_browsers_that_ask_and_a_program_page_stays_small() throws IOException {
        String plain = real.get(PROGRAM).raw().body();
        HttpResponse<byte[]> gzipped = real.bytes(PROGRAM, "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain);

        String css = real.get(PROGRAM).page().selectFirst("link[rel=stylesheet]").attr("href");
        HttpResponse<byte[]> cssGzipped = real.bytes(css, "Accept-Encoding", "gzip");
        assertThat(cssGzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length + cssGzipped.body().length).as("program page and its CSS, transferred").isLessThan(100_000);
    }

    /** The cache keeps only the gzipped body: a client without gzip gets, from the cache, exactly the page it got when it was rendered. */
    @Test
    void a_client_without_gzip_gets_the_cached_page_unzipped_byte_for_byte() throws IOException {
        String address = PROGRAM + "?asked=" + System.nanoTime();
        HttpResponse<byte[]> rendered = real.bytes(address, "Accept-Encoding", "identity");
        // An address with a query is kept from its second asking (PageCache): the third is the kept page.
        real.bytes(address, "Accept-Encoding", "identity");
        HttpResponse<byte[]> cached = real.bytes(address, "Accept-Encoding", "identity");
        HttpResponse<byte[]> gzipped = real.bytes(address, "Accept-Encoding", "gzip");
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(cached.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(cached.body()).isEqualTo(rendered.body());
        assertThat(cached.headers().firstValue("Content-Length")).hasValue(String.valueOf(rendered.body().length));
        assertThat(cached.headers().firstValue("ETag")).isEqualTo(rendered.headers().firstValue("ETag"));
        assertThat(gunzip(gzipped.body())).isEqualTo(new String(rendered.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Accept-Encoding is read with its weights (RFC 9110 §12.5.3) on every path that can send gzip:
     * a cached page, a page rendered for the first time, a response that is never cached (the 404
     * page) and a static file.
     */
    @Test
    void accept_encoding_weights_choose_gzip_or_identity_on_every_path() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("gzip", "gzip");
        expected.put("GZIP", "gzip");
        expected.put("gzip, deflate, br, zstd", "gzip");
        expected.put("gzip;q=0.5, br", "gzip");
        expected.put("*", "gzip");
        expected.put("x-gzip", "gzip");
        expected.put("identity;q=0, *", "gzip");
        expected.put("gzip;q=0", null);
        expected.put("gzip;Q=0", null);
        expected.put("br, gzip;q=0", null);
        expected.put("*;q=0", null);
        expected.put("*, gzip;q=0", null);
        expected.put("gzip;q=0.2, identity;q=0.8", null);
        expected.put("br", null);
        expected.put("", null);
        // Refuses everything we have: the plain body, as most servers do, rather than 406.
        expected.put("identity;q=0, gzip;q=0", null);
        try (TestSite site = TestSite.start(Path.of("content"))) {
            String css = site.get("/programs/internal-medicine").page().selectFirst("link[rel=stylesheet]").attr("href");
            int fresh = 0;
            for (Map.Entry<String, String> header : expected.entrySet()) {
                String firstRender = "/about?render=" + fresh++;
                for (String path : List.of("/programs/internal-medicine", firstRender, "/no-such-page", css)) {
                    HttpResponse<byte[]> response = site.bytes(path, "Accept-Encoding", header.getKey());
                    assertThat(response.headers().firstValue("Content-Encoding").orElse(null))
                            .as("Accept-Encoding: %s on %s", header.getKey(), path).isEqualTo(header.getValue());
                    assertThat(response.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
                }
            }
            HttpResponse<byte[]> none = site.bytes("/programs/internal-medicine");
            assertThat(none.headers().firstValue("Content-Encoding")).as("no Accept-Encoding").isEmpty();
        }
    }

    @Test
    void an_etag_tells_apart_pages_of_the_same_length_that_differ_anywhere() {
        byte[] page = new byte[10_000];
        new java.util.Random(7).nextBytes(page);
        String etag = PageCache.etag(page);
        assertThat(PageCache.etag(page.clone())).as("the same bytes, the same ETag on any instance").isEqualTo(etag);
        java.util.Set<String> seen = new java.util.HashSet<>(java.util.List.of(etag));
        for (int i = 0; i < page.length; i++) {
            byte[] changed = page.clone();
            changed[i] ^= (byte) (1 << (i % 8));
            assertThat(seen.add(PageCache.etag(changed))).as("one bit changed at byte %d", i).isTrue();
        }
        byte[] swapped = page.clone();
        swapped[10] = page[20];
        swapped[20] = page[10];
        assertThat(PageCache.etag(swapped)).isNotEqualTo(etag);
    }

    @Test
    void a_content_change_is_served_at_once_without_any_invalidation() {
        ContentFixture content = ContentFixture.minimal(temp).news("story", "2026-01-01", "First title");
        try (TestSite site = TestSite.start(content.dir())) {
            String before = site.get("/news").header("ETag");
            assertThat(site.get("/news").text()).contains("First title");

            content.news("story", "2026-01-01", "Second title");
            site.app().store().reload();

            Response after = site.get("/news");
            assertThat(after.text()).contains("Second title").doesNotContain("First title");
            assertThat(after.header("ETag")).isNotEqualTo(before);
            assertThat(site.get("/news", "If-None-Match", before).status()).isEqualTo(200);
        }
    }

    @Test
    void the_header_and_footer_kept_for_a_snapshot_follow_a_change_of_site_yaml_and_mark_each_section() {
        ContentFixture content = ContentFixture.minimal(temp).news("story", "2026-01-01", "A story");
        try (TestSite site = TestSite.start(content.dir())) {
            Response news = site.get("/news");
            assertThat(news.page().select("header .brand__name").text()).isEqualTo("Test GME");
            assertThat(news.page().select("nav.site-nav a[aria-current=page]").eachAttr("href")).containsExactly("/news");
            // The header kept for /news does not mark the section on a page of no section.
            assertThat(site.get("/search?q=story").page().select("nav.site-nav a[aria-current=page]")).isEmpty();
            assertThat(site.get("/news").page().select("nav.site-nav a[aria-current=page]").eachAttr("href")).containsExactly("/news");

            content.write("site.yaml", ContentFixture.SITE_YAML.replace("name: Test GME", "name: Renamed GME")
                    .replace("organization: Test University", "organization: Other University")
                    + "  - title: Wellness\n    url: /wellness\n");
            site.app().store().reload();

            for (String path : List.of("/news", "/search?q=story", "/")) {
                Response after = site.get(path);
                assertThat(after.page().select("header .brand__name").text()).as(path).isEqualTo("Renamed GME");
                assertThat(after.page().select("nav.site-nav a").eachAttr("href")).as(path).containsExactly("/news", "/wellness");
                assertThat(after.page().select("footer").text()).as(path).contains("Renamed GME", "Other University").doesNotContain("Test University");
            }
        }
    }

    @Test
    void a_finder_card_kept_once_rendered_follows_the_day_and_a_change_of_its_program() {
        ContentFixture content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2026-10-15", "cycle: 2026-2027")
                .program("beta-surg", "residency", "Surgery", 5, "[]", false, 2, false, "hybrid", "2026-11-30", "cycle: 2026-2027");
        // October 15th, 11:30 pm in Chicago: the deadline day is not over.
        MutableClock clock = new MutableClock(Instant.parse("2026-10-16T04:30:00Z"));
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), clock)) {
            // Each address asked once, so no page comes from the page cache: every card on it is the kept one or new.
            assertThat(cards(site.get("/programs?sort=length"))).containsExactly(
                    "Internal Medicine Residency | Applications: Open: closes today, October 15, 2026.",
                    "Surgery Residency | Applications: Open until November 30, 2026.");
            assertThat(cards(site.get("/programs?sort=positions"))).contains("Internal Medicine Residency | Applications: Open: closes today, October 15, 2026.");

            clock.advance(Duration.ofHours(1));
            assertThat(cards(site.get("/programs?sort=deadline"))).contains(
                    "Internal Medicine Residency | Applications: Closed on October 15, 2026 for the 2026\u201327 cycle. Dates for the next cycle are not yet announced.");

            content.program("alpha-im", "residency", "Family Medicine", 3, "[J-1]", true, 5, false, "virtual", "2026-10-15", "cycle: 2026-2027");
            site.app().store().reload();
            assertThat(cards(site.get("/programs?type=residency"))).containsExactly(
                    "Family Medicine Residency | Applications: Closed on October 15, 2026 for the 2026\u201327 cycle. Dates for the next cycle are not yet announced.",
                    "Surgery Residency | Applications: Open until November 30, 2026.");
        }
    }

    /** Each finder card on the page: its title and its application window, as a visitor reads them. */
    private static List<String> cards(Response finder) {
        return finder.page().select(".results .card--program").stream()
                .map(card -> card.select(".card__title").text() + " | " + card.select(".card__facts li:contains(Applications)").text())
                .toList();
    }

    @Test
    void a_story_scheduled_for_tomorrow_appears_at_midnight_though_the_list_was_cached() {
        ContentFixture content = ContentFixture.minimal(temp)
                .news("today", "2026-11-27", "Today's story")
                .write("news/tomorrow.md", "---\ntitle: Tomorrow's story\ndate: 2026-11-28\nsummary: S\npublishDate: 2026-11-28\n---\n");
        // 23:30 in Chicago on November 27th
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T05:30:00Z"));
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"));
        try (TestSite site = TestSite.start(settings, clock)) {
            assertThat(site.get("/news").text()).contains("Today's story").doesNotContain("Tomorrow's story");
            assertThat(site.get("/news/tomorrow").status()).isEqualTo(404);

            clock.advance(Duration.ofMinutes(45));

            assertThat(site.get("/news").text()).contains("Tomorrow's story");
            assertThat(site.get("/news/tomorrow").status()).isEqualTo(200);
        }
    }

    @Test
    void a_proxy_in_front_is_never_told_to_keep_a_page_past_midnight_or_a_scheduled_moment() {
        ContentFixture content = ContentFixture.minimal(temp)
                .news("today", "2026-11-27", "Today's story")
                .write("news/soon.md", "---\ntitle: Soon\ndate: 2026-11-27\nsummary: S\npublishDate: 2026-11-27T12:00:10\n---\n");
        // 11:59:58 in Chicago: the scheduled story appears in 12 s, midnight is 12 hours away.
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T17:59:58Z"));
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")).withSharedCacheSeconds(30), clock)) {
            assertThat(site.get("/news").header("X-Accel-Expires")).as("fresh render").isEqualTo("12");
            assertThat(site.get("/news").header("X-Accel-Expires")).as("from the page cache").isEqualTo("12");
            clock.advance(Duration.ofSeconds(11).plusMillis(500));
            assertThat(site.get("/news").header("X-Accel-Expires")).as("half a second left: not kept at all").isNull();
            clock.advance(Duration.ofSeconds(1));
            assertThat(site.get("/news").header("X-Accel-Expires")).as("nothing scheduled any more").isEqualTo("30");
            // 23:59:50: the day turns in ten seconds.
            clock.advance(Duration.between(Instant.parse("2026-11-27T18:00:10.500Z"), Instant.parse("2026-11-28T05:59:50Z")));
            assertThat(site.get("/news").header("X-Accel-Expires")).isEqualTo("10");
            // A revalidation by the proxy is told too, so its copy lives on that long.
            String etag = site.get("/news").header("ETag");
            Response unchanged = site.get("/news", "If-None-Match", etag);
            assertThat(unchanged.status()).isEqualTo(304);
            assertThat(unchanged.header("X-Accel-Expires")).isEqualTo("10");
        }
        // Without the setting, nothing is said to proxies.
        assertThat(real.get("/news").header("X-Accel-Expires")).isNull();
    }

    @Test
    void not_found_pages_are_not_cached_and_carry_no_validator() {
        Response missing = real.get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("ETag")).isNull();
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
