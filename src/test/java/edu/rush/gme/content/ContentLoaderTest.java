package edu.rush.gme.content;

import edu.rush.gme.App;
import edu.rush.gme.page.BasicPage;
import edu.rush.gme.page.HomePage;
import edu.rush.gme.wellness.WellnessInitiative;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.ProgramContent;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path temp;

    private final Instant now = ContentFixture.CLOCK.instant();

    private ContentSnapshot load(ContentFixture fixture) {
        return new ContentLoader(fixture.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
    }

    private static List<String> problems(ContentSnapshot snapshot) {
        return snapshot.problems().stream().map(ContentProblem::toString).toList();
    }

    @Test
    void loads_pages_of_every_type_from_a_hugo_shaped_folder() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .write("_index.md", "---\ntitle: Home\nhero:\n  heading: H\n  text: T\nsupport:\n  heading: S\n  text: T\n---\nWelcome.\n")
                .write("about.md", "---\ntitle: About\nlayout: about\n---\nAbout us.\n")
                .write("programs/_index.md", "---\ntitle: All programs\n---\nIntro.\n")
                .write("programs/neurology.md", "---\ntitle: Neurology\ntype: residency\nspecialty: Neurology\nsummary: S\n---\n")
                .news("first", "2026-01-01", "First")
                .write("wellness/yoga/index.md", "---\ntitle: Yoga\nsummary: Stretch.\n---\n")
                .write("wellness/yoga/mat.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>"));

        assertThat(problems(snapshot)).isEmpty();
        assertThat(snapshot.first(HomePage.TYPE, now)).get().extracting(Page::html).isEqualTo("<p>Welcome.</p>");
        assertThat(snapshot.find(BasicPage.TYPE, "about", now)).get().extracting(p -> p.data().layout()).isEqualTo("about");
        assertThat(snapshot.intro(ProgramContent.TYPE, now)).get().extracting(Page::title).isEqualTo("All programs");
        assertThat(snapshot.find(ProgramContent.TYPE, "neurology", now)).get().extracting(Page::url).isEqualTo("/programs/neurology");
        assertThat(snapshot.find(NewsStory.TYPE, "first", now)).get().extracting(Page::source).isEqualTo("content/news/first.md");
        assertThat(snapshot.find(WellnessInitiative.TYPE, "yoga", now)).get().extracting(Page::url).isEqualTo("/wellness/yoga");
        assertThat(snapshot.resource("/wellness/yoga/mat.svg", now)).isPresent();
        assertThat(snapshot.site().name()).isEqualTo("Test GME");
        assertThat(snapshot.version()).hasSize(12);
    }

    @Test
    void a_reload_after_saving_one_file_reads_that_file_again_and_keeps_the_others_as_they_were() {
        ContentFixture fixture = ContentFixture.minimal(temp).news("kept", "2026-01-01", "Kept").news("edited", "2026-01-02", "Edited");
        ContentLoader loader = new ContentLoader(fixture.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES);
        ContentSnapshot first = loader.load();
        Page<?> kept = first.find(NewsStory.TYPE, "kept", now).orElseThrow();
        kept.html();

        fixture.write("news/edited.md", "---\ntitle: Edited again\ndate: 2026-01-02\nsummary: S.\n---\nNew words.\n");
        ContentSnapshot second = loader.load(first);

        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(second.find(NewsStory.TYPE, "edited", now)).get().extracting(Page::title, Page::html).containsExactly("Edited again", "<p>New words.</p>");
        assertThat(second.find(NewsStory.TYPE, "kept", now).orElseThrow().body()).as("its rendered body, not rendered again").isSameAs(kept.body());

        fixture.news("edited", "2026-01-02", "Edited");
        assertThat(loader.load(second).find(NewsStory.TYPE, "edited", now)).get().extracting(Page::title).as("and back again").isEqualTo("Edited");
        assertThat(loader.load(second).version()).isEqualTo(first.version());
    }

    @Test
    void a_page_shows_the_body_of_the_same_version_as_its_front_matter_whatever_the_disk_holds_now() {
        ContentFixture fixture = ContentFixture.minimal(temp)
                .write("news/story.md", "---\ntitle: First\ndate: 2026-01-02\nsummary: S.\n---\nFirst words.\n");
        ContentLoader loader = new ContentLoader(fixture.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES);
        ContentSnapshot first = loader.load();

        // Saved again before anything asked for the first version's body (rendered only when asked for).
        fixture.write("news/story.md", "---\ntitle: Second\ndate: 2026-01-02\nsummary: S.\n---\nSecond words.\n");
        Page<?> old = first.find(NewsStory.TYPE, "story", now).orElseThrow();
        assertThat(old.title()).isEqualTo("First");
        assertThat(old.html()).isEqualTo("<p>First words.</p>");
        assertThat(old.body().text()).isEqualTo("First words.");

        ContentSnapshot second = loader.load(first);
        assertThat(second.find(NewsStory.TYPE, "story", now)).get().extracting(Page::title, Page::html)
                .containsExactly("Second", "<p>Second words.</p>");
        assertThat(old.html()).as("the old snapshot's page is still its own version").isEqualTo("<p>First words.</p>");
    }

    @Test
    void a_problem_found_across_files_points_at_its_field_after_the_file_changed_on_disk() {
        ContentFixture fixture = ContentFixture.minimal(temp)
                .write("news/a.md", "---\ntitle: A\ndate: 2026-01-02\nsummary: S.\nslug: same\n---\nA.\n")
                .write("news/b.md", "---\ntitle: B\ndate: 2026-01-03\nsummary: S.\n\n\nslug: same\n---\nB.\n");
        ContentLoader loader = new ContentLoader(fixture.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES);
        assertThat(problems(loader.load())).anyMatch(p -> p.startsWith("content/news/b.md:7:1: duplicate slug 'same'"));
    }

    @Test
    void leaves_out_a_broken_file_and_keeps_everything_else() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .news("good", "2026-01-01", "Good")
                .write("news/broken.md", "---\ntitle: Broken\nsummary: S\ndate: yesterday\n---\n"));

        assertThat(snapshot.list(NewsStory.TYPE, now)).extracting(Page::slug).containsExactly("good");
        assertThat(problems(snapshot)).containsExactly(
                "content/news/broken.md:4:7: 'date' must be a date written as YYYY-MM-DD, like 2026-09-15, got \"yesterday\"");
    }

    @Test
    void reports_a_duplicate_slug_at_the_slug_line_and_keeps_the_first_file() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .news("alpha", "2026-01-01", "Alpha")
                .write("news/beta.md", "---\ntitle: Beta\ndate: 2026-01-02\nsummary: S\nslug: alpha\n---\n"));

        assertThat(snapshot.list(NewsStory.TYPE, now)).extracting(Page::title).containsExactly("Alpha");
        assertThat(problems(snapshot)).containsExactly(
                "content/news/beta.md:5:1: duplicate slug 'alpha': content/news/alpha.md already uses /news/alpha");
    }

    @Test
    void reports_a_duplicate_between_a_file_and_a_bundle() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .news("alpha", "2026-01-01", "Alpha")
                .write("news/alpha/index.md", "---\ntitle: Alpha bundle\ndate: 2026-01-02\nsummary: S\n---\n"));

        assertThat(problems(snapshot)).containsExactly(
                "content/news/alpha/index.md:1:1: duplicate slug 'alpha': content/news/alpha.md already uses /news/alpha");
    }

    @Test
    void refuses_slugs_that_the_site_itself_uses() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .write("news.md", "---\ntitle: News page\n---\n")
                .write("programs/compare.md", "---\ntitle: C\ntype: fellowship\nspecialty: S\nsummary: S\n---\n"));

        assertThat(problems(snapshot)).containsExactly(
                "content/news.md:1:1: slug 'news' is taken by the site's own page /news; choose another slug",
                "content/programs/compare.md:1:1: slug 'compare' is taken by the site's own page /programs/compare; choose another slug");
    }

    @Test
    void reports_files_that_do_not_fit_the_folder_shape() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .write("podcasts/episode-one.md", "---\ntitle: Open house\n---\n")
                .write("news/My Story.md", "---\ntitle: T\ndate: 2026-01-01\nsummary: S\n---\n")
                .write("news/a/b/deep.md", "---\ntitle: T\n---\n")
                .write("news/bundle/extra.md", "---\ntitle: T\n---\n"));

        assertThat(problems(snapshot)).containsExactlyInAnyOrder(
                "content/podcasts/episode-one.md:1:1: unknown section 'podcasts': content goes in programs/, news/, wellness/ or events/, or directly in content/ for a page like /about",
                "content/news/My Story.md:1:1: the file name 'My Story.md' cannot be a web address: rename it with lowercase letters, digits and hyphens (like 'internal-medicine.md') or set 'slug'",
                "content/news/a/b/deep.md:1:1: too deep: pages go in news/NAME.md or news/NAME/index.md",
                "content/news/bundle/extra.md:1:1: a page bundle folder holds one index.md (and its images); move this page to news/ or rename it index.md");
    }

    @Test
    void ignores_archetypes_hidden_files_and_editor_backups() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .write("_archetypes/news.md", "---\ntitle: \"Headline\"\n---\n")
                .write("news/.draft.md", "not front matter")
                .write("news/story.md~", "not front matter"));

        assertThat(problems(snapshot)).isEmpty();
        assertThat(snapshot.all(NewsStory.TYPE)).isEmpty();
    }

    @Test
    void hides_drafts_future_and_expired_pages_by_one_rule() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .news("visible", "2026-01-01", "Visible")
                .write("news/draft.md", "---\ntitle: Draft\ndate: 2026-01-01\nsummary: S\ndraft: true\n---\n")
                .write("news/future.md", "---\ntitle: Future\ndate: 2026-01-01\nsummary: S\npublishDate: 2026-11-28\n---\n")
                .write("news/expired.md", "---\ntitle: Expired\ndate: 2026-01-01\nsummary: S\nexpiryDate: 2026-11-27\n---\n")
                .write("news/today.md", "---\ntitle: Today\ndate: 2026-01-01\nsummary: S\npublishDate: 2026-11-27\n---\n"));

        assertThat(snapshot.all(NewsStory.TYPE)).hasSize(5);
        assertThat(snapshot.list(NewsStory.TYPE, now)).extracting(Page::slug).containsExactlyInAnyOrder("visible", "today");
        assertThat(snapshot.find(NewsStory.TYPE, "draft", now)).isEmpty();
        assertThat(snapshot.find(NewsStory.TYPE, "future", now)).isEmpty();
        assertThat(snapshot.find(NewsStory.TYPE, "future", Instant.parse("2026-11-28T06:00:00Z"))).isPresent();
        assertThat(snapshot.allVisible(now)).extracting(Page::url).containsExactlyInAnyOrder("/news/visible", "/news/today");
    }

    @Test
    void orders_news_newest_first() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .news("old", "2025-05-01", "Old")
                .news("new", "2026-05-01", "New")
                .news("middle", "2025-12-01", "Middle"));

        assertThat(snapshot.list(NewsStory.TYPE, now)).extracting(Page::slug).containsExactly("new", "middle", "old");
    }

    @Test
    void a_broken_site_yaml_is_reported_and_the_site_runs_on_defaults() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp).write("site.yaml", "name: X\nmission: M\nvision: V\ntimeZone: Mars/Base\n"));

        assertThat(problems(snapshot)).containsExactly(
                "content/site.yaml:4:1: 'timeZone' must be a time zone name like America/Chicago, got \"Mars/Base\"");
        assertThat(snapshot.site()).isEqualTo(SiteConfig.FALLBACK);
    }

    @Test
    void reports_an_unknown_site_setting() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp).write("site.yaml", ContentFixture.SITE_YAML + "navigaton: []\n"));

        assertThat(problems(snapshot)).containsExactly("content/site.yaml:10:1: unknown field 'navigaton' (did you mean 'navigation'?)");
    }

    @Test
    void a_byte_that_is_not_utf8_is_reported_where_it_is() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp)
                .write("news/a.md", latin1("---\nsummary: S\ndate: 2026-01-01\ntitle: \u00e9cole day\n---\n")));

        assertThat(snapshot.list(NewsStory.TYPE, now)).isEmpty();
        assertThat(problems(snapshot)).containsExactly("content/news/a.md:4:8: the file is not UTF-8 text: "
                + "byte 0xE9 at this position cannot be read; save the file with UTF-8 encoding");
    }

    @Test
    void a_site_yaml_that_is_not_utf8_is_reported_where_the_byte_is() {
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp).write("site.yaml", latin1(ContentFixture.SITE_YAML.replace("Test mission", "Caf\u00e9 mission"))));

        assertThat(problems(snapshot)).singleElement().asString().startsWith("content/site.yaml:4:13: the file is not UTF-8 text: byte 0xE9");
        assertThat(snapshot.site()).isEqualTo(SiteConfig.FALLBACK);
    }

    @Test
    void a_synonyms_file_that_is_not_utf8_is_reported_where_the_byte_is_counting_characters_not_bytes() {
        byte[] utf8 = "peds => pediatrics\ncr\u00e8me br\u00fbl".getBytes(StandardCharsets.UTF_8);
        byte[] rest = latin1("\u00e9e => custard\n");
        byte[] mixed = java.util.Arrays.copyOf(utf8, utf8.length + rest.length);
        System.arraycopy(rest, 0, mixed, utf8.length, rest.length);
        ContentSnapshot snapshot = load(ContentFixture.minimal(temp).write(ContentLoader.SYNONYMS, mixed));

        assertThat(problems(snapshot)).singleElement().asString().startsWith("content/synonyms.txt:2:11: the file is not UTF-8 text: byte 0xE9");
        assertThat(snapshot.searchSynonyms()).isEmpty();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void the_version_changes_when_any_file_changes() {
        ContentFixture fixture = ContentFixture.minimal(temp).news("a", "2026-01-01", "A");
        String before = load(fixture).version();
        fixture.news("a", "2026-01-01", "A changed");
        assertThat(load(fixture).version()).isNotEqualTo(before);
    }
}
