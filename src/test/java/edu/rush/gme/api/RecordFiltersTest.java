package edu.rush.gme.api;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ListFilters;
import edu.rush.gme.content.Page;
import edu.rush.gme.page.BasicPage;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramContent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filters a type gets without declaring any, read off its records: enum fields by value, date fields by range. */
class RecordFiltersTest {

    @TempDir
    Path temp;

    ContentSnapshot load() {
        ContentFixture fixture = ApiSite.content(temp)
                .write("how-to-apply.md", "---\ntitle: How to Apply\ndate: 2026-05-01\nverified: 2026-10-01\n---\nSteps.\n");
        return new ContentLoader(fixture.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
    }

    @Test
    void an_enum_field_filters_by_its_front_matter_values_any_of_several() {
        // Programs declare their own (the finder's); read off the record they would filter by programType.
        RecordFilters<Program> filters = new RecordFilters<>(ProgramContent.TYPE);
        ListFilters.Filter programType = filters.filters().stream().filter(f -> f.name().equals("programType")).findFirst().orElseThrow();
        assertThat(programType.values()).containsExactly("residency", "fellowship", "allied-health");
        assertThat(programType.repeatable()).isTrue();
        ContentSnapshot snapshot = load();
        List<String> slugs = filters.list(snapshot, ContentFixture.CLOCK.instant(), Map.of("programType", List.of("fellowship", "allied-health")), "title")
                .stream().map(Page::slug).toList();
        assertThat(slugs).containsExactly("delta-cards", "epsilon-gi", "zeta-pharm");
    }

    @Test
    void every_date_field_gives_a_range_and_a_sort_but_scheduling_dates_do_not() {
        RecordFilters<BasicPage> filters = new RecordFilters<>(BasicPage.TYPE);
        assertThat(filters.filters().stream().map(ListFilters.Filter::name)).containsExactly("from", "to", "verifiedFrom", "verifiedTo");
        assertThat(filters.sorts()).containsExactly("title", "-title", "date", "-date", "verified", "-verified");
        ContentSnapshot snapshot = load();
        assertThat(filters.list(snapshot, ContentFixture.CLOCK.instant(), Map.of("verifiedFrom", List.of("2026-09-01")), null)
                .stream().map(Page::slug)).containsExactly("how-to-apply");
        assertThat(filters.list(snapshot, ContentFixture.CLOCK.instant(), Map.of(), "-date").stream().map(Page::slug))
                .containsExactly("how-to-apply", "resources", "about");
    }
}
