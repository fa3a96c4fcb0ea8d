package edu.rush.gme.content;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor's check replays the last load with the edited file in its place: it must find exactly
 * the problems, pages and bundle files that reading the whole folder with that text finds (what
 * {@code validate} would print once it is saved), the rules across files included.
 */
class EditorCheckReplayTest {

    @TempDir
    Path temp;

    private ContentFixture fixture() {
        return ContentFixture.minimal(temp)
                .program("alpha", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("beta", "residency", "Pediatrics", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("gamma", "fellowship", "Cardiology", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", "related: [beta, alpha]")
                .news("first", "2026-01-01", "First")
                .write("news/photo-story/index.md", "---\ntitle: Photo\ndate: 2026-01-02\nsummary: S.\nimage: photo.png\nimageAlt: A photo\n---\nText.\n")
                .write("news/photo-story/photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    }

    /** What a check gives: its problems as validate prints them, its pages by source and URL, its bundle files. */
    private static String seen(ContentSnapshot snapshot) {
        Map<String, String> pages = new TreeMap<>();
        snapshot.bySource().forEach((source, page) -> pages.put(source, page.url() + " " + page.title() + " " + page.digest()));
        return snapshot.problems().stream().map(ContentProblem::toString).toList() + "\n" + pages + "\n" + new TreeMap<>(snapshot.resources());
    }

    /** The check through a loader that has loaded the folder (replayed), and through a fresh one (the whole folder read). */
    private String[] both(ContentFixture content, String relative, String text) {
        ContentLoader loaded = new ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES);
        loaded.load();
        Path file = content.dir().resolve(relative);
        assertThat(loaded.replays(file)).as("the check replays the last load").isTrue();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String replayed = seen(loaded.loadWith(file, bytes));
        String read = seen(new ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).loadWith(file, bytes));
        return new String[] {replayed, read};
    }

    private static String program(ContentFixture content, String slug) throws Exception {
        return Files.readString(content.dir().resolve("programs/" + slug + ".md"));
    }

    @Test
    void a_duplicate_address_made_by_the_edited_file_is_found_as_a_full_read_finds_it() throws Exception {
        ContentFixture content = fixture();
        String[] seen = both(content, "programs/beta.md", program(content, "beta").replace("---\nAbout", "slug: alpha\n---\nAbout"));
        assertThat(seen[0]).isEqualTo(seen[1]).contains("duplicate slug 'alpha'").contains("'beta'");
    }

    @Test
    void a_program_others_name_as_related_taken_away_by_the_edited_file_is_found() throws Exception {
        ContentFixture content = fixture();
        String[] renamed = both(content, "programs/beta.md", program(content, "beta").replace("---\nAbout", "slug: beta-two\n---\nAbout"));
        assertThat(renamed[0]).isEqualTo(renamed[1]).contains("content/programs/gamma.md:").contains("beta");
        String[] broken = both(content, "programs/beta.md", program(content, "beta").replace("lengthYears: 3", "lengthYears: [three"));
        assertThat(broken[0]).isEqualTo(broken[1]).contains("content/programs/beta.md:").contains("content/programs/gamma.md:");
        String[] relatedAway = both(content, "programs/gamma.md", program(content, "gamma").replace("related: [beta, alpha]", "related: [beta, nobody]"));
        assertThat(relatedAway[0]).isEqualTo(relatedAway[1]).contains("nobody");
    }

    @Test
    void a_good_edit_and_a_bundles_page_give_the_same_pages_and_files() throws Exception {
        ContentFixture content = fixture();
        String[] good = both(content, "news/first.md", Files.readString(content.dir().resolve("news/first.md")).replace("First", "First, edited"));
        assertThat(good[0]).isEqualTo(good[1]).contains("First, edited").doesNotContain("content/news/first.md:");
        String[] bundle = both(content, "news/photo-story/index.md", "---\ntitle: Photo two\ndate: 2026-01-02\nsummary: S.\nimage: photo.png\nimageAlt: A photo\n---\nNew.\n");
        assertThat(bundle[0]).isEqualTo(bundle[1]).contains("Photo two", "/news/photo-story/photo.png");
    }

    @Test
    void a_file_changed_added_or_removed_on_disk_since_the_load_makes_the_check_read_the_folder() throws Exception {
        ContentFixture content = fixture();
        ContentLoader loader = new ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES);
        loader.load();
        Path beta = content.dir().resolve("programs/beta.md");
        assertThat(loader.replays(beta)).isTrue();
        content.write("programs/alpha.md", program(content, "alpha").replace("---\nAbout", "slug: beta\n---\nAbout"));
        assertThat(loader.replays(beta)).as("a file changed by hand").isFalse();
        String text = program(content, "beta");
        List<String> problems = loader.loadWith(beta, text.getBytes(StandardCharsets.UTF_8)).problems().stream().map(ContentProblem::toString).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("duplicate slug 'beta'"));

        loader.load();
        assertThat(loader.replays(beta)).isTrue();
        content.write("news/second.md", "---\ntitle: Second\ndate: 2026-01-03\nsummary: S.\n---\n");
        assertThat(loader.replays(beta)).as("a file added").isFalse();
        loader.load();
        Files.delete(content.dir().resolve("news/second.md"));
        assertThat(loader.replays(beta)).as("a file removed").isFalse();
        loader.load();
        assertThat(loader.replays(content.dir().resolve("programs/new.md"))).as("a file that was not there").isFalse();
    }

    @Test
    void a_linked_file_is_read_as_the_file_it_links_to_and_replayed_alike() throws Exception {
        ContentFixture content = fixture();
        Path outside = Files.writeString(temp.resolve("shared-story.md"), "---\ntitle: Shared\ndate: 2026-01-04\nsummary: S.\n---\nShared.\n");
        Files.createSymbolicLink(content.dir().resolve("news/shared.md"), outside);
        String[] seen = both(content, "news/first.md", Files.readString(content.dir().resolve("news/first.md")));
        assertThat(seen[0]).isEqualTo(seen[1]).contains("content/news/shared.md=/news/shared Shared");
    }
}
