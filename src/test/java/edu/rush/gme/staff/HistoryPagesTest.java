package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history and trash pages as staff use them over a content folder that is a git repository:
 * the versions of a story with who and when, the difference to the current text, a publisher's
 * restore that the public page shows at once, the trash, and file names that try to leave the
 * content folder answered with a 400 page that says why.
 */
class HistoryPagesTest {

    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path temp;

    private MutableClock clock;
    private TestSite site;
    private ContentFixture content;
    private Git git;

    @BeforeEach
    void start() throws Exception {
        content = ContentFixture.minimal(temp).news("alpha", "2026-11-20", "Alpha story");
        git = Git.init().setDirectory(content.dir().toFile()).setInitialBranch("main").call();
        git.add().addFilepattern(".").call();
        git.commit().setAuthor("Hand Writer", "hand@example.org").setCommitter("Hand Writer", "hand@example.org").setMessage("First content").call();
        clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        site = TestSite.start(settings, clock);
    }

    @AfterEach
    void stop() {
        site.close();
        git.close();
    }

    private StaffService staff() {
        return site.app().services().staff();
    }

    private String signedIn(String email, Role role) {
        String token = staff().addOrReset(email, role, List.of(), "test");
        assertThat(staff().setPassword(token, PASSWORD, "127.0.0.1")).isPresent();
        TestSite.Response response = site.post("/admin/sign-in", Map.of("email", email, "password", PASSWORD));
        assertThat(response.status()).isEqualTo(303);
        String cookie = response.header("Set-Cookie");
        return cookie.substring("gme_staff=".length(), cookie.indexOf(';'));
    }

    private TestSite.Response get(String path, String session) {
        return site.get(path, "Cookie", "gme_staff=" + session);
    }

    private TestSite.Response post(String path, String session, Map<String, String> form) {
        return site.post(path, form, "Content-Type", "application/x-www-form-urlencoded", "Cookie", "gme_staff=" + session,
                "Origin", site.url(""), "Sec-Fetch-Site", "same-origin");
    }

    private static String csrf(TestSite.Response page) {
        return page.page().select("input[name=csrf]").first().attr("value");
    }

    private static String history(String file) {
        return "/admin/history?file=" + URLEncoder.encode(file, StandardCharsets.UTF_8);
    }

    /** A save as the editor makes it: the file written, then recorded. */
    private void save(String body, StaffAccount who, String message) throws Exception {
        Path file = content.dir().resolve("news/alpha.md");
        Files.writeString(file, "---\ntitle: Alpha story\ndate: 2026-11-20\nsummary: Summary of Alpha story.\n---\n" + body + "\n");
        clock.advance(Duration.ofMinutes(5));
        site.app().services().history().recorded(file, who, message);
        site.app().store().reload();
    }

    @Test
    void a_save_in_the_editor_is_a_commit_by_its_author_with_only_that_file() throws Exception {
        String publisher = signedIn("ana.publisher@example.org", Role.PUBLISHER);
        org.jsoup.nodes.Document page = get("/admin/edit?file=content/news/alpha.md&mode=raw", publisher).page();
        Map<String, String> form = new java.util.HashMap<>();
        for (org.jsoup.nodes.Element input : page.select("form.editor input[name], form.editor textarea[name]")) {
            String text = input.tagName().equals("textarea") ? input.wholeText() : input.attr("value");
            form.put(input.attr("name"), input.tagName().equals("textarea") && text.startsWith("\n") ? text.substring(1) : text);
        }
        form.put("raw", form.get("raw").replace("Body of Alpha story", "A corrected body"));
        assertThat(form.get("raw")).contains("A corrected body");
        assertThat(post("/admin/edit", publisher, form).status()).isEqualTo(303);

        org.eclipse.jgit.revwalk.RevCommit last = git.log().setMaxCount(1).call().iterator().next();
        assertThat(last.getAuthorIdent().getEmailAddress()).isEqualTo("ana.publisher@example.org");
        try (org.eclipse.jgit.treewalk.TreeWalk walk = new org.eclipse.jgit.treewalk.TreeWalk(git.getRepository())) {
            walk.addTree(last.getParent(0).getTree());
            walk.addTree(last.getTree());
            walk.setRecursive(true);
            walk.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
            List<String> changed = new java.util.ArrayList<>();
            while (walk.next()) {
                changed.add(walk.getPathString());
            }
            assertThat(changed).containsExactly("news/alpha.md");
        }
        assertThat(get(history("content/news/alpha.md"), publisher).text()).contains("ana.publisher@example.org");
    }

    @Test
    void a_publisher_sees_the_versions_and_the_difference_and_restores_an_old_one_that_the_site_then_shows() throws Exception {
        String editor = signedIn("ed.itor@example.org", Role.EDITOR);
        String publisher = signedIn("pat.publisher@example.org", Role.PUBLISHER);
        StaffAccount editorAccount = staff().accounts().stream().filter(a -> a.email().equals("ed.itor@example.org")).findFirst().orElseThrow();
        save("A rewritten body.", editorAccount, "Rewrite the story");
        assertThat(site.get("/news/alpha").text()).contains("A rewritten body.").doesNotContain("Body of Alpha story.");

        assertThat(get("/admin/content", editor).page().select("a[href=" + history("content/news/alpha.md") + "]").text())
                .as("the content list links each file's history").isEqualTo("History of content/news/alpha.md");
        TestSite.Response page = get(history("content/news/alpha.md"), publisher);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.page().select("h1").text()).isEqualTo("History of content/news/alpha.md");
        assertThat(page.page().select("caption").text()).isEqualTo("2 versions of content/news/alpha.md, newest first");
        List<String> rows = page.page().select("tbody tr").eachText();
        assertThat(rows.get(0)).contains("Rewrite the story", "ed.itor <ed.itor@example.org>", "Nov 30, 2026 10:05 AM CST", "(latest)");
        assertThat(rows.get(1)).contains("First content", "Hand Writer <hand@example.org>");
        assertThat(page.page().select("button:contains(Restore this version)")).hasSize(2);

        // An editor sees the history and the differences, but restoring is for publishers.
        TestSite.Response asEditor = get(history("content/news/alpha.md"), editor);
        assertThat(asEditor.status()).isEqualTo(200);
        assertThat(asEditor.page().select("button:contains(Restore this version)")).isEmpty();
        assertThat(asEditor.page().select("a:contains(Trash)")).isEmpty();

        String oldest = page.page().select("input[name=version]").get(1).attr("value");
        TestSite.Response diff = get(history("content/news/alpha.md") + "&diff=" + oldest, editor);
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.page().select("#diff-title").text()).startsWith("Changes from version " + oldest.substring(0, 8));
        assertThat(diff.page().select(".admin-diff__removed").eachText()).contains("-Body of Alpha story.");
        assertThat(diff.page().select(".admin-diff__added").eachText()).contains("+A rewritten body.");
        assertThat(get(history("content/news/alpha.md") + "&diff=abc", editor).status()).isEqualTo(400);

        // The editor's restore is refused on the server; the publisher's goes through.
        assertThat(post("/admin/history/restore", editor, Map.of("csrf", csrf(asEditor), "file", "content/news/alpha.md", "version", oldest)).status())
                .isEqualTo(403);
        TestSite.Response unknown = post("/admin/history/restore", publisher,
                Map.of("csrf", csrf(page), "file", "content/news/alpha.md", "version", "f".repeat(40)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.page().select(".error-summary").text()).contains("is not one of the versions of content/news/alpha.md");
        TestSite.Response restored = post("/admin/history/restore", publisher,
                Map.of("csrf", csrf(page), "file", "content/news/alpha.md", "version", oldest));
        assertThat(restored.status()).isEqualTo(303);
        assertThat(restored.header("Location")).isEqualTo(history("content/news/alpha.md") + "&done=restored");
        assertThat(site.get("/news/alpha").text()).contains("Body of Alpha story.").doesNotContain("A rewritten body.");

        TestSite.Response after = get(history("content/news/alpha.md") + "&done=restored", publisher);
        assertThat(after.page().select("[role=status]").text()).contains("The version was restored");
        assertThat(after.page().select("tbody tr").first().text()).contains("Restored content/news/alpha.md to version " + oldest.substring(0, 8),
                "pat.publisher@example.org");
        assertThat(git.log().setMaxCount(1).call().iterator().next().getAuthorIdent().getEmailAddress()).isEqualTo("pat.publisher@example.org");
        assertThat(staff().auditLog(20)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("restored");
            assertThat(entry.email()).isEqualTo("pat.publisher@example.org");
            assertThat(entry.detail()).isEqualTo("content/news/alpha.md to version " + oldest.substring(0, 8));
        });
    }

    @Test
    void a_publisher_moves_a_story_to_the_trash_and_back() {
        String publisher = signedIn("pat.publisher@example.org", Role.PUBLISHER);
        TestSite.Response page = get(history("content/news/alpha.md"), publisher);
        TestSite.Response moved = post("/admin/trash/move", publisher, Map.of("csrf", csrf(page), "file", "content/news/alpha.md"));
        assertThat(moved.status()).isEqualTo(303);
        assertThat(site.get("/news/alpha").status()).isEqualTo(404);

        TestSite.Response trash = get("/admin/trash?done=trashed", publisher);
        assertThat(trash.page().select("[role=status]").text()).contains("moved to the trash");
        assertThat(trash.page().select("tbody tr").first().text()).contains("content/news/alpha.md", "pat.publisher@example.org", "Nov 30, 2026 10:00 AM CST");
        String item = trash.page().select("input[name=item]").attr("value");
        TestSite.Response back = post("/admin/trash/restore", publisher, Map.of("csrf", csrf(trash), "item", item));
        assertThat(back.status()).isEqualTo(303);
        assertThat(site.get("/news/alpha").text()).contains("Body of Alpha story.");
        assertThat(get("/admin/trash", publisher).page().select("tbody").text()).isEqualTo("The trash is empty.");
        assertThat(staff().auditLog(20)).extracting(StaffService.AuditEntry::action).contains("trashed", "restored-from-trash");

        TestSite.Response again = post("/admin/trash/restore", publisher, Map.of("csrf", csrf(trash), "item", item));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.page().select(".error-summary").text()).contains("There is no item " + item + " in the trash");
    }

    @Test
    void file_names_outside_the_content_folder_get_a_page_that_says_why() throws Exception {
        String publisher = signedIn("pat.publisher@example.org", Role.PUBLISHER);
        Files.writeString(temp.resolve("secret.md"), "---\ntitle: Secret\n---\nSecret words.\n");
        Files.createSymbolicLink(content.dir().resolve("news/link.md"), temp.resolve("secret.md"));
        Map<String, String> tricks = Map.of(
                "content/../secret.md", "has a '..' part",
                "content/news/%2e%2e/../secret.md", "has a '..' part",
                "/etc/passwd", "is an absolute path",
                "news/alpha.md", "content paths start with content/",
                "content/news/link.md", "goes through a symbolic link",
                "content/site.yaml", "is not a Markdown file");
        for (Map.Entry<String, String> trick : tricks.entrySet()) {
            String asked = trick.getKey().replace("%2e", ".");
            TestSite.Response answer = get(history(asked), publisher);
            assertThat(answer.status()).as(asked).isEqualTo(400);
            assertThat(answer.page().select(".error-summary").text()).as(asked).contains(trick.getValue()).doesNotContain("Secret words.");
        }
        TestSite.Response page = get("/admin/history", publisher);
        assertThat(page.status()).isEqualTo(200);
        TestSite.Response moved = post("/admin/trash/move", publisher, Map.of("csrf", csrf(page), "file", "content/../secret.md"));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.page().select(".error-summary").text()).contains("has a '..' part");
        assertThat(temp.resolve("secret.md")).exists();
        TestSite.Response restore = post("/admin/history/restore", publisher, Map.of("csrf", csrf(page), "file", "content/news/link.md", "version", "x"));
        assertThat(restore.status()).isEqualTo(400);
        assertThat(Files.readString(temp.resolve("secret.md"))).contains("Secret words.");
    }
}
