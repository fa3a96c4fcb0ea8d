package edu.rush.gme.api;

import static edu.rush.gme.api.ApiSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached answer follows the content: an edit or a publish date reached gives a new body and ETag, never the old one. */
class ApiFreshnessTest {

    @TempDir
    Path temp;

    static List<String> slugs(Response response) {
        List<String> slugs = new ArrayList<>();
        json(response).get("items").forEach(item -> slugs.add(item.get("slug").asText()));
        return slugs;
    }

    @Test
    void an_edit_and_a_publish_date_change_the_answer_and_its_etag() {
        ContentFixture content = ApiSite.content(temp);
        MutableClock clock = new MutableClock(ContentFixture.CLOCK.instant());
        try (TestSite site = TestSite.start(TestSite.settings(content.dir(), ApiSite.BASE_URL), clock)) {
            Response before = site.get("/api/v1/news");
            String etag = before.header("ETag");
            assertThat(site.get("/api/v1/news", "If-None-Match", etag).status()).isEqualTo(304);

            content.news("new-story", "2026-11-25", "New Story");
            site.app().store().reload();
            Response edited = site.get("/api/v1/news", "If-None-Match", etag);
            assertThat(edited.status()).isEqualTo(200);
            assertThat(edited.header("ETag")).isNotEqualTo(etag);
            assertThat(slugs(edited)).startsWith("new-story");

            // 'Coming Soon' is published on 2026-12-01 (Chicago): four days later it is listed and served.
            assertThat(site.get("/api/v1/news/coming-soon").status()).isEqualTo(404);
            clock.advance(Duration.ofDays(4));
            Response later = site.get("/api/v1/news", "If-None-Match", edited.header("ETag"));
            assertThat(later.status()).isEqualTo(200);
            assertThat(slugs(later)).startsWith("coming-soon");
            assertThat(site.get("/api/v1/news/coming-soon").status()).isEqualTo(200);
            assertThat(later.raw().body()).doesNotContain("Secret draft");
        }
    }
}
