package edu.rush.gme.program;

import edu.rush.gme.App;
import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.Page;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact results and drill-sideways counts of the finder over a six-program fixture catalog. */
class ProgramFinderTest {

    @TempDir
    Path temp;

    private ProgramFinder finder;

    @BeforeEach
    void catalog() {
        ContentSnapshot snapshot = new ContentLoader(ContentFixture.finderCatalog(temp).dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        assertThat(snapshot.problems()).isEmpty();
        finder = new ProgramFinder(snapshot.list(ProgramContent.TYPE, ContentFixture.CLOCK.instant()), snapshot.at(ContentFixture.CLOCK.instant()).toLocalDate());
    }

    private ProgramFinder.Result find(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>())
                    .add(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return finder.find(FinderQuery.from(params, ProgramFinder.FACET_KEYS));
    }

    private static List<String> slugs(ProgramFinder.Result result) {
        return result.programs().stream().map(Page::slug).toList();
    }

    /** value -> count for one filter, only values with programs or chosen. */
    private static Map<String, Integer> counts(ProgramFinder.Result result, String facet) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        result.facets().stream().filter(f -> f.key().equals(facet)).findFirst().orElseThrow()
                .options().forEach(o -> counts.put(o.value(), o.count()));
        return counts;
    }

    @Test
    void without_filters_finds_every_program_by_name() {
        ProgramFinder.Result result = find("");
        assertThat(slugs(result)).containsExactly("delta-cards", "epsilon-gi", "alpha-im", "beta-peds", "zeta-pharm", "gamma-surg");
        assertThat(counts(result, "type")).containsExactly(Map.entry("residency", 3), Map.entry("fellowship", 2), Map.entry("allied-health", 1));
        assertThat(counts(result, "length")).containsExactly(Map.entry("1", 1), Map.entry("3", 4), Map.entry("5", 1));
        assertThat(result.total()).isEqualTo(6);
        assertThat(result.active()).isEmpty();
    }

    @Test
    void one_filter_keeps_its_own_counts_and_narrows_the_others() {
        ProgramFinder.Result result = find("type=residency");
        assertThat(slugs(result)).containsExactly("alpha-im", "beta-peds", "gamma-surg");
        assertThat(counts(result, "type")).containsExactly(Map.entry("residency", 3), Map.entry("fellowship", 2), Map.entry("allied-health", 1));
        assertThat(counts(result, "length")).containsExactly(Map.entry("1", 0), Map.entry("3", 2), Map.entry("5", 1));
        assertThat(counts(result, "visa")).containsExactly(Map.entry("J-1", 2), Map.entry("H-1B", 1));
    }

    @Test
    void counts_of_each_filter_apply_all_the_other_filters() {
        ProgramFinder.Result result = find("type=residency&visa=J-1");
        assertThat(slugs(result)).containsExactly("alpha-im", "beta-peds");
        assertThat(counts(result, "visa")).containsExactly(Map.entry("J-1", 2), Map.entry("H-1B", 1));
        assertThat(counts(result, "type")).containsExactly(Map.entry("residency", 2), Map.entry("fellowship", 2), Map.entry("allied-health", 0));
        assertThat(counts(result, "interview")).containsExactly(Map.entry("virtual", 1), Map.entry("in-person", 1), Map.entry("hybrid", 0));
    }

    @Test
    void values_of_one_filter_widen_and_filters_together_narrow() {
        ProgramFinder.Result result = find("type=residency&type=fellowship&comlex=yes");
        assertThat(slugs(result)).containsExactly("delta-cards", "alpha-im", "beta-peds");
        assertThat(counts(result, "comlex")).containsExactly(Map.entry("yes", 3));
        assertThat(counts(result, "type")).containsExactly(Map.entry("residency", 2), Map.entry("fellowship", 1), Map.entry("allied-health", 0));
    }

    @Test
    void a_count_is_exactly_what_choosing_that_value_gives() {
        ProgramFinder.Result base = find("type=residency&usce=not-required");
        for (ProgramFinder.Facet facet : base.facets()) {
            for (ProgramFinder.Option option : facet.options()) {
                if (!option.selected()) {
                    ProgramFinder.Result clicked = find(option.toggleQuery());
                    int expected = facet.multiple() && !base.active().isEmpty() && facetActive(base, facet.key())
                            ? clicked.programs().size() - base.programs().size() : clicked.programs().size();
                    assertThat(option.count()).as(facet.key() + "=" + option.value()).isEqualTo(expected);
                }
            }
        }
    }

    private static boolean facetActive(ProgramFinder.Result result, String facet) {
        return result.facets().stream().filter(f -> f.key().equals(facet)).flatMap(f -> f.options().stream()).anyMatch(ProgramFinder.Option::selected);
    }

    @Test
    void the_graduation_window_matches_programs_that_accept_at_least_that_many_years() {
        ProgramFinder.Result result = find("graduation=5");
        assertThat(slugs(result)).containsExactly("alpha-im");
        assertThat(counts(result, "graduation")).containsExactly(
                Map.entry("1", 3), Map.entry("2", 3), Map.entry("3", 2), Map.entry("5", 1), Map.entry("10", 0));
    }

    @Test
    void finds_programs_for_international_graduates_without_us_clinical_experience() {
        assertThat(slugs(find("usce=not-required&interview=virtual&visa=J-1"))).containsExactly("delta-cards", "epsilon-gi", "alpha-im");
    }

    @Test
    void unknown_values_are_ignored_rather_than_emptying_the_list() {
        ProgramFinder.Result result = find("type=bogus&length=99");
        assertThat(result.programs()).hasSize(6);
        assertThat(result.active()).isEmpty();
    }

    @Test
    void sorts_by_length_positions_and_deadline() {
        assertThat(slugs(find("sort=length"))).containsExactly("zeta-pharm", "delta-cards", "epsilon-gi", "alpha-im", "beta-peds", "gamma-surg");
        assertThat(slugs(find("sort=positions"))).startsWith("alpha-im", "beta-peds", "gamma-surg");
        // On the fixture's day (November 27th, 2026) only the pharmacy deadline is still ahead; closed windows follow by name.
        assertThat(slugs(find("sort=deadline"))).containsExactly("zeta-pharm", "delta-cards", "epsilon-gi", "alpha-im", "beta-peds", "gamma-surg");
    }

    @Test
    void active_filters_link_to_the_same_search_without_them() {
        ProgramFinder.Result result = find("type=residency&visa=J-1&sort=length");
        assertThat(result.active()).extracting(ProgramFinder.ActiveFilter::valueLabel, ProgramFinder.ActiveFilter::removeQuery)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Residency Programs", "visa=J-1&sort=length"),
                        org.assertj.core.groups.Tuple.tuple("Sponsors J-1 visas", "type=residency&sort=length"));
    }

    @Test
    void an_impossible_combination_finds_nothing_and_says_what_to_remove() {
        ProgramFinder.Result result = find("type=allied-health&visa=J-1");
        assertThat(result.programs()).isEmpty();
        assertThat(result.active()).hasSize(2);
        assertThat(find(result.active().get(0).removeQuery()).programs()).isNotEmpty();
    }

    @Test
    void an_option_count_is_the_size_of_the_intersection_whatever_the_sets_lengths() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 500; round++) {
            java.util.BitSet a = new java.util.BitSet();
            java.util.BitSet b = new java.util.BitSet();
            // Sets of different lengths, empty ones, and ones whose last words are zero (toLongArray trims those).
            int sizeA = random.nextInt(700);
            int sizeB = random.nextInt(700);
            for (int i = 0; i < sizeA; i++) {
                if (random.nextInt(4) == 0) {
                    a.set(i);
                }
            }
            for (int i = 0; i < sizeB; i++) {
                if (random.nextInt(3) == 0) {
                    b.set(i);
                }
            }
            java.util.BitSet both = (java.util.BitSet) a.clone();
            both.and(b);
            assertThat(ProgramFinder.countBoth(a.toLongArray(), b.toLongArray())).isEqualTo(both.cardinality());
        }
    }
}
