package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.TestSite.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever staff type into front matter is shown as text; only sanitized Markdown is HTML. */
class EscapingTest {

    @TempDir
    Path temp;

    @Test
    void markup_in_front_matter_and_body_never_reaches_the_page_as_script() {
        ContentFixture content = ContentFixture.minimal(temp).write("news/xss.md", """
                ---
                title: "<script>alert('t')</script> Title"
                date: 2026-01-01
                summary: "<img src=x onerror=alert(1)> Summary"
                ---
                <script>alert('body')</script>

                Body <b onclick="alert(1)">bold</b>
                """);

        try (TestSite site = TestSite.start(content.dir())) {
            Response story = site.get("/news/xss");
            assertThat(story.status()).isEqualTo(200);
            assertThat(story.page().select("script:not([src]):not([type=application/ld+json])")).isEmpty();
            assertThat(story.page().select("script[type=application/ld+json]")).hasSize(1);
            assertThat(story.raw().body()).contains("\\u003cscript>alert('t')\\u003c/script> Title");
            assertThat(story.raw().body().split("</script>", -1)).as("no text closes a script block early")
                    .hasSize(story.page().select("script").size() + 1);
            assertThat(story.page().select("[onerror], [onclick]")).isEmpty();
            assertThat(story.page().selectFirst("h1").text()).isEqualTo("<script>alert('t')</script> Title");
            assertThat(story.text()).contains("<img src=x onerror=alert(1)> Summary").contains("Body bold");

            // A page without a body shows its summary as the snippet: still text, never markup.
            content.write("news/no-body.md", "---\ntitle: No body\ndate: 2026-01-02\nsummary: \"<img src=x onerror=alert(1)> Summary\"\n---\n");
            site.app().store().reload();
            Response search = site.get("/search?q=" + java.net.URLEncoder.encode("no body", java.nio.charset.StandardCharsets.UTF_8));
            assertThat(search.page().select(".search-results__snippet img, .search-results__snippet [onerror]")).isEmpty();
            assertThat(search.page().select(".search-results__snippet").text()).contains("<img src=x onerror=alert(1)> Summary");
        }
    }

    @Test
    void markup_in_site_yaml_is_text_in_the_header_the_navigation_and_the_footer_of_every_page() {
        ContentFixture content = ContentFixture.minimal(temp).news("story", "2026-01-01", "A story").write("site.yaml", """
                name: "<img src=x onerror=alert(1)> GME & Co's"
                organization: "<b onclick=alert(2)>Test</b> University"
                timeZone: America/Chicago
                mission: Test mission.
                vision: Test vision.
                navigation:
                  - title: "<script>alert(3)</script> News"
                    url: /news
                footerLinks:
                  - title: "<i onclick=alert(4)>Apply</i>"
                    url: /news
                """);
        try (TestSite site = TestSite.start(content.dir())) {
            for (String path : java.util.List.of("/news", "/news", "/", "/search?q=story", "/nope")) {
                Response page = site.get(path);
                assertThat(page.page().select("[onerror], [onclick], header script, footer script, header img, footer i")).as(path).isEmpty();
                assertThat(page.page().select("header .brand__name").text()).as(path).isEqualTo("<img src=x onerror=alert(1)> GME & Co's");
                assertThat(page.page().select("nav.site-nav a").text()).as(path).isEqualTo("<script>alert(3)</script> News");
                assertThat(page.page().select("footer").text()).as(path).contains("<i onclick=alert(4)>Apply</i>", "<b onclick=alert(2)>Test</b> University");
            }
        }
    }
}
