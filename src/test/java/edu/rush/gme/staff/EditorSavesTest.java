package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a save does besides writing the text: a hand edit made outside since the last recorded
 * version is recorded first under its own name (with git and without), a file written with CRLF
 * line ends keeps them, a long text is taken, and a story made a bundle by its first image keeps
 * its history in git.
 */
class EditorSavesTest {

    static final String STORY = "---\ntitle: \"Match Day 2026\"\ndate: 2026-03-20\nsummary: \"All positions filled.\"\n---\nOur residents matched.\n";

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
    private TestSite site;
    private ContentFixture content;
    private StaffSessions sessions;

    private void start(ContentFixture fixture) {
        content = fixture;
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        site = TestSite.start(settings, clock);
        sessions = new StaffSessions(site, Role.PUBLISHER);
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    /** Opens the file in the editor, changes the title in the form, saves; the answer must be the redirect. */
    private void saveTitle(String file, String title) {
        Map<String, String> form = StaffSessions.editorForm(sessions.get(Role.PUBLISHER, "/admin/edit?file=" + file).page());
        form.put("f.title", title);
        TestSite.Response saved = sessions.post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(303);
        clock.advance(Duration.ofMinutes(1));
    }

    private String read(String relative) throws Exception {
        return Files.readString(content.dir().resolve(relative), StandardCharsets.UTF_8);
    }

    @Test
    void a_file_written_with_crlf_is_saved_with_crlf_in_the_form_and_as_raw_text() throws Exception {
        String crlf = STORY.replace("\n", "\r\n");
        start(ContentFixture.minimal(temp).write("news/match-day.md", crlf));
        saveTitle("content/news/match-day.md", "Match Day 2026: all filled");
        assertThat(read("news/match-day.md")).isEqualTo(crlf.replace("\"Match Day 2026\"", "\"Match Day 2026: all filled\""));

        Map<String, String> raw = StaffSessions.editorForm(sessions.get(Role.PUBLISHER, "/admin/edit?file=content/news/match-day.md&mode=raw").page());
        assertThat(raw.get("raw")).doesNotContain("\r");
        // A browser sends a textarea's lines with CRLF whatever the file has.
        raw.put("raw", raw.get("raw").replace("Our residents matched.", "Our residents matched.\n\nEvery one.").replace("\n", "\r\n"));
        assertThat(sessions.post(Role.PUBLISHER, "/admin/edit", raw).status()).isEqualTo(303);
        assertThat(read("news/match-day.md")).endsWith("Our residents matched.\r\n\r\nEvery one.\r\n").doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");

        // A file with LF line ends stays LF, even though the browser sent CRLF.
        content.write("news/plain.md", STORY);
        site.app().store().reload();
        saveTitle("content/news/plain.md", "Plain");
        assertThat(read("news/plain.md")).isEqualTo(STORY.replace("\"Match Day 2026\"", "\"Plain\"")).doesNotContain("\r");
    }

    @Test
    void without_git_a_hand_edit_since_the_last_save_is_kept_before_the_next_save() throws Exception {
        start(ContentFixture.minimal(temp).write("news/match-day.md", STORY));
        Path file = content.dir().resolve("news/match-day.md");
        ContentHistory history = site.app().services().history();
        saveTitle("content/news/match-day.md", "First save");
        String byHand = read("news/match-day.md").replace("Our residents matched.", "Edited by hand on the server.");
        content.write("news/match-day.md", byHand);
        site.app().store().reload();
        saveTitle("content/news/match-day.md", "Second save");

        List<ContentHistory.Version> versions = history.history(file);
        assertThat(versions).extracting(ContentHistory.Version::message).containsExactly("Saved content/news/match-day.md",
                "Changed outside the workspace since the last save (kept before the next one)", "Saved content/news/match-day.md",
                "As it was before the first save in the workspace");
        assertThat(versions.get(1).author()).isEqualTo(ContentHistory.OUTSIDE);
        assertThat(history.text(file, versions.get(1).id())).isEqualTo(byHand);
        assertThat(history.text(file, versions.get(3).id())).isEqualTo(STORY);
        assertThat(history.text(file, versions.get(0).id())).contains("Second save", "Edited by hand on the server.");
    }

    @Test
    void with_git_an_uncommitted_hand_edit_is_committed_on_its_own_before_the_save() throws Exception {
        start(ContentFixture.minimal(temp).write("news/match-day.md", STORY));
        try (Git git = Git.init().setDirectory(content.dir().toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setAuthor("Hand Writer", "hand@example.org").setCommitter("Hand Writer", "hand@example.org").setMessage("First content").call();
            // The repository's own user (whoever edits on the server); without one the commit says "Outside the workspace".
            git.getRepository().getConfig().setString("user", null, "name", "Hand Writer");
            git.getRepository().getConfig().setString("user", null, "email", "hand@example.org");
            git.getRepository().getConfig().save();
            String byHand = STORY.replace("Our residents matched.", "Edited by hand, not committed.");
            content.write("news/match-day.md", byHand);
            site.app().store().reload();
            saveTitle("content/news/match-day.md", "Saved in the workspace");

            List<RevCommit> log = new ArrayList<>();
            git.log().call().forEach(log::add);
            assertThat(log).extracting(RevCommit::getShortMessage).containsExactly("Saved content/news/match-day.md",
                    "Changed outside the workspace: content/news/match-day.md as it was on disk before the next save in the workspace", "First content");
            assertThat(log.get(0).getAuthorIdent().getEmailAddress()).isEqualTo("publisher@example.org");
            assertThat(log.get(1).getAuthorIdent().getEmailAddress()).isEqualTo("hand@example.org");
            ContentHistory history = site.app().services().history();
            Path file = content.dir().resolve("news/match-day.md");
            assertThat(history.text(file, log.get(1).getName())).isEqualTo(byHand);
            // Nothing new by hand: the next save is one commit.
            saveTitle("content/news/match-day.md", "Saved again");
            assertThat(history.history(file)).hasSize(4);

            // Its first image makes it a bundle: one commit (a rename and the picture), and its history goes on.
            Map<String, String> fields = Map.of("csrf", sessions.csrf(Role.PUBLISHER), "file", "content/news/match-day.md", "alt", "Residents");
            assertThat(ImageUploadTest.upload(site, sessions.cookie(Role.PUBLISHER), fields, "photo.png", ImageUploadTest.png(6, 4)).status()).isEqualTo(201);
            RevCommit bundled = git.log().setMaxCount(1).call().iterator().next();
            assertThat(bundled.getShortMessage()).startsWith("Uploaded content/news/match-day/photo.png: content/news/match-day.md is now");
            assertThat(git.status().call().isClean()).isTrue();
            Path index = content.dir().resolve("news/match-day/index.md");
            List<ContentHistory.Version> versions = history.history(index);
            assertThat(versions).hasSize(5);
            assertThat(history.text(index, versions.get(4).id())).isEqualTo(STORY);
            assertThat(history.diff(index, versions.get(4).id(), ContentHistory.CURRENT)).contains("-title: \"Match Day 2026\"", "+title: \"Saved again\"");
        }
    }

    @Test
    void a_long_text_is_saved() throws Exception {
        start(ContentFixture.minimal(temp).write("news/match-day.md", STORY));
        Map<String, String> form = StaffSessions.editorForm(sessions.get(Role.PUBLISHER, "/admin/edit?file=content/news/match-day.md").page());
        String paragraph = "Residents & fellows matched in every program; the whole class starts in July. ";
        form.put("body", paragraph.repeat(400) + "\n");
        TestSite.Response saved = sessions.post(Role.PUBLISHER, "/admin/edit", form);
        assertThat(saved.status()).as(saved.text()).isEqualTo(303);
        assertThat(read("news/match-day.md")).contains(paragraph.repeat(400));
    }
}
