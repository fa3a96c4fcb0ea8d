package edu.rush.gme.api;

import static edu.rush.gme.api.ApiSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content API as another front end uses it: the site, lists with paging, items, caching, and refusals. */
class ContentApiTest {

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

    static JsonNode ok(String path) {
        Response response = site.get(path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        return json(response);
    }

    static List<String> slugs(JsonNode list) {
        List<String> slugs = new ArrayList<>();
        list.get("items").forEach(item -> slugs.add(item.get("slug").asText()));
        return slugs;
    }

    @Test
    void the_site_gives_its_name_contacts_navigation_mission_and_vision() {
        JsonNode body = ok("/api/v1/site");
        assertThat(body.get("name").asText()).isEqualTo("Test GME");
        assertThat(body.get("mission").asText()).isEqualTo("Test mission.");
        assertThat(body.get("vision").asText()).isEqualTo("Test vision.");
        assertThat(body.at("/contact/email").asText()).isEqualTo("gme-office@example.org");
        assertThat(body.at("/navigation/0/url").asText()).isEqualTo("https://gme.example.edu/news");
        assertThat(body.at("/types/2/list").asText()).isEqualTo("https://gme.example.edu/api/v1/programs");
    }

    @Test
    void a_news_story_carries_its_fields_typed_its_body_summary_url_and_update_time() {
        JsonNode story = ok("/api/v1/news/new-fellowship");
        assertThat(story.get("type").asText()).isEqualTo("news");
        assertThat(story.get("slug").asText()).isEqualTo("new-fellowship");
        assertThat(story.get("url").asText()).isEqualTo("https://gme.example.edu/news/new-fellowship");
        assertThat(story.get("title").asText()).isEqualTo("New Fellowship");
        assertThat(story.get("date").asText()).isEqualTo("2026-09-15");
        assertThat(story.get("summary").asText()).isEqualTo("Summary of New Fellowship.");
        assertThat(story.get("html").asText()).isEqualTo("<p>Body of New Fellowship.</p>");
        // The file's time, in Chicago's offset (CST in November).
        assertThat(story.get("updated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[56]:00");
        assertThat(story.has("image")).as("missing fields are left out").isFalse();
    }

    @Test
    void a_program_carries_its_nested_facts_with_enums_by_their_front_matter_keys() {
        JsonNode program = ok("/api/v1/programs/alpha-im");
        assertThat(program.get("type").asText()).isEqualTo("programs");
        assertThat(program.get("programType").asText()).isEqualTo("residency");
        assertThat(program.get("lengthYears").asInt()).isEqualTo(3);
        assertThat(program.at("/visas/1").asText()).isEqualTo("H-1B");
        assertThat(program.at("/interviews/format").asText()).isEqualTo("virtual");
        assertThat(program.at("/application/system").asText()).isEqualTo("ERAS");
        assertThat(program.at("/application/deadline").asText()).isEqualTo("2026-10-15");
        assertThat(program.at("/requirements/comlex").asBoolean()).isTrue();
    }

    @Test
    void the_sanitized_body_is_served_never_a_script() {
        JsonNode about = ok("/api/v1/pages/about");
        assertThat(about.get("html").asText()).contains("<strong>body</strong>").doesNotContain("<script");
        assertThat(about.get("layout").asText()).isEqualTo("about");
        JsonNode home = ok("/api/v1/home/index");
        assertThat(home.at("/hero/heading").asText()).isEqualTo("Train with us");
        assertThat(home.get("url").asText()).isEqualTo("https://gme.example.edu/");
    }

    @Test
    void every_registered_type_has_a_list() {
        for (String type : List.of("home", "pages", "programs", "news", "wellness")) {
            JsonNode list = ok("/api/v1/" + type);
            assertThat(list.get("total").asInt()).as(type).isPositive();
            assertThat(list.get("items").size()).as(type).isEqualTo(list.get("total").asInt());
        }
    }

    @Test
    void drafts_and_future_items_are_never_listed_nor_served() {
        JsonNode news = ok("/api/v1/news");
        assertThat(slugs(news)).containsExactly("open-house", "wellness-week", "new-fellowship", "match-day");
        assertThat(news.toString()).doesNotContain("Secret");
        assertThat(site.get("/api/v1/news/coming-soon").status()).isEqualTo(404);
        assertThat(site.get("/api/v1/news/half-done").status()).isEqualTo(404);
        assertThat(site.get("/api/v1/programs/draft-derm").status()).isEqualTo(404);
        assertThat(slugs(ok("/api/v1/programs?size=100"))).doesNotContain("draft-derm").hasSize(6);
    }

    @Test
    void a_list_is_paged_with_links_in_the_body_and_the_link_header() {
        Response response = site.get("/api/v1/news?size=1&page=2");
        JsonNode body = json(response);
        assertThat(body.get("total").asInt()).isEqualTo(4);
        assertThat(body.get("page").asInt()).isEqualTo(2);
        assertThat(body.get("size").asInt()).isEqualTo(1);
        assertThat(slugs(body)).containsExactly("wellness-week");
        String base = "https://gme.example.edu/api/v1/news?size=1&page=";
        assertThat(body.at("/links/self").asText()).isEqualTo(base + 2);
        assertThat(body.at("/links/first").asText()).isEqualTo(base + 1);
        assertThat(body.at("/links/prev").asText()).isEqualTo(base + 1);
        assertThat(body.at("/links/next").asText()).isEqualTo(base + 3);
        assertThat(body.at("/links/last").asText()).isEqualTo(base + 4);
        assertThat(response.header("Link")).isEqualTo("<" + base + "2>; rel=\"self\", <" + base + "1>; rel=\"first\", <" + base
                + "1>; rel=\"prev\", <" + base + "3>; rel=\"next\", <" + base + "4>; rel=\"last\"");
        JsonNode first = ok("/api/v1/news?size=1");
        assertThat(first.get("links").has("prev")).isFalse();
        assertThat(ok("/api/v1/news").get("size").asInt()).isEqualTo(20);
    }

    @Test
    void the_link_header_comes_back_with_a_cached_answer() {
        Response first = site.get("/api/v1/wellness?size=1");
        Response second = site.get("/api/v1/wellness?size=1");
        assertThat(second.raw().body()).isEqualTo(first.raw().body());
        assertThat(second.header("Link")).isEqualTo(first.header("Link")).contains("rel=\"self\"");
        assertThat(second.header("Cache-Control")).isEqualTo("public, max-age=60");
    }

    @Test
    void every_answer_has_a_strong_etag_and_a_repeat_gets_304() {
        for (String path : List.of("/api/v1/site", "/api/v1/news", "/api/v1/news/match-day", "/api/v1/programs?type=residency")) {
            Response first = site.get(path);
            String etag = first.header("ETag");
            assertThat(etag).as(path).matches("\"[0-9a-f]{24}\"");
            assertThat(first.header("Cache-Control")).as(path).isEqualTo("public, max-age=60");
            Response again = site.get(path, "If-None-Match", etag);
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.raw().body()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(etag);
            assertThat(site.get(path, "If-None-Match", "\"other\"").status()).isEqualTo(200);
        }
    }

    static JsonNode problem(String path, int status, String parameter) {
        Response response = site.get(path);
        assertThat(response.status()).as(path + ": " + response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        if (parameter != null) {
            assertThat(body.get("parameter").asText()).as(path).isEqualTo(parameter);
        }
        return body;
    }

    @Test
    void unknown_types_and_slugs_are_problems_that_say_what_exists() {
        assertThat(problem("/api/v1/podcasts", 404, "type").get("detail").asText()).contains("home, pages, programs, news, wellness, events");
        assertThat(problem("/api/v1/podcasts/episode-one", 404, "type").get("detail").asText()).contains("programs");
        assertThat(problem("/api/v1/news/nope", 404, "slug").get("detail").asText()).contains("no news story 'nope'");
    }

    @Test
    void bad_paging_values_are_refused_naming_the_parameter() {
        problem("/api/v1/news?page=0", 400, "page");
        problem("/api/v1/news?page=-1", 400, "page");
        problem("/api/v1/news?page=abc", 400, "page");
        problem("/api/v1/news?page=99999999999999999999", 400, "page");
        problem("/api/v1/news?page=1e3", 400, "page");
        problem("/api/v1/news?page=", 400, "page");
        problem("/api/v1/news?page=1&page=2", 400, "page");
        problem("/api/v1/news?page=9", 404, "page");
        problem("/api/v1/news?size=0", 400, "size");
        problem("/api/v1/news?size=101", 400, "size");
        problem("/api/v1/news?size=1000", 400, "size");
        problem("/api/v1/news?size=%27%20OR%201=1--", 400, "size");
        problem("/api/v1/news?limit=5", 400, "limit");
        problem("/api/v1/news/match-day?page=1", 400, "page");
        problem("/api/v1/site?x=1", 400, "x");
    }

    @Test
    void the_reference_page_explains_every_type_in_the_sites_layout() {
        org.jsoup.nodes.Document page = site.page("/api");
        assertThat(page.select("h1").text()).isEqualTo("Content API");
        assertThat(page.select("header").size()).as("the site's header").isPositive();
        assertThat(page.select("h2").eachText()).contains("The site", "Home", "Pages", "Programs", "News", "Wellness");
        assertThat(page.select("a[href=/api/v1/openapi.json]")).isNotEmpty();
        assertThat(page.select("a[href=/api/v1/schemas/programs]")).isNotEmpty();
        assertThat(page.select("#type-programs ~ table, section[aria-labelledby=type-programs] table th[scope=row]").eachText())
                .contains("visa", "specialty", "window", "sort", "fields");
        assertThat(page.text()).contains("one of J-1, H-1B").contains("one of title, positions, length, deadline");
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(site.get("/api").header("Content-Security-Policy")).startsWith("default-src 'self'");
    }
}
