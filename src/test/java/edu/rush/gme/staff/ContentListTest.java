package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content list: every file with its status, filtered by type, status and words, a hundred at a time. */
class ContentListTest {

    @TempDir
    Path temp;

    private TestSite site;
    private String editor;

    @BeforeEach
    void start() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/coming.md", "---\ntitle: Coming story\ndate: 2026-11-20\nsummary: S.\npublishDate: 2026-12-24T09:00\n---\nSoon.\n")
                .write("news/unfinished.md", "---\ntitle: Unfinished story\ndate: 2026-11-21\nsummary: S.\ndraft: true\n---\nNot yet.\n")
                .write("news/gone.md", "---\ntitle: Gone story\ndate: 2026-11-01\nsummary: S.\nexpiryDate: 2026-11-15\n---\nOld.\n")
                .write("news/broken.md", "---\ntitle: Broken story\ndate: 2026-13-01\nsummary: S.\n---\nBad date.\n");
        for (int i = 0; i < 120; i++) {
            content.news(String.format("story-%03d", i), "2026-10-01", String.format("Story number %03d", i));
        }
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        site = TestSite.start(settings, new MutableClock(Instant.parse("2026-11-30T16:00:00Z")));
        StaffService staff = site.app().services().staff();
        staff.setPassword(staff.addOrReset("editor@example.org", Role.EDITOR, List.of(), "test"), StaffSignInTest.PASSWORD, null);
        String cookie = site.post("/admin/sign-in", Map.of("email", "editor@example.org", "password", StaffSignInTest.PASSWORD)).header("Set-Cookie");
        editor = cookie.substring("gme_staff=".length(), cookie.indexOf(';'));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private TestSite.Response get(String path) {
        return site.get(path, "Cookie", "gme_staff=" + editor);
    }

    private static List<String> cells(Document page, int column) {
        return page.select("tbody tr").stream().map(row -> row.select("td").get(column).text()).toList();
    }

    @Test
    void every_file_shows_with_its_status_and_the_filters_narrow_it() {
        Document all = get("/admin/content").page();
        assertThat(all.select("caption").text()).matches("\\d+ of \\d+ files, page 1 of 2");
        assertThat(all.select("tbody tr")).hasSize(ContentIndex.PAGE_SIZE);

        Document unpublished = get("/admin/content?type=news&q=story&status=draft").page();
        assertThat(cells(unpublished, 0)).containsExactly("Unfinished story");
        assertThat(cells(get("/admin/content?status=scheduled").page(), 0)).containsExactly("Coming story");
        assertThat(cells(get("/admin/content?status=expired").page(), 0)).containsExactly("Gone story");
        Document broken = get("/admin/content?status=error").page();
        assertThat(cells(broken, 3)).containsExactly("content/news/broken.md");
        assertThat(cells(broken, 2).get(0)).startsWith("Has a problem").contains("3:");
        assertThat(cells(get("/admin/content?q=number+119").page(), 0)).containsExactly("Story number 119");

        Document second = get("/admin/content?type=news&status=published&page=2").page();
        assertThat(second.select("caption").text()).isEqualTo("120 of " + all.select("caption").text().split(" of ")[1].split(" ")[0] + " files, page 2 of 2");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/admin/content?type=news&status=published&q=&page=1");
        assertThat(second.select("tbody tr")).hasSize(20);
    }

    @Test
    void a_filter_it_cannot_read_is_named_and_the_whole_list_shown() {
        TestSite.Response answer = get("/admin/content?type=recipes&status=lost&page=x");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.page().select(".error-summary").text())
                .contains("There is no content type 'recipes'", "There is no status 'lost'", "'page' must be a page number");
        assertThat(answer.page().select("tbody tr")).hasSize(ContentIndex.PAGE_SIZE);
    }
}
