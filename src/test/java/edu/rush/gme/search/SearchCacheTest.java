package edu.rush.gme.search;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repeated search is answered from kept results from its second asking on (counted by
 * {@link SearchService#indexSearches()}, never by timing); a question asked once is not kept; a
 * content change or a new day is searched at once; a search that finds nothing is counted every
 * time, kept results or not.
 */
class SearchCacheTest {

    @TempDir
    Path temp;

    private static ContentFixture corpus(Path temp) {
        return ContentFixture.finderCatalog(temp).news("cardiology-award", "2026-10-01", "Cardiology team wins an award");
    }

    @Test
    void a_repeated_search_or_suggestion_is_answered_from_kept_results() {
        try (TestSite site = TestSite.start(corpus(temp).dir())) {
            SearchService search = site.app().search();
            long before = search.indexSearches();

            Response first = site.get("/api/v1/search?q=cardiology");
            assertThat(search.indexSearches()).isEqualTo(before + 1);
            assertThat(site.get("/api/v1/search?q=cardiology").raw().body()).isEqualTo(first.raw().body());
            assertThat(search.indexSearches()).as("asked again: searched again, and kept").isEqualTo(before + 2);
            site.get("/api/v1/search?q=%20cardiology%20");
            assertThat(search.indexSearches()).as("the same question, once normalized").isEqualTo(before + 2);

            Response page = site.get("/search?q=cardiology");
            assertThat(page.text()).contains("Cardiology Fellowship", "Cardiology team wins an award");
            assertThat(search.indexSearches()).as("the page asks what the API asked").isEqualTo(before + 2);
            Response again = site.get("/search?q=cardiology");
            assertThat(again.raw().body()).isEqualTo(page.raw().body());
            assertThat(again.header("ETag")).isEqualTo(page.header("ETag")).isNotNull();

            site.get("/search?q=cardiology&kind=news");
            site.get("/search?q=cardiology&page=1&kind=news");
            site.get("/search?q=cardiology&kind=news");
            assertThat(search.indexSearches()).as("another kind is another question, kept from its second asking").isEqualTo(before + 4);

            site.get("/api/v1/search/suggest?q=card");
            site.get("/api/v1/search/suggest?q=card");
            assertThat(search.indexSearches()).as("suggestions are kept at once").isEqualTo(before + 5);
        }
    }

    @Test
    void a_question_asked_once_is_not_kept() {
        try (TestSite site = TestSite.start(corpus(temp).dir())) {
            SearchService search = site.app().search();
            long before = search.indexSearches();

            Response once = site.get("/search?q=cardiology+award");
            assertThat(once.text()).contains("Cardiology team wins an award");
            Response twice = site.get("/search?q=cardiology+award");
            assertThat(twice.text()).isEqualTo(once.text());
            assertThat(twice.header("ETag")).as("the same answer, kept or not").isEqualTo(once.header("ETag")).isNotNull();
            assertThat(twice.header("Cache-Control")).isEqualTo(once.header("Cache-Control"));
            site.get("/api/v1/search?q=Cardiology+Award");
            assertThat(search.indexSearches()).as("searched on its first and second asking only").isEqualTo(before + 2);
        }
    }

    @Test
    void a_content_change_is_found_by_the_next_search() {
        ContentFixture content = corpus(temp);
        try (TestSite site = TestSite.start(content.dir())) {
            assertThat(site.get("/search?q=cardiology&kind=news").text()).contains("Cardiology team wins an award");
            assertThat(site.get("/search?q=quokka").text()).contains("Nothing on this site matches");

            content.news("cardiology-award", "2026-10-01", "Cardiology quokka joins the team");
            site.app().store().reload();

            assertThat(site.get("/search?q=quokka").text()).contains("Cardiology quokka joins the team");
            assertThat(site.get("/search?q=cardiology&kind=news").text())
                    .contains("Cardiology quokka joins the team").doesNotContain("wins an award");
            assertThat(site.get("/api/v1/search?q=award").raw().body()).doesNotContain("wins an award");
        }
    }

    @Test
    void a_story_published_at_midnight_is_found_the_next_day() {
        ContentFixture content = corpus(temp)
                .write("news/tomorrow.md", "---\ntitle: Wombat research day\ndate: 2026-11-28\nsummary: S\npublishDate: 2026-11-28\n---\n");
        // 23:30 in Chicago on November 27th
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T05:30:00Z"));
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), clock)) {
            assertThat(site.get("/search?q=wombat").text()).doesNotContain("Wombat research day");
            assertThat(site.app().search().search("research", null, null, 1).total()).isZero();

            clock.advance(Duration.ofMinutes(45));

            assertThat(site.get("/search?q=wombat").text()).contains("Wombat research day");
            assertThat(site.app().search().search("research", null, null, 1).total()).isEqualTo(1);
        }
    }

    @Test
    void a_search_that_finds_nothing_is_counted_every_time_though_its_results_are_kept() {
        try (TestSite site = TestSite.start(corpus(temp).dir())) {
            SearchService search = site.app().search();
            long before = search.indexSearches();
            site.get("/search?q=zebra+quantum");
            site.get("/search?q=zebra+quantum");
            site.get("/search?q=zebra++quantum");
            site.get("/api/v1/search?q=zebra+quantum");
            assertThat(search.indexSearches()).as("searched twice, then kept").isEqualTo(before + 2);
            assertThat(search.zeroResults().entries()).singleElement()
                    .satisfies(entry -> assertThat(entry.query()).isEqualTo("zebra quantum"))
                    .satisfies(entry -> assertThat(entry.count()).isEqualTo(4));
        }
    }

    @Test
    void the_same_words_typed_another_way_are_answered_from_kept_results_with_the_query_as_typed() {
        ContentFixture content = corpus(temp);
        try (TestSite site = TestSite.start(content.dir())) {
            SearchService search = site.app().search();
            long before = search.indexSearches();
            Response lower = site.get("/api/v1/search?q=cardiology+award");
            Response upper = site.get("/api/v1/search?q=CARDIOLOGY+Award");
            Response page = site.get("/search?q=Cardiology%20%20AWARD");
            assertThat(search.indexSearches()).as("one question in three spellings, searched twice, then kept").isEqualTo(before + 2);
            assertThat(upper.text()).contains("\"query\":\"CARDIOLOGY Award\"", "Cardiology team wins an award")
                    .isEqualTo(lower.text().replace("\"query\":\"cardiology award\"", "\"query\":\"CARDIOLOGY Award\""));
            assertThat(page.text()).contains("1 result for \u201cCardiology AWARD\u201d", "Cardiology team wins an award");

            content.news("cardiology-award", "2026-10-01", "Cardiology award goes to the quokka team");
            site.app().store().reload();
            assertThat(site.get("/api/v1/search?q=Cardiology+Award").text()).as("a content change is searched at once")
                    .contains("Cardiology award goes to the quokka team").doesNotContain("wins an award");
            assertThat(search.indexSearches()).isEqualTo(before + 3);
        }
    }

    @Test
    void a_search_that_finds_nothing_is_counted_once_per_search_however_it_is_typed() {
        try (TestSite site = TestSite.start(corpus(temp).dir())) {
            SearchService search = site.app().search();
            long before = search.indexSearches();
            site.get("/search?q=Zebra+Quantum");
            site.get("/search?q=zebra+quantum");
            site.get("/api/v1/search?q=ZEBRA+quantum");
            assertThat(search.indexSearches()).as("searched twice, then kept").isEqualTo(before + 2);
            assertThat(search.zeroResults().entries().stream().mapToLong(ZeroResultLog.Entry::count).sum())
                    .as("each search counted once").isEqualTo(3);
        }
    }
}
