package edu.rush.gme.web;

import edu.rush.gme.program.ProgramContent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.RealContent;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import edu.rush.gme.content.Page;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What search engines, feed readers and link previews see, on the real site and its pages of today. */
class FindabilityTest {

    private static final String BASE = "https://gme.example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The real site at a public HTTPS address. */
    static TestSite real;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        real = TestSite.start(TestSite.monitored(TestSite.settings(RealContent.DIR, BASE)));
    }

    @AfterAll
    static void stop() {
        real.close();
    }

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
    void the_real_sitemap_lists_every_visible_page_and_each_url_answers() {
        List<String> urls = xml(real.get("/sitemap.xml")).select("url > loc").eachText();
        assertThat(urls).contains(BASE + "/", BASE + "/programs", BASE + "/programs/residency", BASE + "/programs/fellowship",
                BASE + "/programs/allied-health", BASE + "/news", BASE + "/wellness");
        assertThat(urls).containsAll(RealContent.snapshot().allVisible(RealContent.now()).stream().map(page -> BASE + page.url()).toList());
        for (String url : urls) {
            assertThat(real.get(url.substring(BASE.length())).status()).as(url).isEqualTo(200);
        }
    }

    @Test
    void robots_txt_allows_crawling_and_points_to_the_sitemap() {
        Response robots = real.get("/robots.txt");
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        assertThat(robots.raw().body()).contains("User-agent: *", "Allow: /", "Sitemap: " + BASE + "/sitemap.xml");
    }

    @Test
    void news_and_wellness_have_atom_feeds_newest_first() {
        Response news = real.get("/news/feed.xml");
        assertThat(news.header("Content-Type")).startsWith("application/atom+xml");
        Document feed = xml(news);
        assertThat(feed.selectFirst("feed > title").text()).isEqualTo(RealContent.snapshot().site().name() + ": News");
        assertThat(feed.select("entry > title").eachText())
                .containsExactlyElementsOf(RealContent.news().stream().limit(20).map(Page::title).toList());
        Page<NewsStory> newest = RealContent.newestStory();
        assertThat(feed.selectFirst("entry > id").text()).isEqualTo(BASE + newest.url());
        assertThat(feed.selectFirst("entry > summary").text()).isEqualTo(newest.data().summary());

        Document wellness = xml(real.get("/wellness/feed.xml"));
        assertThat(wellness.select("entry > title").eachText()).first().isEqualTo(RealContent.firstInitiative().title());

        Document home = real.get("/").page();
        assertThat(home.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .containsExactly("/news/feed.xml", "/wellness/feed.xml");
    }

    @Test
    void pages_share_well_with_open_graph_and_twitter_cards() {
        Page<NewsStory> newest = RealContent.newestStory();
        Document story = real.get(newest.url()).page();
        assertThat(story.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(story.select("meta[property=og:title]").attr("content")).isEqualTo(newest.title());
        assertThat(story.select("meta[property=og:url]").attr("content")).isEqualTo(BASE + newest.url());
        assertThat(story.select("meta[property=og:description]").attr("content")).isEqualTo(newest.data().summary());
        assertThat(story.select("meta[property=og:image]").attr("content")).matches("https://gme\\.example\\.org/images/share\\.[0-9a-f]{10}\\.png");
        assertThat(story.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(real.get(story.select("meta[property=og:image]").attr("content").substring(BASE.length())).status()).isEqualTo(200);

        for (String path : List.of("/", "/about", "/programs", RealContent.first(ProgramType.RESIDENCY).url(), "/news", "/wellness",
                RealContent.firstInitiative().url())) {
            Document page = real.get(path).page();
            assertThat(page.select("meta[name=description]").attr("content")).as(path).isNotBlank();
            assertThat(page.select("meta[property=og:title]").attr("content")).as(path).isNotBlank();
        }
    }

    @Test
    void structured_data_describes_the_office_programs_and_stories() throws Exception {
        var site = RealContent.snapshot().site();
        JsonNode office = jsonLd(real.get("/").page());
        assertThat(office.get("@type").asText()).isEqualTo("EducationalOrganization");
        assertThat(office.get("name").asText()).isEqualTo(site.name() + (site.organization() == null ? "" : " at " + site.organization()));

        Page<Program> content = RealContent.programs().stream().filter(p -> p.data().lengthYears() != null).findFirst().orElseThrow();
        JsonNode program = jsonLd(real.get(content.url()).page());
        assertThat(program.get("@type").asText()).isEqualTo("EducationalOccupationalProgram");
        assertThat(program.get("name").asText()).isEqualTo(content.title());
        assertThat(program.get("timeToComplete").asText()).isEqualTo("P" + content.data().lengthYears() + "Y");
        assertThat(program.get("url").asText()).isEqualTo(BASE + content.url());
        assertThat(program.at("/provider/@type").asText()).isEqualTo("EducationalOrganization");

        Page<NewsStory> newest = RealContent.newestStory();
        JsonNode story = jsonLd(real.get(newest.url()).page());
        assertThat(story.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(story.get("headline").asText()).isEqualTo(newest.title());
        assertThat(story.get("datePublished").asText()).isEqualTo(newest.meta().date().toString());
    }

    @Test
    void icons_and_the_manifest_are_served() {
        Document home = real.get("/").page();
        for (String href : home.select("link[rel=icon], link[rel=apple-touch-icon], link[rel=manifest]").eachAttr("href")) {
            assertThat(real.get(href).status()).as(href).isEqualTo(200);
        }
        assertThat(real.get("/favicon.ico").header("Content-Type")).isEqualTo("image/x-icon");
    }

    @Test
    void health_and_readiness_answer_for_load_balancers() throws Exception {
        assertThat(real.get("/healthz").raw().body()).isEqualTo("ok");
        // In public, the status only; with the metrics token, what monitoring wants to know.
        assertThat(real.get("/readyz").raw().body()).isEqualTo("{\"status\":\"ready\"}");
        Response ready = real.monitor("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.raw().body());
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.get("contentVersion").asText()).isEqualTo(real.app().store().snapshot().version());
        assertThat(body.get("contentProblems").asInt()).isZero();
    }

    private static JsonNode jsonLd(Document page) throws Exception {
        return JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
    }
}
