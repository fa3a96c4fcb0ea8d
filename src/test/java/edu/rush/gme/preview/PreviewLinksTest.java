package edu.rush.gme.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed preview links, as staff and program directors use them: a draft or scheduled page shown
 * through a link with a banner, never cached, indexed or listed; the whole site as of a later time;
 * and every kind of bad link answered with a page that says what is wrong, never a draft.
 */
class PreviewLinksTest {

    /** Friday 2026-11-27, 12:00 in Chicago; the scheduled items appear on Tuesday 2026-12-01 at 9:00. */
    static final Instant START = Instant.parse("2026-11-27T18:00:00Z");
    static final Instant LAUNCH = Instant.parse("2026-12-01T15:00:00Z");

    @TempDir
    static Path temp;

    static ContentFixture content;
    static Settings settings;
    static MutableClock clock;
    static TestSite site;
    static PreviewTokens tokens;

    @BeforeAll
    static void start() {
        content = ContentFixture.minimal(temp)
                .news("published-story", "2026-11-01", "Published Story")
                .write("news/draft-story.md", "---\ntitle: Secret Draft Story\ndate: 2026-11-20\nsummary: Not yet.\ndraft: true\n---\nDraft body words.\n")
                .write("news/coming-story.md", "---\ntitle: Launch Day Story\ndate: 2026-12-01\nsummary: On launch day.\npublishDate: 2026-12-01T09:00\n---\nLaunch body.\n")
                .write("news/old-story.md", "---\ntitle: Expired Story\ndate: 2026-10-01\nsummary: Gone.\nexpiryDate: 2026-11-01\n---\nOld body.\n")
                .write("news/photo-story/index.md", "---\ntitle: Photo Draft\ndate: 2026-11-21\nsummary: With a photo.\ndraft: true\n"
                        + "image: photo.png\nimageAlt: A photo\n---\nPhoto body.\n")
                .write("news/photo-story/photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .write("_index.md", "---\ntitle: Home\npublishDate: 2026-12-01T09:00\nhero:\n  heading: The New Home Page\n  text: Coming soon.\n"
                        + "support:\n  heading: Support\n  text: Help.\n---\nWelcome.\n")
                .write("draft-page.md", "---\ntitle: Draft Top Page\ndraft: true\n---\nA page not yet public.\n")
                .write("wellness/quiet-room.md", "---\ntitle: Quiet Room Plan\nsummary: A room to rest.\ndraft: true\n---\nRest.\n")
                .program("future-neuro", "residency", "Neurology", 4, "[J-1]", true, null, false, "virtual", "2026-10-15",
                        "publishDate: 2026-12-01T09:00");
        settings = Settings.forFolders(content.dir(), Path.of("static"));
        clock = new MutableClock(START);
        site = TestSite.start(settings, clock);
        tokens = new PreviewTokens(settings.preview().key(), clock);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static String itemLink(String type, String source) {
        return "/preview/" + tokens.item(type, source, Duration.ofDays(7));
    }

    static void assertPrivateAndUnindexed(Response response) {
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(response.header("X-Robots-Tag")).isEqualTo("noindex");
        assertThat(response.page().select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    static Element banner(Document page) {
        Element region = page.selectFirst("section.preview-banner");
        assertThat(region).as("the preview banner").isNotNull();
        assertThat(page.getElementById(region.attr("aria-labelledby"))).as("the banner's label").isNotNull();
        return region;
    }

    @Test
    void a_draft_story_renders_through_its_link_with_the_banner_while_its_public_url_stays_404() {
        String link = itemLink("news", "content/news/draft-story.md");
        for (int i = 0; i < 2; i++) {
            Response preview = site.get(link);
            assertThat(preview.status()).isEqualTo(200);
            assertPrivateAndUnindexed(preview);
            assertThat(preview.page().select("h1").text()).isEqualTo("Secret Draft Story");
            assertThat(preview.text()).contains("Draft body words.");
            Element banner = banner(preview.page());
            assertThat(banner.select("h2").text()).isEqualTo("Preview — not published");
            assertThat(banner.text()).contains("is a draft").contains("This preview link works until 12:00 PM on Friday, December 4, 2026 (CST)");
            // The story's page as the public will see it: its canonical address, its section marked in the navigation.
            assertThat(preview.page().select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost/news/draft-story");
            assertThat(preview.page().select("nav a[aria-current=page]").first().text()).isEqualTo("News");
        }
        assertThat(site.get("/news/draft-story").status()).isEqualTo(404);
        assertThat(site.get("/news").text()).doesNotContain("Secret Draft Story");
        assertThat(site.get("/news/draft-story").text()).doesNotContain("Secret Draft Story");
    }

    @Test
    void a_future_program_renders_with_its_scheduled_time_and_is_in_no_list_sitemap_feed_or_search() {
        Response preview = site.get(itemLink("programs", "content/programs/future-neuro.md"));
        assertThat(preview.status()).isEqualTo(200);
        assertPrivateAndUnindexed(preview);
        assertThat(preview.page().select("h1").text()).contains("Neurology Residency");
        assertThat(banner(preview.page()).text()).contains("is scheduled to appear at 9:00 AM on Tuesday, December 1, 2026 (CST)");

        assertThat(site.get("/programs/future-neuro").status()).isEqualTo(404);
        assertThat(site.get("/programs").text()).doesNotContain("Neurology");
        assertThat(site.get("/sitemap.xml").raw().body()).doesNotContain("future-neuro").doesNotContain("draft-story").doesNotContain("/preview/");
        assertThat(site.get("/news/feed.xml").raw().body()).doesNotContain("Secret Draft Story").doesNotContain("Launch Day Story");
        assertThat(site.get("/search?q=neurology").text()).doesNotContain("Neurology Residency");
        assertThat(site.get("/api/v1/search?q=draft").raw().body()).doesNotContain("Secret Draft Story");
        assertThat(site.get("/robots.txt").raw().body()).doesNotContain("/preview/");
    }

    @Test
    void a_top_level_page_a_wellness_initiative_and_an_expired_story_render_through_their_links() {
        Response page = site.get(itemLink("pages", "content/draft-page.md"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page().select("h1").text()).isEqualTo("Draft Top Page");
        assertThat(site.get("/draft-page").status()).isEqualTo(404);

        Response wellness = site.get(itemLink("wellness", "content/wellness/quiet-room.md"));
        assertThat(wellness.status()).isEqualTo(200);
        assertThat(wellness.page().select("h1").text()).isEqualTo("Quiet Room Plan");
        assertThat(site.get("/wellness/quiet-room").status()).isEqualTo(404);

        Response home = site.get(itemLink("home", "content/_index.md"));
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.page().select("h1").text()).isEqualTo("The New Home Page");
        assertThat(banner(home.page()).text()).contains("scheduled to appear at 9:00 AM on Tuesday, December 1, 2026");
        assertThat(site.get("/").text()).doesNotContain("The New Home Page");

        Response expired = site.get(itemLink("news", "content/news/old-story.md"));
        assertThat(expired.status()).isEqualTo(200);
        assertThat(banner(expired.page()).text()).contains("was taken off the site at 12:00 AM on Sunday, November 1, 2026 (CDT)");
    }

    @Test
    void a_draft_bundles_photo_shows_in_its_preview_and_nowhere_else() {
        Response preview = site.get(itemLink("news", "content/news/photo-story/index.md"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.page().select("img.story__image").attr("src")).isEqualTo("/news/photo-story/photo.png");
        String setCookie = preview.header("Set-Cookie");
        // Scoped to the bundle's folder: the browser sends it for the photo, never for the story's public address.
        assertThat(setCookie).startsWith("gme-preview-files=").contains("Path=/news/photo-story/").contains("HttpOnly").contains("SameSite=Lax");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        Response photo = site.get("/news/photo-story/photo.png", "Cookie", cookie);
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(site.get("/news/photo-story/photo.png").status()).isEqualTo(404);
        assertThat(site.get("/news/photo-story", "Cookie", cookie).status()).isEqualTo(404);
        assertThat(site.get("/news/photo-story/photo.png", "Cookie", "gme-preview-files=forged").status()).isEqualTo(404);
        // A page without files of its own sets no cookie.
        assertThat(site.get(itemLink("news", "content/news/draft-story.md")).header("Set-Cookie")).isNull();
    }

    @Test
    void the_page_cache_never_serves_a_preview_nor_the_public_a_previewed_page() {
        String link = itemLink("news", "content/news/coming-story.md");
        Response first = site.get(link);
        Response second = site.get(link);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("ETag")).isNull();
        assertPrivateAndUnindexed(second);
        assertThat(site.get("/news/coming-story").status()).isEqualTo(404);
        // The list pages the public has cached stay public, before and after a preview.
        assertThat(site.get("/news").text()).doesNotContain("Launch Day Story");
        site.get(link);
        assertThat(site.get("/news").text()).doesNotContain("Launch Day Story");
    }

    @Test
    void bad_links_get_a_page_that_says_so_and_never_a_draft() {
        String good = tokens.item("news", "content/news/draft-story.md", Duration.ofDays(1));
        String[] parts = good.split("\\.");
        byte[] otherKey = "another-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8);
        Map<String, String> invalid = new java.util.LinkedHashMap<>();
        invalid.put("tampered payload", parts[0] + "." + flip(parts[1]) + "." + parts[2]);
        invalid.put("tampered signature", parts[0] + "." + parts[1] + "." + flip(parts[2]));
        invalid.put("truncated", good.substring(0, good.length() - 5));
        invalid.put("no signature", parts[0] + "." + parts[1] + ".");
        invalid.put("alg none", b64("{\"alg\":\"none\"}") + "." + parts[1] + ".");
        invalid.put("alg HS512 with the same claims", signed(JWSAlgorithm.HS512, settings.preview().key(), parts[1]));
        invalid.put("RS256 header", b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]);
        invalid.put("another secret", new PreviewTokens(otherKey, clock).item("news", "content/news/draft-story.md", Duration.ofDays(1)));
        invalid.put("an as-of link", tokens.asOf(LAUNCH, Duration.ofDays(1)));
        invalid.put("garbage", "not-a-token");
        invalid.put("huge", "a".repeat(20_000));
        invalid.put("injection", "%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        invalid.forEach((name, token) -> {
            Response response = site.get("/preview/" + token);
            assertThat(response.status()).as(name).isEqualTo(403);
            assertThat(response.page().select("h1").text()).as(name).isEqualTo("This preview link is not valid");
            assertThat(response.raw().body()).as(name).doesNotContain("Secret Draft Story").doesNotContain("Draft body words");
            assertThat(response.header("Cache-Control")).as(name).isEqualTo("private, no-store");
            assertThat(response.page().select("meta[name=robots]").attr("content")).as(name).isEqualTo("noindex");
        });

        Response itemAsAsOf = site.get("/preview/as-of/" + good);
        assertThat(itemAsAsOf.status()).isEqualTo(403);
        assertThat(itemAsAsOf.header("Set-Cookie")).isNull();
    }

    @Test
    void an_expired_link_says_so_and_a_link_to_a_deleted_page_is_404() throws Exception {
        MutableClock earlier = new MutableClock(START.minus(Duration.ofDays(2)));
        String expired = "/preview/" + new PreviewTokens(settings.preview().key(), earlier).item("news", "content/news/draft-story.md", Duration.ofDays(1));
        Response response = site.get(expired);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.page().select("h1").text()).isEqualTo("This preview link has expired");
        assertThat(response.text()).contains("Ask for a new one").doesNotContain("Secret Draft Story");

        Response gone = site.get(itemLink("news", "content/news/no-such-story.md"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.page().select("h1").text()).isEqualTo("This page is no longer there");
        assertThat(site.get(itemLink("events", "content/events/x.md")).status()).isEqualTo(404);
    }

    @Test
    void as_of_a_later_time_the_whole_site_shows_what_will_be_published_until_exit() {
        // The public pages first, so that they are in the page cache when the preview asks for the same addresses.
        assertThat(site.get("/news").text()).doesNotContain("Launch Day Story");
        assertThat(site.get("/programs").text()).doesNotContain("Neurology Residency");

        Response open = site.get("/preview/as-of/" + tokens.asOf(LAUNCH, Duration.ofDays(2)));
        assertThat(open.status()).isEqualTo(303);
        assertThat(open.header("Location")).isEqualTo("/");
        String setCookie = open.header("Set-Cookie");
        assertThat(setCookie).startsWith("gme-preview=").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        Response news = site.get("/news", "Cookie", cookie);
        assertThat(news.status()).isEqualTo(200);
        assertPrivateAndUnindexed(news);
        assertThat(news.text()).contains("Launch Day Story").doesNotContain("Secret Draft Story");
        Element banner = banner(news.page());
        assertThat(banner.select("h2").text()).isEqualTo("Site as of 9:00 AM on Tuesday, December 1, 2026 (CST) — preview");
        assertThat(banner.select("form button").text()).isEqualTo("Exit preview");

        assertThat(site.get("/news/coming-story", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(site.get("/programs", "Cookie", cookie).text()).contains("Neurology Residency");
        assertThat(site.get("/programs/future-neuro", "Cookie", cookie).status()).isEqualTo(200);
        assertThat(site.get("/search?q=neurology", "Cookie", cookie).text()).contains("Neurology Residency");
        assertThat(site.get("/api/v1/search?q=launch", "Cookie", cookie).raw().body()).contains("Launch Day Story");

        // Meanwhile the public sees today's site, from the cache or not.
        Response publicNews = site.get("/news");
        assertThat(publicNews.text()).doesNotContain("Launch Day Story");
        assertThat(publicNews.page().select("section.preview-banner")).isEmpty();
        assertThat(site.get("/programs/future-neuro").status()).isEqualTo(404);

        // Exit: the form's post clears the cookie and goes back to the same page.
        String formToken = news.page().select("section.preview-banner input[name=formToken]").attr("value");
        Response cross = site.post("/preview/exit", Map.of("formToken", "", "path", "/news"),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie, "Sec-Fetch-Site", "cross-site");
        assertThat(cross.status()).isEqualTo(403);
        Response exit = site.post("/preview/exit", Map.of("formToken", formToken, "path", "/news"),
                "Content-Type", "application/x-www-form-urlencoded", "Cookie", cookie);
        assertThat(exit.status()).isEqualTo(303);
        assertThat(exit.header("Location")).isEqualTo("/news");
        assertThat(exit.header("Set-Cookie")).startsWith("gme-preview=;").contains("Expires=Thu, 01 Jan 1970");
        assertThat(site.get("/news").text()).doesNotContain("Launch Day Story");
    }

    @Test
    void a_bad_or_expired_as_of_cookie_is_cleared_and_the_public_site_shown() {
        MutableClock earlier = new MutableClock(START.minus(Duration.ofDays(3)));
        String expired = new PreviewTokens(settings.preview().key(), earlier).asOf(LAUNCH, Duration.ofDays(1));
        for (String value : List.of(expired, "forged", tokens.item("news", "content/news/draft-story.md", Duration.ofDays(1)))) {
            Response news = site.get("/news", "Cookie", "gme-preview=" + value);
            assertThat(news.status()).isEqualTo(200);
            assertThat(news.text()).doesNotContain("Launch Day Story").doesNotContain("Secret Draft Story");
            assertThat(news.page().select("section.preview-banner")).isEmpty();
            assertThat(news.header("Set-Cookie")).startsWith("gme-preview=;");
        }
        Response expiredLink = site.get("/preview/as-of/" + expired);
        assertThat(expiredLink.status()).isEqualTo(403);
        assertThat(expiredLink.page().select("h1").text()).isEqualTo("This preview link has expired");
    }

    @Test
    void the_secret_is_made_once_and_kept_in_the_data_folder() throws Exception {
        Path data = temp.resolve("data");
        PreviewSecret kept = PreviewSecret.from(null, data);
        byte[] first = kept.key();
        assertThat(Files.readString(data.resolve("preview.key")).strip()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PreviewSecret.from("", data).key()).isEqualTo(first);
        assertThat(kept.toString()).doesNotContain(Files.readString(data.resolve("preview.key")).strip());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PreviewSecret.from("short", data))
                .hasMessageContaining("GME_PREVIEW_SECRET must be at least 32 characters");
    }

    private static String flip(String part) {
        char c = part.charAt(part.length() / 2);
        return part.substring(0, part.length() / 2) + (c == 'A' ? 'B' : 'A') + part.substring(part.length() / 2 + 1);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(JWSAlgorithm algorithm, byte[] key, String payload) {
        try {
            byte[] longKey = new byte[64];
            System.arraycopy(key, 0, longKey, 0, key.length);
            System.arraycopy(key, 0, longKey, 32, key.length);
            JWTClaimsSet claims = JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(new MACSigner(algorithm == JWSAlgorithm.HS256 ? key : longKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
