package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history of content files: with git, one commit per save of that file alone, by the staff
 * member, beside hand commits; without git, the last twenty copies in the data folder; diffs,
 * restores, the trash; and file names that try to leave the content folder.
 */
class ContentHistoryTest {

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T16:00:00Z"));
    private static final StaffAccount EDITOR = account(1, "ed.itor@example.org", Role.EDITOR);
    private static final StaffAccount PUBLISHER = account(2, "pat.publisher@example.org", Role.PUBLISHER);

    static StaffAccount account(long id, String email, Role role) {
        return new StaffAccount(id, email, role, List.of(), true, Instant.parse("2026-11-01T00:00:00Z"), null);
    }

    private static String story(String body) {
        return "---\ntitle: Alpha story\ndate: 2026-11-20\nsummary: S.\n---\n" + body + "\n";
    }

    private ContentHistory history(ContentFixture content) {
        return new ContentHistory(content.dir(), temp.resolve("data"), clock);
    }

    private void write(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        clock.advance(Duration.ofMinutes(1));
    }

    /** The paths a commit changed against its parent. */
    private static List<String> changed(Git git, RevCommit commit) throws Exception {
        try (ObjectReader reader = git.getRepository().newObjectReader()) {
            CanonicalTreeParser now = new CanonicalTreeParser(null, reader, commit.getTree());
            CanonicalTreeParser before = new CanonicalTreeParser(null, reader, git.getRepository().parseCommit(commit.getParent(0)).getTree());
            return git.diff().setOldTree(before).setNewTree(now).call().stream()
                    .map(e -> e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath()).toList();
        }
    }

    @Test
    void with_git_each_save_is_a_commit_of_that_file_by_its_author_and_hand_commits_show_too() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp).write("news/alpha.md", story("First words.")).write("news/beta.md", story("Beta."));
        Path alpha = content.dir().resolve("news/alpha.md");
        try (Git git = Git.init().setDirectory(content.dir().toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setAuthor("Hand Writer", "hand@example.org").setCommitter("Hand Writer", "hand@example.org").setMessage("First content").call();
            ContentHistory history = history(content);
            assertThat(history.usesGit()).isTrue();

            // Someone else's change, staged but not committed: it must stay out of the workspace's commits.
            Files.writeString(content.dir().resolve("news/beta.md"), story("Beta, half edited."));
            git.add().addFilepattern("news/beta.md").call();

            write(alpha, story("Second words."));
            history.recorded(alpha, EDITOR, "Fix the opening");
            write(alpha, story("Third words."));
            history.recorded(alpha, PUBLISHER, "Tighten the story");

            List<RevCommit> log = new ArrayList<>();
            git.log().call().forEach(log::add);
            assertThat(log).hasSize(3);
            assertThat(log.get(0).getAuthorIdent().getEmailAddress()).isEqualTo("pat.publisher@example.org");
            assertThat(log.get(0).getAuthorIdent().getName()).isEqualTo("pat.publisher");
            assertThat(log.get(0).getFullMessage()).isEqualTo("Tighten the story");
            assertThat(log.get(1).getAuthorIdent().getEmailAddress()).isEqualTo("ed.itor@example.org");
            assertThat(changed(git, log.get(0))).containsExactly("news/alpha.md");
            assertThat(changed(git, log.get(1))).containsExactly("news/alpha.md");
            assertThat(git.status().call().getChanged()).as("the other file is still staged, not committed").containsExactly("news/beta.md");

            // A hand edit committed from outside the workspace is part of the file's history.
            write(alpha, story("Fourth words, by hand."));
            git.add().addFilepattern("news/alpha.md").call();
            git.commit().setOnly("news/alpha.md").setAuthor("Hand Writer", "hand@example.org").setCommitter("Hand Writer", "hand@example.org")
                    .setMessage("Edited by hand").call();
            List<ContentHistory.Version> versions = history.history(alpha);
            assertThat(versions).extracting(ContentHistory.Version::message)
                    .containsExactly("Edited by hand", "Tighten the story", "Fix the opening", "First content");
            assertThat(versions.get(0).author()).isEqualTo("Hand Writer <hand@example.org>");
            assertThat(versions.get(1).author()).isEqualTo("pat.publisher <pat.publisher@example.org>");

            String first = versions.get(3).id();
            assertThat(history.text(alpha, first)).contains("First words.");
            String diff = history.diff(alpha, first, ContentHistory.CURRENT);
            assertThat(diff).contains("--- content/news/alpha.md (" + first.substring(0, 8) + ")", "+++ content/news/alpha.md (current)",
                    "-First words.", "+Fourth words, by hand.", "@@");
            assertThat(history.diff(alpha, versions.get(0).id(), ContentHistory.CURRENT)).isEmpty();

            // A restore writes the old text and is itself a new commit by the one who restored.
            history.restore(alpha, first, PUBLISHER);
            assertThat(Files.readString(alpha)).isEqualTo(story("First words."));
            List<ContentHistory.Version> after = history.history(alpha);
            assertThat(after).hasSize(5);
            assertThat(after.get(0).message()).startsWith("Restored content/news/alpha.md to version " + first.substring(0, 8));
            assertThat(after.get(0).author()).contains("pat.publisher@example.org");
            RevCommit restore = git.log().setMaxCount(1).call().iterator().next();
            assertThat(changed(git, restore)).containsExactly("news/alpha.md");
            assertThat(git.status().call().getChanged()).containsExactly("news/beta.md");
        }
    }

    @Test
    void with_git_the_trash_is_a_removal_commit_and_a_restore_puts_the_file_back() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp.resolve("site")).write("news/alpha.md", story("Words."));
        Path alpha = content.dir().resolve("news/alpha.md");
        // The repository is the folder above content/: content inside a repository counts too.
        try (Git git = Git.init().setDirectory(temp.resolve("site").toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setAuthor("Hand Writer", "hand@example.org").setCommitter("Hand Writer", "hand@example.org").setMessage("First content").call();
            ContentHistory history = history(content);

            ContentHistory.Trashed trashed = history.trash(alpha, PUBLISHER);
            assertThat(alpha).doesNotExist();
            assertThat(trashed.file()).isEqualTo("content/news/alpha.md");
            RevCommit removal = git.log().setMaxCount(1).call().iterator().next();
            assertThat(removal.getAuthorIdent().getEmailAddress()).isEqualTo("pat.publisher@example.org");
            assertThat(changed(git, removal)).containsExactly("content/news/alpha.md");
            assertThat(history.trashed()).extracting(ContentHistory.Trashed::file).containsExactly("content/news/alpha.md");
            assertThat(history.history(alpha).get(0).message()).isEqualTo("Moved content/news/alpha.md to the trash");
            assertThatThrownBy(() -> history.restore(alpha, removal.getName(), PUBLISHER)).isInstanceOf(ContentHistory.Refused.class)
                    .hasMessageContaining("the one that removed content/news/alpha.md");
            assertThatThrownBy(() -> history.restore(alpha, "0".repeat(40), PUBLISHER)).hasMessageContaining("is not one of the versions");
            assertThat(alpha).doesNotExist();

            clock.advance(Duration.ofMinutes(1));
            history.restoreFromTrash(trashed.id(), PUBLISHER);
            assertThat(Files.readString(alpha)).isEqualTo(story("Words."));
            assertThat(history.trashed()).isEmpty();
            assertThat(history.history(alpha).get(0).message()).isEqualTo("Restored content/news/alpha.md from the trash");
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    @Test
    void without_git_twenty_versions_are_kept_and_the_twenty_first_prunes_the_oldest() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp).write("news/alpha.md", story("Version 0."));
        Path alpha = content.dir().resolve("news/alpha.md");
        ContentHistory history = history(content);
        assertThat(history.usesGit()).isFalse();
        history.aboutToWrite(alpha);
        assertThat(history.history(alpha)).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("As it was before the first save in the workspace"));
        assertThat(history.text(alpha, history.history(alpha).get(0).id())).contains("Version 0.");
        clock.advance(Duration.ofMinutes(1));
        for (int i = 1; i <= 20; i++) {
            history.aboutToWrite(alpha);
            write(alpha, story("Version " + i + "."));
            history.recorded(alpha, EDITOR, "Save " + i);
        }
        List<ContentHistory.Version> twenty = history.history(alpha);
        assertThat(twenty).hasSize(20);
        assertThat(twenty.get(0).message()).isEqualTo("Save 20");
        assertThat(twenty.get(19).message()).as("the copy made before the first save is pruned first").isEqualTo("Save 1");
        assertThat(twenty.get(0).author()).isEqualTo("ed.itor@example.org");
        String oldest = twenty.get(19).id();
        assertThat(history.text(alpha, oldest)).contains("Version 1.");
        assertThat(temp.resolve("data/versions/news/alpha.md/" + oldest + ".md")).exists();

        write(alpha, story("Version 21."));
        history.recorded(alpha, PUBLISHER, "Save 21");
        List<ContentHistory.Version> after = history.history(alpha);
        assertThat(after).hasSize(20);
        assertThat(after.get(0).message()).isEqualTo("Save 21");
        assertThat(after.get(19).message()).isEqualTo("Save 2");
        assertThatThrownBy(() -> history.text(alpha, oldest)).isInstanceOf(ContentHistory.Refused.class).hasMessageContaining("only the last 20");

        String diff = history.diff(alpha, after.get(19).id(), ContentHistory.CURRENT);
        assertThat(diff).contains("-Version 2.", "+Version 21.");
        history.restore(alpha, after.get(19).id(), PUBLISHER);
        assertThat(Files.readString(alpha)).isEqualTo(story("Version 2."));
        assertThat(history.history(alpha).get(0).message()).startsWith("Restored content/news/alpha.md to version ");
        assertThat(history.history(alpha)).hasSize(20);
    }

    @Test
    void without_git_the_trash_keeps_the_file_and_gives_it_back_but_never_over_a_new_one() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp).write("news/alpha.md", story("Words."));
        Path alpha = content.dir().resolve("news/alpha.md");
        ContentHistory history = history(content);
        ContentHistory.Trashed first = history.trash(alpha, PUBLISHER);
        assertThat(alpha).doesNotExist();
        assertThat(history.trashed()).singleElement().satisfies(item -> {
            assertThat(item.who()).isEqualTo("pat.publisher@example.org");
            assertThat(item.when()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        });
        Files.writeString(alpha, story("A new file with the same name."));
        assertThatThrownBy(() -> history.restoreFromTrash(first.id(), PUBLISHER)).isInstanceOf(ContentHistory.Refused.class)
                .hasMessageContaining("exists again");
        Files.delete(alpha);
        history.restoreFromTrash(first.id(), PUBLISHER);
        assertThat(Files.readString(alpha)).isEqualTo(story("Words."));
        assertThat(history.trashed()).isEmpty();
        assertThatThrownBy(() -> history.restoreFromTrash(first.id(), PUBLISHER)).hasMessageContaining("no item");
        assertThatThrownBy(() -> history.restoreFromTrash("../../etc", PUBLISHER)).hasMessageContaining("not an item in the trash");
    }

    @Test
    void file_names_that_leave_the_content_folder_are_refused_with_the_reason() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp).write("news/alpha.md", story("Words."));
        Files.writeString(temp.resolve("secret.md"), "secret");
        Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(content.dir().resolve("news/link.md"), temp.resolve("secret.md"));
        Files.createSymbolicLink(content.dir().resolve("elsewhere"), temp.resolve("outside"));
        ContentHistory history = history(content);
        assertThat(history.resolve("content/news/alpha.md")).isEqualTo(content.dir().resolve("news/alpha.md").toAbsolutePath());
        assertThatThrownBy(() -> history.resolve("content/../secret.md")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> history.resolve("content/news/../../secret.md")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> history.resolve("/etc/passwd")).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> history.resolve("C:/x.md")).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> history.resolve("news/alpha.md")).hasMessageContaining("start with content/");
        assertThatThrownBy(() -> history.resolve("content\\news\\alpha.md")).hasMessageContaining("backslash");
        assertThatThrownBy(() -> history.resolve("content/.git/config.md")).hasMessageContaining("hidden");
        assertThatThrownBy(() -> history.resolve("content/site.yaml")).hasMessageContaining("not a Markdown file");
        assertThatThrownBy(() -> history.resolve("content/news/link.md")).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> history.resolve("content/elsewhere/x.md")).hasMessageContaining("symbolic link (content/elsewhere)");
        assertThatThrownBy(() -> history.resolve("")).hasMessageContaining("No file was named");
        assertThatThrownBy(() -> history.trash(temp.resolve("secret.md"), PUBLISHER)).isInstanceOf(ContentHistory.Refused.class);
        assertThat(temp.resolve("secret.md")).exists();
    }
}
