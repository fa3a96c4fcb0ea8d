package edu.rush.gme.web;

import edu.rush.gme.program.ProgramContent;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RealContent;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import edu.rush.gme.page.BasicPage;
import edu.rush.gme.page.HomePage;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import edu.rush.gme.wellness.WellnessInitiative;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page type of the real site, served from the real content/ folder on a random port. Each page
 * is checked against what its content file says, never against today's wording, so editors can
 * change, add and remove pages without failing the build.
 */
class SitePagesTest {

    static final SiteConfig SITE = RealContent.snapshot().site();

    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(RealContent.DIR);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Response ok(String path) {
        Response response = site.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.header("Content-Type")).as(path).startsWith("text/html");
        return response;
    }

    /** The words of a page's Markdown body, as they read on the page. */
    private static String body(Page<?> page) {
        return Jsoup.parse(page.html()).text();
    }

    private static List<String> titles(List<? extends Page<?>> pages) {
        return pages.stream().map(Page::title).toList();
    }

    /** The "Sample" label shows exactly when the content marks the page (or the whole site) as sample text. */
    private static void assertSampleNote(Response response, boolean sample) {
        assertThat(response.page().select(".sample-note").isEmpty()).as("sample note shown").isEqualTo(!sample);
    }

    @Test
    void home_page_shows_the_hero_mission_vision_and_support_from_the_content() {
        Page<HomePage> content = RealContent.snapshot().first(HomePage.TYPE, RealContent.now()).orElseThrow();
        HomePage.Support support = content.data().support();
        Response home = ok("/");
        assertThat(home.page().selectFirst("h1").text()).isEqualTo(content.data().hero().heading());
        assertThat(home.text())
                .contains(content.data().hero().text(), body(content))
                .contains("Our Mission", SITE.mission(), "Our Vision", SITE.vision())
                .contains(support.heading(), support.text());
        assertThat(home.page().select(".stats li").eachText())
                .containsExactlyElementsOf(support.stats().stream().map(stat -> stat.value() + " " + stat.label()).toList());
        var programs = RealContent.snapshot().list(ProgramContent.TYPE, RealContent.now());
        long confirmed = programs.stream().filter(p -> !p.meta().isSample()).count();
        assertThat(home.page().selectFirst(".catalog-count").text()).as("the home page says how the finder counts")
                .startsWith("How this site counts: the program finder lists " + programs.size() + " programs (")
                .contains(confirmed + " of them have facts confirmed from RUSH's public pages");
    }

    @Test
    void home_page_leads_to_the_entry_points() {
        Response home = ok("/");
        assertThat(home.page().select(".entry-points h3 a").eachText())
                .containsExactlyElementsOf(SITE.entryPoints().stream().map(SiteConfig.EntryPoint::title).toList());
        assertThat(home.page().select(".entry-points h3 a").eachAttr("href"))
                .containsExactlyElementsOf(SITE.entryPoints().stream().map(SiteConfig.EntryPoint::url).toList());
    }

    @Test
    void home_page_lists_the_latest_news_and_wellness_stories() {
        Response home = ok("/");
        Element news = home.page().getElementById("news-heading").closest("section");
        assertThat(news.select("h3 a").eachText()).containsExactlyElementsOf(titles(RealContent.news()).stream().limit(3).toList());
        Element wellness = home.page().getElementById("wellness-heading").closest("section");
        assertThat(wellness.select("h3 a").eachText()).containsExactlyElementsOf(titles(RealContent.wellness()).stream().limit(3).toList());
    }

    @Test
    void about_page_has_the_mission_the_vision_and_its_own_text() {
        Page<BasicPage> content = RealContent.snapshot().find(BasicPage.TYPE, "about", RealContent.now()).orElseThrow();
        Response about = ok("/about");
        assertThat(about.page().select("h2").eachText()).contains("Our Mission", "Our Vision");
        assertThat(about.text()).contains(SITE.mission(), SITE.vision(), body(content));
    }

    @Test
    void resources_page_shows_its_title_and_text() {
        Page<BasicPage> content = RealContent.snapshot().find(BasicPage.TYPE, "resources", RealContent.now()).orElseThrow();
        Response resources = ok("/resources");
        assertThat(resources.page().selectFirst("h1").text()).isEqualTo(content.title());
        assertThat(resources.text()).contains(body(content));
        assertSampleNote(resources, content.meta().isSample());
    }

    @Test
    void every_top_level_page_shows_its_text_and_its_sources_and_is_found_by_search_and_the_sitemap() {
        String xml = site.get("/sitemap.xml").raw().body();
        List<String> listed = Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser()).select("url > loc").eachText().stream()
                .map(loc -> loc.replaceFirst("^https?://[^/]+", "")).toList();
        List<Page<BasicPage>> pages = RealContent.snapshot().all(BasicPage.TYPE).stream()
                .filter(p -> p.meta().isVisible(RealContent.now().atZone(SITE.zone()))).toList();
        assertThat(pages).isNotEmpty();
        for (Page<BasicPage> content : pages) {
            Response page = ok(content.url());
            assertThat(page.page().selectFirst("h1").text()).as(content.url()).isEqualTo(content.title());
            assertThat(page.text()).as(content.url()).contains(body(content));
            assertThat(page.page().select(".sources__list a").eachAttr("href")).as(content.url() + " sources")
                    .containsExactlyElementsOf(content.data().sourcesOrEmpty());
            assertThat(listed).as("sitemap").contains(content.url());
            String query = java.net.URLEncoder.encode(content.title(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(site.get("/search?q=" + query + "&kind=page").page().select(".search-results__title a").eachAttr("href"))
                    .as("search for " + content.title()).contains(content.url());
        }
    }

    @Test
    void every_footer_link_leads_to_a_page() {
        Response home = ok("/");
        assertThat(home.page().select("footer nav a").eachAttr("href"))
                .containsExactlyElementsOf(SITE.footerLinks().stream().map(SiteConfig.Link::url).toList());
        for (SiteConfig.Link link : SITE.footerLinks()) {
            assertThat(site.get(link.url()).status()).as(link.url()).isEqualTo(200);
        }
    }

    @Test
    void navigation_follows_site_yaml_and_marks_the_current_section() {
        Response news = ok("/news");
        assertThat(news.page().select("nav.site-nav[aria-label=Main] a").eachText())
                .containsExactlyElementsOf(SITE.navigation().stream().map(SiteConfig.Link::title).toList());
        assertThat(news.page().select("nav.site-nav[aria-label=Main] a[aria-current=page]").eachAttr("href")).containsExactly("/news");
    }

    @Test
    void on_a_phone_the_header_has_a_menu_that_opens_without_javascript_and_search_one_tap_away() {
        for (String path : List.of("/", "/news", "/programs", RealContent.first(ProgramType.FELLOWSHIP).url(), "/nope")) {
            Element header = site.get(path).page().selectFirst("header.site-header");
            // Menu: a details element (the browser opens and closes it), holding the same links as the wide navigation.
            Element menu = header.selectFirst("details.site-menu");
            assertThat(menu).as(path).isNotNull();
            assertThat(menu.hasAttr("open")).as(path).isFalse();
            assertThat(menu.selectFirst("summary").text()).as(path).isEqualTo("Menu");
            assertThat(menu.select("nav[aria-label=Main] a").eachAttr("href")).as(path)
                    .containsExactlyElementsOf(header.select("nav.site-nav a").eachAttr("href"));
            assertThat(menu.select("a[aria-current=page]").eachAttr("href")).as(path)
                    .isEqualTo(header.select("nav.site-nav a[aria-current=page]").eachAttr("href"));
            // Search: a link to the search page, which has its own box; header.js opens the header's box in place instead.
            Element search = header.selectFirst("a.site-header__search-link");
            assertThat(search.attr("href")).as(path).isEqualTo("/search");
            assertThat(search.text()).as(path).isEqualTo("Search");
            assertThat(search.attr("data-opens")).isEqualTo(header.selectFirst("form[role=search]").id());
            assertThat(header.select("svg[aria-hidden=true]")).as(path).hasSize(2);
        }
        assertThat(ok("/search").page().select("main form[role=search] input[name=q]")).hasSize(1);
        assertThat(ok("/").page().select("script[src*=header]")).hasSize(1);
    }

    @Test
    void programs_page_finds_every_program_of_every_type() {
        Response programs = ok("/programs");
        assertThat(programs.page().selectFirst("h1").text()).isEqualTo("Find a program");
        assertThat(titlesOnEveryPage("/programs")).containsExactlyInAnyOrderElementsOf(titles(RealContent.programs()));
        assertThat(programs.page().select("label[for^=f-type-]").eachText()).containsExactlyElementsOf(List.of(ProgramType.values()).stream()
                .filter(type -> !RealContent.programs(type).isEmpty())
                .map(type -> type.listTitle() + " (" + RealContent.programs(type).size() + ")").toList());
    }

    @Test
    void each_program_type_has_its_own_list() {
        for (ProgramType type : ProgramType.values()) {
            Response list = ok("/programs/" + type.key());
            assertThat(list.page().selectFirst("h1").text()).isEqualTo(type.listTitle());
            assertThat(titlesOnEveryPage("/programs/" + type.key())).as(type.key())
                    .containsExactlyInAnyOrderElementsOf(titles(RealContent.programs(type)));
        }
    }

    /** The programs a finder list shows over all its pages, following its "More programs" links. */
    private static List<String> titlesOnEveryPage(String path) {
        List<String> titles = new java.util.ArrayList<>();
        String next = path;
        for (int page = 1; next != null; page++) {
            org.jsoup.nodes.Document list = ok(next).page();
            titles.addAll(list.select(".results .card__title").eachText());
            org.jsoup.nodes.Element more = list.selectFirst(".pager a[rel=next]");
            next = more == null ? null : more.attr("href");
            assertThat(page).as("pages of " + path).isLessThan(50);
        }
        return titles;
    }

    @Test
    void program_page_shows_title_type_specialty_summary_facts_and_body() {
        Page<Program> content = RealContent.first(ProgramType.RESIDENCY);
        Response program = ok(content.url());
        assertThat(program.page().selectFirst("h1").text()).isEqualTo(content.title());
        assertThat(program.text()).contains(content.data().type().label(), content.data().specialty(), content.data().summary(), body(content));
        assertThat(program.page().selectFirst(".program__head .kicker").text()).isEqualTo(content.data().type().label());
        assertThat(program.page().select(".facts dt").eachText())
                .startsWith("Specialty", "Department", "Training sites", "Length", "Positions per year");
        assertSampleNote(program, content.meta().isSample() || Boolean.TRUE.equals(SITE.sampleContent()));
    }

    @Test
    void news_lists_the_stories_newest_first_with_their_teasers() {
        List<Page<NewsStory>> stories = RealContent.news().stream().limit(SITE.newsPageSize()).toList();
        Response news = ok("/news");
        assertThat(news.page().select("article h2").eachText()).containsExactlyElementsOf(titles(stories));
        assertThat(news.text()).contains(stories.stream().map(story -> story.data().summary()).toList());
    }

    @Test
    void story_page_shows_headline_date_teaser_body_and_a_sample_label() {
        Page<NewsStory> content = RealContent.newestStory();
        Response story = ok(content.url());
        assertThat(story.page().selectFirst("h1").text()).isEqualTo(content.title());
        assertThat(story.page().selectFirst("time").attr("datetime")).isEqualTo(content.meta().date().toString());
        assertThat(story.text()).contains(content.data().summary(), body(content));
        assertSampleNote(story, content.meta().isSample());
    }

    @Test
    void wellness_lists_every_initiative_in_order() {
        List<Page<WellnessInitiative>> initiatives = RealContent.wellness();
        Response wellness = ok("/wellness");
        assertThat(wellness.page().select("article h2").eachText()).containsExactlyElementsOf(titles(initiatives));
        assertThat(wellness.text()).contains(initiatives.get(0).data().summary());
    }

    @Test
    void wellness_page_shows_its_sections() {
        Page<WellnessInitiative> content = RealContent.firstInitiative();
        Response page = ok(content.url());
        assertThat(page.page().selectFirst("h1").text()).isEqualTo(content.title());
        assertThat(page.page().select("h2").eachText()).containsAll(Jsoup.parse(content.html()).select("h2").eachText());
    }

    @Test
    void unknown_paths_get_the_styled_not_found_page() {
        for (String path : List.of("/nope", "/programs/nope", "/news/nope", "/wellness/nope", "/news?page=99", "/news?page=abc", "/a/b/c")) {
            Response response = site.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.page().selectFirst("h1").text()).as(path).isEqualTo("Page not found");
            assertThat(response.page().select("header.site-header")).as(path).isNotEmpty();
        }
    }

    @Test
    void a_trailing_slash_redirects_to_the_canonical_address() {
        Response response = site.get("/about/");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/about");
    }

    @Test
    void every_page_has_one_h1_a_title_a_canonical_link_a_skip_link_and_landmarks() {
        for (String path : List.of("/", "/about", "/resources", "/programs", "/programs/residency", RealContent.first(ProgramType.RESIDENCY).url(),
                "/news", RealContent.newestStory().url(), "/wellness", RealContent.firstInitiative().url(), "/nope")) {
            Response response = site.get(path);
            assertThat(response.page().select("h1")).as(path).hasSize(1);
            assertThat(response.page().title()).as(path).isNotBlank();
            assertThat(response.page().select("link[rel=canonical]").attr("href")).as(path).startsWith("http");
            assertThat(response.page().select("a.skip-link[href=#main]")).as(path).hasSize(1);
            assertThat(response.page().select("body > header, body > main#main, body > footer")).as(path).hasSize(3);
            assertThat(response.page().select("script:not([src]):not([type=application/ld+json])")).as(path + " inline script").isEmpty();
            assertThat(response.page().select("script[src]")).as(path).allMatch(s -> s.hasAttr("defer") && s.attr("src").startsWith("/js/"));
        }
    }

    @Test
    void static_files_are_served_with_fingerprinted_addresses_that_never_change() {
        String css = ok("/").page().selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/css/site\\.[0-9a-f]{10}\\.css");
        Response fingerprinted = site.get(css);
        assertThat(fingerprinted.status()).isEqualTo(200);
        assertThat(fingerprinted.header("Content-Type")).startsWith("text/css");
        assertThat(fingerprinted.header("Cache-Control")).contains("immutable");
        assertThat(site.get("/css/site.css").header("Cache-Control")).contains("must-revalidate");
    }
}
