package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The news list pages through stories newest first (fixture site with two stories a page). */
class NewsPagingTest {

    @TempDir
    Path temp;

    @Test
    void news_is_paged_newest_first_with_links_between_pages() {
        ContentFixture content = ContentFixture.minimal(temp)
                .news("one", "2026-01-01", "One")
                .news("two", "2026-02-01", "Two")
                .news("three", "2026-03-01", "Three")
                .news("four", "2026-04-01", "Four")
                .news("five", "2026-05-01", "Five");

        try (TestSite site = TestSite.start(content.dir())) {
            Response first = site.get("/news");
            assertThat(first.page().select("article h2").eachText()).containsExactly("Five", "Four");
            assertThat(first.page().select("a[rel=next]").attr("href")).isEqualTo("/news?page=2");
            assertThat(first.page().select("a[rel=prev]")).isEmpty();
            assertThat(first.text()).contains("Page 1 of 3");

            Response second = site.get("/news?page=2");
            assertThat(second.page().select("article h2").eachText()).containsExactly("Three", "Two");
            assertThat(second.page().select("a[rel=prev]").attr("href")).isEqualTo("/news");
            assertThat(second.page().select("link[rel=canonical]").attr("href")).endsWith("/news?page=2");

            Response last = site.get("/news?page=3");
            assertThat(last.page().select("article h2").eachText()).containsExactly("One");
            assertThat(last.page().select("a[rel=next]")).isEmpty();

            assertThat(site.get("/news?page=4").status()).isEqualTo(404);
            assertThat(site.get("/news?page=0").status()).isEqualTo(404);
        }
    }

    @Test
    void a_story_shows_its_picture_with_its_description_and_a_card_without_one_a_decorative_illustration() {
        ContentFixture content = ContentFixture.minimal(temp)
                .news("plain", "2026-01-01", "Plain")
                .write("news/pictured.md", "---\ntitle: Pictured\ndate: 2026-02-01\nsummary: S.\nimage: /images/skyline.svg\n"
                        + "imageAlt: Towers at sunset\n---\nBody.\n");
        try (TestSite site = TestSite.start(content.dir())) {
            var cards = site.get("/news").page().select("article.card");
            var pictured = cards.get(0).selectFirst("img.card__image");
            assertThat(pictured.attr("alt")).isEqualTo("Towers at sunset");
            assertThat(pictured.attr("src")).matches("/images/skyline\\.[0-9a-f]+\\.svg");
            var plain = cards.get(1).selectFirst("img.card__image");
            assertThat(plain.hasAttr("alt")).isTrue();
            assertThat(plain.attr("alt")).as("decoration is skipped by screen readers").isEmpty();
            for (var img : cards.select("img")) {
                assertThat(img.attr("width")).as("no layout shift").isNotEmpty();
                assertThat(img.attr("height")).isNotEmpty();
            }
            var story = site.get("/news/pictured").page().selectFirst("img.story__image");
            assertThat(story.attr("alt")).isEqualTo("Towers at sunset");
            assertThat(site.get(story.attr("src")).status()).isEqualTo(200);
            assertThat(site.get("/news/plain").page().select("img.story__image")).isEmpty();
        }
    }

    @Test
    void a_page_with_no_stories_says_so() {
        try (TestSite site = TestSite.start(ContentFixture.minimal(temp).dir())) {
            Response news = site.get("/news");
            assertThat(news.status()).isEqualTo(200);
            assertThat(news.text()).contains("No news yet.");
        }
    }
}
