package edu.rush.gme.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.news.NewsStory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publishDate and expiryDate to the minute: a page appears (or goes) everywhere at once, across daylight saving changes. */
class SchedulingTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    Path temp;

    @Test
    void reads_a_date_a_local_time_and_a_time_with_an_offset() {
        assertThat(DateOrTime.parse("2026-12-01").in(CHICAGO)).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
        assertThat(DateOrTime.parse("2026-12-01T09:00").in(CHICAGO)).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(DateOrTime.parse("2026-12-01 09:00").in(CHICAGO)).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(DateOrTime.parse("2026-12-01T09:00:30").in(CHICAGO)).isEqualTo(Instant.parse("2026-12-01T15:00:30Z"));
        assertThat(DateOrTime.parse("2026-12-01T09:00-08:00").in(CHICAGO)).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
        assertThat(DateOrTime.parse("2026-12-01T09:00Z").in(CHICAGO)).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(DateOrTime.parse("2026-12-01T09:00-06:00")).hasToString("2026-12-01T09:00-06:00");
        for (String bad : new String[] {"2026-13-01", "2026-12-01T25:00", "tomorrow", "2026-12-01T", "2026-12-01T09:00 CST", "12/01/2026"}) {
            assertThatThrownBy(() -> DateOrTime.parse(bad)).as(bad).isInstanceOf(java.time.DateTimeException.class);
        }
    }

    @Test
    void a_local_time_skipped_or_repeated_by_daylight_saving_is_read_as_documented() {
        // 2026-03-08 02:30 does not exist in Chicago (02:00 CST jumps to 03:00 CDT): the same time after the jump.
        assertThat(DateOrTime.parse("2026-03-08T02:30").in(CHICAGO)).isEqualTo(Instant.parse("2026-03-08T08:30:00Z"));
        // 2026-11-01 01:30 happens twice (CDT, then CST): the first.
        assertThat(DateOrTime.parse("2026-11-01T01:30").in(CHICAGO)).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        // A day alone starts at its midnight, whatever the offset that day.
        assertThat(DateOrTime.parse("2026-03-09").in(CHICAGO)).isEqualTo(Instant.parse("2026-03-09T05:00:00Z"));
        assertThat(DateOrTime.parse("2026-11-02").in(CHICAGO)).isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
    }

    @Test
    void a_malformed_time_is_reported_at_its_line_with_the_forms_it_may_take() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/bad.md", "---\ntitle: Bad\ndate: 2026-11-01\nsummary: S\npublishDate: 2026-12-01 9am\n---\n");
        ContentSnapshot snapshot = new ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        assertThat(snapshot.problems()).extracting(ContentProblem::toString).anySatisfy(problem -> assertThat(problem)
                .startsWith("content/news/bad.md:5:")
                .contains("'publishDate' must be a date like 2026-12-01, or a date and time like 2026-12-01T09:00")
                .contains("got \"2026-12-01 9am\""));
    }

    @Test
    void an_expiry_before_the_publication_is_refused() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/bad.md", "---\ntitle: Bad\ndate: 2026-11-01\nsummary: S\npublishDate: 2026-12-01T10:00\nexpiryDate: 2026-12-01T09:00\n---\n");
        ContentSnapshot snapshot = new ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        assertThat(snapshot.problems()).extracting(ContentProblem::toString)
                .anySatisfy(problem -> assertThat(problem).startsWith("content/news/bad.md:6:").contains("'expiryDate' must be after 'publishDate'"));
    }

    @Test
    void the_snapshot_knows_its_next_scheduled_moment_and_keys_what_is_visible_by_the_moments_passed() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/launch.md", "---\ntitle: Launch\ndate: 2026-11-01\nsummary: S\npublishDate: 2026-12-01T09:00\nexpiryDate: 2026-12-01T17:30\n---\n")
                .write("news/draft.md", "---\ntitle: Draft\ndate: 2026-11-01\nsummary: S\ndraft: true\npublishDate: 2026-12-01T08:00\n---\n");
        ContentSnapshot snapshot = new ContentLoader(content.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        Instant nine = Instant.parse("2026-12-01T15:00:00Z");
        Instant halfPastFive = Instant.parse("2026-12-01T23:30:00Z");
        assertThat(snapshot.nextBoundary(Instant.parse("2026-12-01T14:00:00Z"))).as("a draft schedules nothing").contains(nine);
        assertThat(snapshot.nextBoundary(nine)).contains(halfPastFive);
        assertThat(snapshot.nextBoundary(halfPastFive)).isEmpty();

        assertThat(snapshot.visibilityKey(nine.minusSeconds(60))).isNotEqualTo(snapshot.visibilityKey(nine));
        assertThat(snapshot.visibilityKey(nine)).isEqualTo(snapshot.visibilityKey(nine.plusSeconds(3600)));
        assertThat(snapshot.list(NewsStory.TYPE, nine.minusSeconds(1))).extracting(Page::slug).doesNotContain("launch");
        assertThat(snapshot.list(NewsStory.TYPE, nine)).extracting(Page::slug).contains("launch");
        assertThat(snapshot.list(NewsStory.TYPE, halfPastFive)).extracting(Page::slug).doesNotContain("launch");
    }

    @Test
    void a_story_scheduled_for_a_minute_appears_at_that_minute_on_its_page_lists_search_sitemap_and_feed() {
        ContentFixture content = ContentFixture.minimal(temp)
                .news("older", "2026-11-20", "Older story")
                .write("news/wombat.md", "---\ntitle: Wombat open house\ndate: 2026-12-01\nsummary: Wombats at nine.\n"
                        + "publishDate: 2026-12-01T09:00\n---\nWombat keepers welcome applicants.\n");
        // 08:58 in Chicago
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T14:58:00Z"));
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), clock)) {
            assertEverywhere(site, false);
            clock.advance(Duration.ofMinutes(1)); // 08:59
            assertEverywhere(site, false);
            clock.advance(Duration.ofMinutes(1)); // 09:00
            assertEverywhere(site, true);
        }
    }

    @Test
    void a_program_scheduled_for_a_minute_joins_the_finder_its_counts_and_the_csv_at_that_minute() {
        ContentFixture content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .program("numbat-medicine", "residency", "Numbat Medicine", 3, "[H-1B]", true, 5, false, "virtual", "2027-10-15",
                        "publishDate: 2026-12-01T09:00");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T14:59:00Z"));
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), clock)) {
            assertThat(site.get("/programs").text()).doesNotContain("Numbat Medicine");
            assertThat(site.get("/programs?visa=H-1B").text()).doesNotContain("Numbat Medicine");
            assertThat(site.get("/programs.csv").text()).doesNotContain("Numbat Medicine");
            assertThat(site.get("/programs/numbat-medicine").status()).isEqualTo(404);
            clock.advance(Duration.ofMinutes(1));
            assertThat(site.get("/programs").text()).contains("Numbat Medicine");
            assertThat(site.get("/programs?visa=H-1B").page().select(".results .card__title").eachText()).contains("Numbat Medicine Residency");
            assertThat(site.get("/programs.csv").text()).contains("Numbat Medicine");
            assertThat(site.get("/programs/numbat-medicine").status()).isEqualTo(200);
        }
    }

    @Test
    void a_story_published_on_the_night_clocks_spring_forward_appears_at_the_first_minute_after_the_jump() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/night.md", "---\ntitle: Night shift story\ndate: 2026-03-08\nsummary: S\npublishDate: 2026-03-08T02:30\n---\n");
        // 01:59 CST; one minute later it is 03:00 CDT, and the story (02:30, read as 03:30 CDT) is still ahead.
        MutableClock clock = new MutableClock(Instant.parse("2026-03-08T07:59:00Z"));
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), clock)) {
            assertThat(site.get("/news/night").status()).isEqualTo(404);
            clock.advance(Duration.ofMinutes(1));
            assertThat(site.get("/news/night").status()).isEqualTo(404);
            clock.advance(Duration.ofMinutes(30));
            assertThat(site.get("/news/night").status()).isEqualTo(200);
        }
    }

    @Test
    void a_story_expiring_in_the_repeated_hour_of_the_autumn_change_goes_at_its_first_occurrence() {
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/fall.md", "---\ntitle: Fall back story\ndate: 2026-10-01\nsummary: S\nexpiryDate: 2026-11-01T01:30\n---\n");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-01T06:29:00Z")); // 01:29 CDT
        try (TestSite site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static")), clock)) {
            assertThat(site.get("/news/fall").status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(1)); // 01:30 CDT
            assertThat(site.get("/news/fall").status()).isEqualTo(404);
            clock.advance(Duration.ofHours(1)); // 01:30 CST, the second time
            assertThat(site.get("/news/fall").status()).isEqualTo(404);
        }
    }

    @Test
    void the_store_tells_its_listeners_at_a_scheduled_moment() throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.LocalDateTime soon = start.plusSeconds(2).atOffset(ZoneOffset.UTC).toLocalDateTime();
        ContentFixture content = ContentFixture.minimal(temp)
                .write("news/soon.md", "---\ntitle: Soon\ndate: 2026-10-01\nsummary: S\npublishDate: " + soon + "Z\n---\n");
        ContentStore store = new ContentStore(new ContentLoader(content.dir(), Clock.systemUTC(), App.CONTENT_TYPES), Clock.systemUTC());
        java.util.concurrent.CompletableFuture<Boolean> told = new java.util.concurrent.CompletableFuture<>();
        store.onScheduledMoment(snapshot -> told.complete(snapshot.find(NewsStory.TYPE, "soon", Instant.now()).isPresent()));
        store.reload();
        store.startSchedule();
        try {
            assertThat(store.snapshot().find(NewsStory.TYPE, "soon", start)).isEmpty();
            assertThat(told.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("visible when the listeners are told").isTrue();
        } finally {
            store.stopSchedule();
        }
    }

    private static void assertEverywhere(TestSite site, boolean visible) {
        String when = visible ? "at 09:00" : "before 09:00";
        assertThat(site.get("/news/wombat").status()).as(when).isEqualTo(visible ? 200 : 404);
        assertThat(site.get("/news").text().contains("Wombat open house")).as("news list " + when).isEqualTo(visible);
        assertThat(site.get("/").text().contains("Wombat open house")).as("home " + when).isEqualTo(visible);
        assertThat(site.get("/search?q=wombat").text().contains("Wombat open house")).as("search " + when).isEqualTo(visible);
        assertThat(site.get("/api/v1/search?q=wombat").text().contains("Wombat open house")).as("search API " + when).isEqualTo(visible);
        assertThat(site.get("/sitemap.xml").text().contains("/news/wombat")).as("sitemap " + when).isEqualTo(visible);
        assertThat(site.get("/news/feed.xml").text().contains("Wombat open house")).as("feed " + when).isEqualTo(visible);
        assertThat(site.get("/api/v1/news").text().contains("Wombat open house")).as("content API list " + when).isEqualTo(visible);
        TestSite.Response item = site.get("/api/v1/news/wombat");
        assertThat(item.status()).as("content API item " + when).isEqualTo(visible ? 200 : 404);
        if (visible) {
            assertThat(item.text()).as("the moment with its offset").contains("\"publishDate\":\"2026-12-01T09:00:00-06:00\"");
        }
    }
}
