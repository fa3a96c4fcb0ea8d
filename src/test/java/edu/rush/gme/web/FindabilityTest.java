package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What search engines, feed readers and link previews see. */
class FindabilityTest {

    private static final String BASE = "https://gme.example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static Document xml(Response response) {
        return Jsoup.parse(response.raw().body(), "", Parser.xmlParser());
    }

    @Test
    void the_sitemap_lists_every_visible_page_and_no_hidden_one() {
        ContentFixture content = ContentFixture.minimal(temp)
                .news("public", "2026-01-01", "Public")
                .write("news/hidden.md", "---\ntitle: Hidden\ndate: 2026-01-01\nsummary: S\ndraft: true\n---\n")
                .write("about.md", "---\ntitle: About\n---\n");
        try (TestSite site = TestSite.start(TestSite.settings(content.dir(), BASE))) {
            Response sitemap = site.get("/sitemap.xml");
            assertThat(sitemap.header("Content-Type")).startsWith("application/xml");
            List<String> urls = xml(sitemap).select("url > loc").eachText();
            assertThat(urls).contains(BASE + "/about", BASE + "/news", BASE + "/news/public")
                    .doesNotContain(BASE + "/news/hidden");
            assertThat(xml(sitemap).select("url > lastmod").eachText()).allMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"));
        }
    }

    @Test
    void the_real_sitemap_covers_every_page_type_and_each_url_answers() {
        try (TestSite site = TestSite.start(TestSite.settings(Path.of("content"), BASE))) {
            List<String> urls = xml(site.get("/sitemap.xml")).select("url > loc").eachText();
            assertThat(urls).contains(BASE + "/", BASE + "/about", BASE + "/resources", BASE + "/programs",
                    BASE + "/programs/residency", BASE + "/programs/fellowship", BASE + "/programs/allied-health",
                    BASE + "/programs/internal-medicine", BASE + "/news", BASE + "/news/resident-not-in-waiting",
                    BASE + "/wellness", BASE + "/wellness/peer-support");
            for (String url : urls) {
                assertThat(site.get(url.substring(BASE.length())).status()).as(url).isEqualTo(200);
            }
        }
    }

    @Test
    void robots_txt_allows_crawling_and_points_to_the_sitemap() {
        try (TestSite site = TestSite.start(TestSite.settings(Path.of("content"), BASE))) {
            Response robots = site.get("/robots.txt");
            assertThat(robots.header("Content-Type")).startsWith("text/plain");
            assertThat(robots.raw().body()).contains("User-agent: *", "Allow: /", "Sitemap: " + BASE + "/sitemap.xml");
        }
    }

    @Test
    void news_and_wellness_have_atom_feeds_newest_first() {
        try (TestSite site = TestSite.start(TestSite.settings(Path.of("content"), BASE))) {
            Response news = site.get("/news/feed.xml");
            assertThat(news.header("Content-Type")).startsWith("application/atom+xml");
            Document feed = xml(news);
            assertThat(feed.selectFirst("feed > title").text()).isEqualTo("Graduate Medical Education: News");
            assertThat(feed.select("entry > title").eachText()).containsExactly(
                    "An optimal residency training experience",
                    "RUSH Earns Top 20 Spot on U.S. News Best Hospitals Honor Roll",
                    "An Education in Virtual Recruitment",
                    "Resident Not in Waiting");
            assertThat(feed.selectFirst("entry > id").text()).isEqualTo(BASE + "/news/optimal-residency-training-experience");
            assertThat(feed.selectFirst("entry > summary").text()).isEqualTo("Learn why RUSH is a desired destination for medical residents and fellows.");

            Document wellness = xml(site.get("/wellness/feed.xml"));
            assertThat(wellness.select("entry > title").eachText()).first().isEqualTo("Wellness Initiatives in Graduate Medical Education");

            Document home = site.get("/").page();
            assertThat(home.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                    .containsExactly("/news/feed.xml", "/wellness/feed.xml");
        }
    }

    @Test
    void pages_share_well_with_open_graph_and_twitter_cards() {
        try (TestSite site = TestSite.start(TestSite.settings(Path.of("content"), BASE))) {
            Document story = site.get("/news/resident-not-in-waiting").page();
            assertThat(story.select("meta[property=og:type]").attr("content")).isEqualTo("article");
            assertThat(story.select("meta[property=og:title]").attr("content")).isEqualTo("Resident Not in Waiting");
            assertThat(story.select("meta[property=og:url]").attr("content")).isEqualTo(BASE + "/news/resident-not-in-waiting");
            assertThat(story.select("meta[property=og:description]").attr("content")).startsWith("An interventional radiology resident");
            assertThat(story.select("meta[property=og:image]").attr("content")).matches("https://gme\\.example\\.org/images/share\\.[0-9a-f]{10}\\.png");
            assertThat(story.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
            assertThat(site.get(story.select("meta[property=og:image]").attr("content").substring(BASE.length())).status()).isEqualTo(200);

            for (String path : List.of("/", "/about", "/programs", "/programs/pediatrics", "/news", "/wellness", "/wellness/peer-support")) {
                Document page = site.get(path).page();
                assertThat(page.select("meta[name=description]").attr("content")).as(path).isNotBlank();
                assertThat(page.select("meta[property=og:title]").attr("content")).as(path).isNotBlank();
            }
        }
    }

    @Test
    void structured_data_describes_the_office_programs_and_stories() throws Exception {
        try (TestSite site = TestSite.start(TestSite.settings(Path.of("content"), BASE))) {
            JsonNode office = jsonLd(site.get("/").page());
            assertThat(office.get("@type").asText()).isEqualTo("EducationalOrganization");
            assertThat(office.get("name").asText()).isEqualTo("Graduate Medical Education at RUSH University");

            JsonNode program = jsonLd(site.get("/programs/internal-medicine").page());
            assertThat(program.get("@type").asText()).isEqualTo("EducationalOccupationalProgram");
            assertThat(program.get("name").asText()).isEqualTo("Internal Medicine Residency");
            assertThat(program.get("timeToComplete").asText()).isEqualTo("P3Y");
            assertThat(program.get("url").asText()).isEqualTo(BASE + "/programs/internal-medicine");
            assertThat(program.at("/provider/@type").asText()).isEqualTo("EducationalOrganization");

            JsonNode story = jsonLd(site.get("/news/resident-not-in-waiting").page());
            assertThat(story.get("@type").asText()).isEqualTo("NewsArticle");
            assertThat(story.get("headline").asText()).isEqualTo("Resident Not in Waiting");
            assertThat(story.get("datePublished").asText()).isEqualTo("2026-03-10");
        }
    }

    @Test
    void icons_and_the_manifest_are_served() {
        try (TestSite site = TestSite.start(Path.of("content"))) {
            Document home = site.get("/").page();
            for (String href : home.select("link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]").eachAttr("href")) {
                assertThat(site.get(href).status()).as(href).isEqualTo(200);
            }
            assertThat(site.get("/favicon.ico").header("Content-Type")).isEqualTo("image/x-icon");
        }
    }

    @Test
    void health_and_readiness_answer_for_load_balancers() throws Exception {
        try (TestSite site = TestSite.start(Path.of("content"))) {
            assertThat(site.get("/healthz").raw().body()).isEqualTo("ok");
            Response ready = site.get("/readyz");
            assertThat(ready.status()).isEqualTo(200);
            JsonNode body = JSON.readTree(ready.raw().body());
            assertThat(body.get("status").asText()).isEqualTo("ready");
            assertThat(body.get("contentVersion").asText()).isEqualTo(site.app().store().snapshot().version());
            assertThat(body.get("contentProblems").asInt()).isZero();
        }
    }

    private static JsonNode jsonLd(Document page) throws Exception {
        return JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
    }
}
