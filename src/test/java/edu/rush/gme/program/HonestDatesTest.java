package edu.rush.gme.program;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deadlines as an applicant reads them on either side of one: a window that has passed is shown
 * closed, with the next cycle's dates when content has them, and it no longer counts in the
 * finder's deadline order or filter. Decided per request in the site's time zone (Chicago).
 */
class HonestDatesTest {

    @TempDir
    static Path temp;

    /** October 15th, 11:30 pm in Chicago (already the 16th in UTC): the deadline day is not over. */
    static final Clock DEADLINE_NIGHT = Clock.fixed(Instant.parse("2026-10-16T04:30:00Z"), ZoneOffset.UTC);
    /** October 16th, 1 am in Chicago: the deadline has passed. */
    static final Clock DAY_AFTER = Clock.fixed(Instant.parse("2026-10-16T06:00:00Z"), ZoneOffset.UTC);

    static TestSite before;
    static TestSite after;

    @BeforeAll
    static void start() {
        Path content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2026-10-15",
                        "cycle: 2026-2027")
                .write("programs/beta-peds.md", """
                        ---
                        title: Pediatrics Residency
                        type: residency
                        specialty: Pediatrics
                        summary: Training in Pediatrics.
                        cycle: 2026-2027
                        application:
                          system: ERAS
                          opens: 2026-06-01
                          deadline: 2026-10-15
                          next:
                            cycle: 2027-2028
                            opens: 2027-06-03
                            deadline: 2027-10-14
                        ---
                        About Pediatrics.
                        """)
                .program("gamma-surg", "residency", "Surgery", 5, "[]", false, 2, false, "hybrid", "2026-11-30", "cycle: 2026-2027")
                .dir();
        before = TestSite.start(edu.rush.gme.Settings.forFolders(content, Path.of("static")), DEADLINE_NIGHT);
        after = TestSite.start(edu.rush.gme.Settings.forFolders(content, Path.of("static")), DAY_AFTER);
    }

    @AfterAll
    static void stop() {
        before.close();
        after.close();
    }

    private static Document page(TestSite site, String path) {
        return site.page(path);
    }

    private static String card(Document finder, String title) {
        return finder.select(".card--program:has(.card__title:contains(" + title + ")) .card__facts").text();
    }

    @Test
    void on_the_deadline_day_in_chicago_the_window_is_still_open() {
        assertThat(page(before, "/programs/alpha-im").selectFirst(".window").text()).isEqualTo("Open: closes today, October 15, 2026.");
        assertThat(card(page(before, "/programs"), "Internal Medicine Residency")).contains("Applications: Open: closes today, October 15, 2026.");
    }

    @Test
    void once_the_deadline_has_passed_the_page_says_closed_and_that_the_next_dates_are_not_announced() {
        Document program = page(after, "/programs/alpha-im");
        assertThat(program.selectFirst(".window").text())
                .isEqualTo("Closed on October 15, 2026 for the 2026\u201327 cycle. Dates for the next cycle are not yet announced.");
        assertThat(program.selectFirst(".window").hasClass("window--closed")).isTrue();
        assertThat(program.select(".facts__list dt").eachText()).doesNotContain("Application window");
        assertThat(card(page(after, "/programs"), "Internal Medicine Residency")).contains("Applications: Closed on October 15, 2026");
    }

    @Test
    void a_closed_window_points_to_the_next_cycles_dates_when_content_has_them() {
        assertThat(page(after, "/programs/beta-peds").selectFirst(".window").text())
                .isEqualTo("Applications for 2027\u201328 open on June 3, 2027; deadline October 14, 2027.");
        assertThat(page(before, "/programs/beta-peds").selectFirst(".window").text()).isEqualTo("Open: closes today, October 15, 2026.");
    }

    @Test
    void the_deadline_order_and_filter_ignore_closed_windows() {
        assertThat(page(before, "/programs?sort=deadline").select(".results .card__title").eachText())
                .containsExactly("Internal Medicine Residency", "Pediatrics Residency", "Surgery Residency");
        assertThat(page(after, "/programs?sort=deadline").select(".results .card__title").eachText())
                .containsExactly("Surgery Residency", "Pediatrics Residency", "Internal Medicine Residency");
        assertThat(page(after, "/programs?window=open").select(".results .card__title").eachText())
                .containsExactly("Surgery Residency");
        assertThat(page(after, "/programs?window=ahead").select(".results .card__title").eachText())
                .containsExactly("Pediatrics Residency", "Surgery Residency");
        assertThat(page(before, "/programs?window=open").select(".results .card__title").eachText())
                .containsExactly("Internal Medicine Residency", "Pediatrics Residency", "Surgery Residency");
    }

    @Test
    void the_comparison_and_the_spreadsheet_show_the_window_as_it_stands() {
        Document compare = page(after, "/programs/compare?p=alpha-im,gamma-surg");
        assertThat(compare.text()).contains("Closed on October 15, 2026 for the 2026\u201327 cycle").contains("Open until November 30, 2026.");
        assertThat(after.get("/programs/compare.csv?p=alpha-im,gamma-surg").raw().body()).contains("Application window")
                .contains("Closed on October 15, 2026");
    }

    @Test
    void a_program_whose_cycle_has_ended_says_so_in_the_finder() {
        TestSite late = TestSite.start(edu.rush.gme.Settings.forFolders(temp.resolve("content"), Path.of("static")),
                Clock.fixed(Instant.parse("2027-07-02T15:00:00Z"), ZoneOffset.UTC));
        try {
            Document finder = page(late, "/programs");
            assertThat(finder.select(".card__warning").eachText()).contains("These facts were published for the 2026-2027 cycle, which has ended.");
            assertThat(page(late, "/programs/beta-peds").selectFirst(".window").text())
                    .isEqualTo("Open for 2027\u201328 until October 14, 2027.");
        } finally {
            late.close();
        }
    }
}
