package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web editor as staff use it: open a file, change a field and the text, preview, save; the
 * site shows it and every other line of the file is as it was. And as it refuses: a broken field
 * (validate's message, nothing written), a stale save (the difference), an editor publishing, and
 * every path trick.
 */
class ContentEditorTest {

    static final String PUBLISHED = """
            ---
            # The story of the match: keep the date as the day results came out.
            title: "Match Day 2026"
            date: 2026-03-20
            summary: 'All positions filled.'   # quoted by hand
            ---
            Our residents matched.
            """;
    static final String DRAFT = """
            ---
            title: Interview season opens
            date: 2026-11-01
            summary: Interviews start soon.
            draft: true
            ---
            Draft text.
            """;

    static final String EVENT = """
            ---
            title: Open house
            summary: Meet the residents.
            start: 2026-12-10T18:00
            end: 2026-12-10T19:00
            format: virtual   # the room is not booked yet
            platform: Zoom
            joinLink: https://video.example.org/open-house
            programs: [alpha-im]
            draft: true
            ---
            What happens.
            """;

    @TempDir
    Path temp;

    private TestSite site;
    private ContentFixture content;
    private final Map<Role, String> sessions = new HashMap<>();

    @BeforeEach
    void start() {
        content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("beta-peds", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .write("events/open-house.md", EVENT)
                .write("news/match-day.md", PUBLISHED)
                .write("news/interviews.md", DRAFT)
                .write("_archetypes/news.md", "---\ntitle: \"Headline\"\ndate: 2026-01-01\nsummary: \"One or two sentences.\"\ndraft: true\n---\nWrite here.\n");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        site = TestSite.start(settings, clock);
        StaffService staff = site.app().services().staff();
        for (Role role : List.of(Role.EDITOR, Role.PUBLISHER)) {
            staff.setPassword(staff.addOrReset(role.key() + "@example.org", role, List.of(), "test"), StaffSignInTest.PASSWORD, "127.0.0.1");
            TestSite.Response signedIn = site.post("/admin/sign-in", Map.of("email", role.key() + "@example.org", "password", StaffSignInTest.PASSWORD));
            String cookie = signedIn.header("Set-Cookie");
            sessions.put(role, cookie.substring("gme_staff=".length(), cookie.indexOf(';')));
        }
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private TestSite.Response get(Role role, String path) {
        return site.get(path, "Cookie", "gme_staff=" + sessions.get(role));
    }

    private TestSite.Response post(Role role, String path, Map<String, String> form) {
        return site.post(path, form, "Content-Type", "application/x-www-form-urlencoded", "Cookie", "gme_staff=" + sessions.get(role),
                "Origin", site.url(""), "Sec-Fetch-Site", "same-origin");
    }

    /** The form as the browser would send it (one value per name; a textarea's first newline dropped as browsers do). */
    private static Map<String, String> form(Document page) {
        Map<String, String> form = new HashMap<>();
        for (Element input : page.select("form.editor input[name], form.editor textarea[name], form.editor select[name]")) {
            String name = input.attr("name");
            if (input.tagName().equals("textarea")) {
                String text = input.wholeText();
                form.put(name, text.startsWith("\n") ? text.substring(1) : text);
            } else if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                if (selected != null) {
                    form.put(name, selected.attr("value"));
                }
            } else if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
                form.put(name, input.attr("value"));
            }
        }
        return form;
    }

    private String file(String relative) throws IOException {
        return Files.readString(content.dir().resolve(relative), StandardCharsets.UTF_8);
    }

    @Test
    void a_publisher_edits_a_field_and_the_text_and_only_those_lines_change() throws IOException {
        TestSite.Response opened = get(Role.PUBLISHER, "/admin/edit?file=content/news/match-day.md");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.header("Cache-Control")).isEqualTo("no-store");
        Document page = opened.page();
        assertThat(page.select("#f-title").attr("value")).isEqualTo("Match Day 2026");
        assertThat(page.select("#f-date").attr("type")).isEqualTo("date");
        assertThat(page.select("#f-draft").attr("type")).isEqualTo("checkbox");
        assertThat(page.select("textarea#f-summary").text()).isEqualTo("All positions filled.");
        Map<String, String> form = form(page);
        form.put("f.title", "Match Day 2026: every position filled");
        form.put("body", "Our residents matched, every one of them.\n");

        TestSite.Response preview = post(Role.PUBLISHER, "/admin/edit/preview", form);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.text()).contains("Preview — not saved", "Match Day 2026: every position filled", "every one of them");
        assertThat(preview.header("Cache-Control")).contains("no-store");
        assertThat(file("news/match-day.md")).isEqualTo(PUBLISHED);

        TestSite.Response saved = post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo("/admin/edit?file=content%2Fnews%2Fmatch-day.md&done=saved");
        assertThat(file("news/match-day.md")).isEqualTo(PUBLISHED
                .replace("title: \"Match Day 2026\"", "title: \"Match Day 2026: every position filled\"")
                .replace("Our residents matched.\n", "Our residents matched, every one of them.\n"));
        assertThat(site.get("/news/match-day").text()).contains("Match Day 2026: every position filled", "every one of them");
        assertThat(site.app().services().staff().auditLog(10).stream().map(e -> e.action() + " " + e.detail()))
                .contains("saved content/news/match-day.md");
        try (var files = Files.list(content.dir().resolve("news"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("match-day.md", "interviews.md");
        }
    }

    @Test
    void a_broken_field_gets_validates_message_and_nothing_is_written() throws IOException {
        Map<String, String> form = form(get(Role.PUBLISHER, "/admin/edit?file=content/news/match-day.md").page());
        form.put("f.date", "2026-02-30");
        form.put("body", "Changed text that must not be lost.\n");
        TestSite.Response refused = post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(refused.status()).isEqualTo(422);
        Element summary = refused.page().selectFirst(".error-summary");
        assertThat(summary.text()).contains("content/news/match-day.md:4:7:");
        assertThat(summary.selectFirst("a").attr("href")).isEqualTo("#f-date");
        assertThat(refused.page().select("#f-date").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.page().select("#body").text()).contains("Changed text that must not be lost.");
        assertThat(file("news/match-day.md")).isEqualTo(PUBLISHED);
        assertThat(post(Role.PUBLISHER, "/admin/edit/preview", form).status()).isEqualTo(422);
        content.write("news/broken.md", "---\ntitle: Broken\ndate: soon\n---\n");
        site.app().store().reload();
        assertThat(get(Role.PUBLISHER, "/admin").page().select("a[href='/admin/edit?file=content%2Fnews%2Fbroken.md']").text())
                .isEqualTo("content/news/broken.md:3:7");
        TestSite.Response checked = site.post("/admin/edit/preview", form, "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "gme_staff=" + sessions.get(Role.PUBLISHER), "Origin", site.url(""), "Sec-Fetch-Site", "same-origin", "X-Editor-Check", "1");
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.raw().body()).contains("content/news/match-day.md:4:7:", "\"anchor\":\"f-date\"");
    }

    @Test
    void a_stale_save_is_refused_with_the_difference() throws IOException {
        Map<String, String> form = form(get(Role.PUBLISHER, "/admin/edit?file=content/news/match-day.md").page());
        String theirs = PUBLISHED.replace("All positions filled.", "Every position was filled.");
        content.write("news/match-day.md", theirs);
        form.put("f.title", "My title");
        TestSite.Response stale = post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(stale.status()).isEqualTo(409);
        String diff = stale.page().select("pre.diff").text();
        assertThat(diff).contains("-summary: 'Every position was filled.'", "+summary: \"All positions filled.\"", "+title: \"My title\"");
        assertThat(file("news/match-day.md")).isEqualTo(theirs);
    }

    @Test
    void an_editor_saves_drafts_only_and_a_publisher_publishes() throws IOException {
        Map<String, String> published = form(get(Role.EDITOR, "/admin/edit?file=content/news/match-day.md").page());
        published.put("f.title", "Changed by an editor");
        TestSite.Response refused = post(Role.EDITOR, "/admin/edit", published);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.page().select(".error-summary").text()).contains("only a publisher can change a published page");
        assertThat(file("news/match-day.md")).isEqualTo(PUBLISHED);

        Map<String, String> draft = form(get(Role.EDITOR, "/admin/edit?file=content/news/interviews.md").page());
        assertThat(draft.get("f.draft")).isEqualTo("true");
        draft.put("body", "Better draft text.\n");
        TestSite.Response savedDraft = post(Role.EDITOR, "/admin/edit", draft);
        assertThat(savedDraft.status()).as(savedDraft.text()).isEqualTo(303);
        assertThat(file("news/interviews.md")).isEqualTo(DRAFT.replace("Draft text.", "Better draft text."));

        Map<String, String> publish = form(get(Role.EDITOR, "/admin/edit?file=content/news/interviews.md").page());
        publish.remove("f.draft");
        TestSite.Response editorPublishes = post(Role.EDITOR, "/admin/edit", publish);
        assertThat(editorPublishes.status()).isEqualTo(403);
        assertThat(editorPublishes.text()).contains("as an editor you save drafts only");
        assertThat(site.get("/news/interviews").status()).isEqualTo(404);

        publish.put("csrf", csrf(Role.PUBLISHER));
        assertThat(post(Role.PUBLISHER, "/admin/edit", publish).status()).isEqualTo(303);
        assertThat(file("news/interviews.md")).doesNotContain("draft:").contains("title: Interview season opens\n");
        assertThat(site.get("/news/interviews").status()).isEqualTo(200);
        assertThat(site.app().services().staff().auditLog(10).stream().map(e -> e.action() + " " + e.detail()))
                .contains("published content/news/interviews.md");
    }

    @Test
    void a_new_item_is_a_draft_from_the_archetype() throws IOException {
        TestSite.Response newForm = get(Role.EDITOR, "/admin/new");
        assertThat(newForm.page().select("#type option").eachAttr("value")).as(newForm.raw().body()).contains("news", "programs");
        TestSite.Response missing = post(Role.EDITOR, "/admin/new", Map.of("csrf", csrf(Role.EDITOR), "type", "news", "title", ""));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.page().select(".error-summary").text()).contains("Enter a title");
        TestSite.Response created = post(Role.EDITOR, "/admin/new", Map.of("csrf", csrf(Role.EDITOR), "type", "news", "title", "Match Day: results"));
        assertThat(created.status()).isEqualTo(303);
        assertThat(created.header("Location")).isEqualTo("/admin/edit?file=content%2Fnews%2Fmatch-day-results.md");
        assertThat(file("news/match-day-results.md")).contains("title: \"Match Day: results\"", "draft: true", "date: 2026-11-30", "Write here.");
        assertThat(get(Role.EDITOR, "/admin/edit?file=content%2Fnews%2Fmatch-day-results.md").status()).isEqualTo(200);
    }

    private String csrf(Role role) {
        return get(role, "/admin").page().select("input[name=csrf]").first().attr("value");
    }

    @Test
    void every_path_trick_is_refused_with_a_400_naming_the_problem() throws IOException {
        Path outside = Files.writeString(temp.resolve("secret.md"), "---\ntitle: secret\n---\n");
        Files.createSymbolicLink(content.dir().resolve("news/link.md"), outside);
        Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(temp.resolve("elsewhere/x.md"), "---\ntitle: x\n---\n");
        Files.createSymbolicLink(content.dir().resolve("wellness"), temp.resolve("elsewhere"));
        Map<String, String> tricks = new java.util.LinkedHashMap<>();
        tricks.put("content/../secret.md", "leads out of the content folder");
        tricks.put("content%2F..%2F..%2Fsecret.md", "leads out of the content folder");
        tricks.put("..%2Fsecret.md", "leads out of the content folder");
        tricks.put("%252e%252e%252fsecret.md", "characters a content file's name cannot have");
        tricks.put(java.net.URLEncoder.encode(outside.toString(), StandardCharsets.UTF_8), "absolute path");
        tricks.put("content/news/link.md", "a link to a file outside the content folder");
        tricks.put("content/wellness/x.md", "a link to a file outside the content folder");
        tricks.put("content/site.yaml", "not a Markdown file");
        tricks.put("content/_archetypes/news.md", "not where content of a type lies");
        tricks.put("content/news/a/b/c.md", "not where content of a type lies");
        tricks.put("content%5Cnews%5Cmatch-day.md", "characters");
        for (Map.Entry<String, String> trick : tricks.entrySet()) {
            TestSite.Response refused = get(Role.PUBLISHER, "/admin/edit?file=" + trick.getKey());
            assertThat(refused.status()).as(trick.getKey()).isEqualTo(400);
            assertThat(refused.text()).as(trick.getKey()).contains(trick.getValue());
        }
        Map<String, String> form = form(get(Role.PUBLISHER, "/admin/edit?file=content/news/match-day.md").page());
        form.put("file", "content/news/link.md");
        assertThat(post(Role.PUBLISHER, "/admin/edit", form).status()).isEqualTo(400);
        assertThat(Files.readString(outside)).isEqualTo("---\ntitle: secret\n---\n");
        assertThat(get(Role.PUBLISHER, "/admin/edit?file=content/news/nothing.md").status()).isEqualTo(404);
    }

    @Test
    void choices_times_and_related_programs_have_their_own_inputs() throws IOException {
        Document page = get(Role.EDITOR, "/admin/edit?file=content/events/open-house.md").page();
        assertThat(page.select("select#f-format option[selected]").attr("value")).isEqualTo("virtual");
        assertThat(page.select("select#f-format option").eachAttr("value")).contains("in-person", "virtual");
        assertThat(page.select("#f-start").attr("type")).isEqualTo("datetime-local");
        assertThat(page.select("#f-start").attr("value")).isEqualTo("2026-12-10T18:00");
        // The program picker without JavaScript: the slugs, one a line, and the chosen ones' titles.
        assertThat(page.select("textarea#f-programs[data-picker]").text()).isEqualTo("alpha-im");
        assertThat(page.select("[data-picker-chosen] li").text()).contains("Internal Medicine Residency");
        assertThat(page.select("input#f-joinLink").attr("value")).isEqualTo("https://video.example.org/open-house");
        assertThat(page.select("#f-joinLink-hint").text()).contains("never shown on the site");
        Map<String, String> form = form(page);
        form.put("f.programs", "beta-peds");
        assertThat(post(Role.EDITOR, "/admin/edit", form).status()).isEqualTo(303);
        assertThat(file("events/open-house.md")).isEqualTo(EVENT.replace("programs: [alpha-im]", "programs:\n  - beta-peds"));
        assertThat(get(Role.EDITOR, "/admin/edit?file=content/events/open-house.md").page()
                .select("textarea#f-programs").text()).isEqualTo("beta-peds");
    }

    @Test
    void raw_mode_writes_the_text_as_given() throws IOException {
        Document page = get(Role.PUBLISHER, "/admin/edit?file=content/news/match-day.md&mode=raw").page();
        Map<String, String> form = form(page);
        assertThat(form.get("raw")).isEqualTo(PUBLISHED);
        form.put("raw", PUBLISHED.replace("# The story", "# The whole story"));
        assertThat(post(Role.PUBLISHER, "/admin/edit", form).status()).isEqualTo(303);
        assertThat(file("news/match-day.md")).contains("# The whole story of the match");
    }
}
