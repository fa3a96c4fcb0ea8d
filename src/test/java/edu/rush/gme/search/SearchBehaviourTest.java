package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search page, its API and its robustness, on a small fixture site whose hits are known. */
class SearchBehaviourTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private ContentFixture corpus() {
        ContentFixture fixture = ContentFixture.finderCatalog(temp)
                .write("synonyms.txt", "peds => pediatrics\nheart => heart, cardiology\n")
                .write("news/cardiology-award.md", "---\ntitle: Cardiology team wins an award\ndate: 2026-05-01\nsummary: A story about the heart team.\n---\nThe cardiology fellows &lt;won&gt; the \"award\" & more.\n")
                .write("about.md", "---\ntitle: About\ndescription: About the office.\n---\nThe office supports pediatrics and every program.\n");
        for (int i = 1; i <= 12; i++) {
            fixture.news("update-" + i, "2026-01-" + String.format("%02d", i), "Program update " + i);
        }
        return fixture;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void results_are_grouped_by_kind_with_counts_and_program_types() {
        try (TestSite site = TestSite.start(corpus().dir())) {
            Document page = site.get("/search?q=heart").page();
            assertThat(page.select(".search-results__title a").eachText()).containsExactly(
                    "Cardiology Fellowship", "Cardiology team wins an award");
            assertThat(page.select("nav[aria-label='Kinds of results'] a").eachText())
                    .containsExactly("All (2)", "Programs (1)", "News (1)", "Other pages (0)");
            assertThat(page.select("nav[aria-label='Program types'] a").eachText())
                    .containsExactly("Residency Programs (0)", "Fellowship Programs (1)", "Allied Health Residency Programs (0)");

            Document news = site.get("/search?q=heart&kind=news").page();
            assertThat(news.select(".search-results__title a").eachText()).containsExactly("Cardiology team wins an award");
        }
    }

    @Test
    void finds_exact_top_hits_for_abbreviations_lay_words_typos_prefixes_and_spellings() {
        try (TestSite site = TestSite.start(corpus().write("synonyms.txt", "peds => pediatrics\nheart => heart, cardiology\n"
                + "gi => gastroenterology\nkids => pediatrics\n").dir())) {
            SearchService search = site.app().search();
            java.util.function.Function<String, String> top = q -> search.search(q, null, null, 1).hits().get(0).url();
            assertThat(top.apply("peds")).isEqualTo("/programs/beta-peds");
            assertThat(top.apply("GI")).isEqualTo("/programs/epsilon-gi");
            assertThat(top.apply("kids")).isEqualTo("/programs/beta-peds");
            assertThat(top.apply("heart")).isEqualTo("/programs/delta-cards");
            assertThat(top.apply("cardiolgy")).isEqualTo("/programs/delta-cards");
            assertThat(top.apply("gastroenterolgy")).isEqualTo("/programs/epsilon-gi");
            assertThat(top.apply("gastro")).isEqualTo("/programs/epsilon-gi");
            assertThat(top.apply("pharm")).isEqualTo("/programs/zeta-pharm");
            assertThat(top.apply("paediatrics")).isEqualTo("/programs/beta-peds");
            assertThat(top.apply("internal medicine")).isEqualTo("/programs/alpha-im");
            assertThat(search.search("cardiology", null, null, 1).hits()).extracting(SearchResults.Hit::kind)
                    .as("programs above news").startsWith("program", "news");
        }
    }

    @Test
    void snippets_are_escaped_text_with_only_mark_as_markup() {
        try (TestSite site = TestSite.start(corpus().dir())) {
            Element snippet = site.get("/search?q=cardiology%20fellows&kind=news").page().selectFirst(".search-results__snippet");
            assertThat(snippet.select("mark").eachText()).as(snippet.outerHtml()).containsExactly("cardiology", "fellows");
            assertThat(snippet.children()).allMatch(child -> child.tagName().equals("mark"));
            assertThat(snippet.text()).contains("<won>", "“award” & more");
        }
    }

    @Test
    void pages_through_many_results() {
        try (TestSite site = TestSite.start(corpus().dir())) {
            Document first = site.get("/search?q=update").page();
            assertThat(first.select(".search-results li")).hasSize(10);
            assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/search?q=update&page=2");
            assertThat(site.get("/search?q=update&page=2").page().select(".search-results li")).hasSize(2);
            assertThat(site.get("/search?q=update&page=3").status()).isEqualTo(404);
        }
    }

    @Test
    void a_page_number_far_past_the_end_is_not_found_not_a_server_error() {
        try (TestSite site = TestSite.start(corpus().dir())) {
            for (String page : List.of("214748365", "300000000", "2147483647", "99999999999")) {
                assertThat(site.get("/search?q=update&page=" + page).status()).as(page).isEqualTo(404);
                Response api = site.get("/api/v1/search?q=update&page=" + page);
                assertThat(api.status()).as(page).isBetween(400, 404);
                assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(site.get("/api/v1/search?q=update&page=3").raw().body()).contains("'page' must be between 1 and 2");
        }
    }

    @Test
    void offers_a_correction_for_a_misspelled_word() {
        try (TestSite site = TestSite.start(corpus().dir())) {
            Document page = site.get("/search?q=gastroenterolgy").page();
            assertThat(page.selectFirst(".did-you-mean").text()).isEqualTo("Did you mean gastroenterology?");
            assertThat(page.selectFirst(".did-you-mean a").attr("href")).isEqualTo("/search?q=gastroenterology");
        }
    }

    @Test
    void hostile_input_gets_results_or_the_empty_state_never_an_error() {
        List<String> hostile = List.of("\"", "title:heart", "heart AND", "(((", "[x TO y]", "*", "?", "~2", "heart~", "pe*",
                "\\", "a:b:c", "+-!^", "'; DROP TABLE programs; --", "<script>alert(1)</script>", "😀 peds 👶", "   ",
                "x".repeat(10_000), "heart ".repeat(2_000), "é", "\u0000\u0001", "ﬁ", "%", "&q=");
        try (TestSite site = TestSite.start(corpus().dir())) {
            for (String text : hostile) {
                Response html = site.get("/search?q=" + q(text));
                assertThat(html.status()).as(text).isEqualTo(200);
                assertThat(html.page().select("main h1").text()).as(text).isEqualTo("Search");
                assertThat(html.page().select("main script")).as(text).isEmpty();
                Response json = site.get("/api/v1/search?q=" + q(text));
                assertThat(json.status()).as(text).isEqualTo(200);
                Response suggest = site.get("/api/v1/search/suggest?q=" + q(text));
                assertThat(suggest.status()).as(text).isEqualTo(200);
            }
            assertThat(site.get("/search").status()).isEqualTo(200);
            assertThat(site.get("/search?q=" + q("😀 peds 👶")).page().select(".search-results__title a").eachText()).contains("Pediatrics Residency");
        }
    }

    @Test
    void an_empty_result_says_so_and_offers_other_ways_in_and_is_counted() {
        try (TestSite site = TestSite.start(corpus().dir())) {
            Document page = site.get("/search?q=" + q("zebra quantum")).page();
            assertThat(page.selectFirst(".empty-state").text()).contains("Nothing on this site matches “zebra quantum”.");
            assertThat(page.select(".empty-state a").eachAttr("href")).contains("/programs", "/news");
            site.get("/search?q=" + q("Zebra   quantum"));
            List<ZeroResultLog.Entry> zero = site.app().search().zeroResults().entries();
            assertThat(zero).hasSize(1);
            assertThat(zero.get(0).query()).isEqualTo("zebra quantum");
            assertThat(zero.get(0).count()).isEqualTo(2);
            assertThat(zero.get(0).lastSeen()).isEqualTo(ContentFixture.CLOCK.instant());
        }
    }

    @Test
    void the_json_api_gives_the_same_results_and_problem_documents_for_bad_parameters() throws Exception {
        try (TestSite site = TestSite.start(corpus().dir())) {
            JsonNode body = JSON.readTree(site.get("/api/v1/search?q=heart&type=fellowship").raw().body());
            assertThat(body.get("total").asInt()).isEqualTo(1);
            assertThat(body.fieldNames()).toIterable().containsExactly("query", "kind", "programType", "hits", "total",
                    "kindCounts", "typeCounts", "page", "totalPages", "didYouMean");
            assertThat(body.at("/hits/0/url").asText()).isEqualTo("/programs/delta-cards");
            assertThat(body.at("/kindCounts/program").asInt()).isEqualTo(1);
            assertThat(body.at("/typeCounts/fellowship").asInt()).isEqualTo(1);

            for (String bad : List.of("page=abc", "page=0", "kind=video", "type=internship")) {
                Response problem = site.get("/api/v1/search?q=heart&" + bad);
                assertThat(problem.status()).as(bad).isEqualTo(400);
                assertThat(problem.header("Content-Type")).as(bad).startsWith("application/problem+json");
                JsonNode doc = JSON.readTree(problem.raw().body());
                assertThat(doc.get("status").asInt()).isEqualTo(400);
                assertThat(doc.get("title").asText()).isEqualTo("Invalid search parameter");
                assertThat(doc.get("detail").asText()).isNotBlank();
            }
        }
    }

    @Test
    void suggests_program_titles_for_what_has_been_typed() throws Exception {
        try (TestSite site = TestSite.start(corpus().dir())) {
            JsonNode body = JSON.readTree(site.get("/api/v1/search/suggest?q=gastro").raw().body());
            assertThat(body.get("suggestions").findValuesAsText("title")).containsExactly("Gastroenterology Fellowship");
            JsonNode two = JSON.readTree(site.get("/api/v1/search/suggest?q=" + q("internal me")).raw().body());
            assertThat(two.get("suggestions").findValuesAsText("url")).containsExactly("/programs/alpha-im");
            assertThat(JSON.readTree(site.get("/api/v1/search/suggest?q=").raw().body()).get("suggestions")).isEmpty();
        }
    }

    @Test
    void every_page_has_the_search_box_in_its_header() {
        try (TestSite site = TestSite.start(corpus().dir())) {
            for (String path : List.of("/", "/programs", "/news", "/about", "/nope")) {
                Element form = site.get(path).page().selectFirst("header form[role=search]");
                assertThat(form).as(path).isNotNull();
                assertThat(form.attr("action")).isEqualTo("/search");
                assertThat(form.select("label[for=site-search-q]").text()).isEqualTo("Search programs and pages");
            }
        }
    }

    @Test
    void a_new_index_replaces_the_old_one_whole_while_searches_go_on() throws Exception {
        ContentFixture content = corpus();
        try (TestSite site = TestSite.start(content.dir())) {
            SearchService search = site.app().search();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<Integer>> searchers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                searchers.add(pool.submit(() -> {
                    int searches = 0;
                    while (running.get()) {
                        long total = search.search("pediatrics", null, null, 1).total();
                        // Before the swap: the residency and the about page; after: also the new fellowship.
                        assertThat(total).isIn(2L, 3L);
                        searches++;
                    }
                    return searches;
                }));
            }
            content.program("omega-neo", "fellowship", "Neonatology", 3, "[]", true, null, false, "virtual", "2026-09-01",
                    "summary2: x".replace("summary2: x", "tags: [pediatrics]"));
            for (int i = 0; i < 5; i++) {
                site.app().store().reload();
                Thread.sleep(50);
            }
            running.set(false);
            for (Future<Integer> f : searchers) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isPositive();
            }
            pool.shutdown();
            assertThat(search.search("pediatrics", null, null, 1).total()).isEqualTo(3);
        }
    }
}
