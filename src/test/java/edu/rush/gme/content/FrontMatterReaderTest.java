package edu.rush.gme.content;

import edu.rush.gme.page.HomePage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.rush.gme.news.NewsStory;
import edu.rush.gme.program.Program;
import edu.rush.gme.program.ProgramType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterReaderTest {

    private final FrontMatterReader reader = new FrontMatterReader();

    private <T extends FrontMatter> FrontMatterReader.Parsed<T> read(String file, String text, Class<T> type) throws ContentException {
        return reader.read(SourceText.split(file, text), type);
    }

    private List<String> problems(String file, String text, Class<? extends FrontMatter> type) {
        try {
            read(file, text, type);
        } catch (ContentException e) {
            return e.problems().stream().map(ContentProblem::toString).toList();
        }
        throw new AssertionError("expected problems in " + file);
    }

    @Test
    void reads_a_good_program_into_typed_records() throws ContentException {
        var parsed = read("content/programs/neurology.md", """
                ---
                title: Neurology Residency
                type: residency
                specialty: Neurology
                summary: Training in disorders of the nervous system.
                lengthYears: 4
                date: 2026-05-01
                sample: true
                ---
                Body
                """, Program.class);

        assertThat(parsed.meta().title()).isEqualTo("Neurology Residency");
        assertThat(parsed.meta().date()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(parsed.meta().isSample()).isTrue();
        assertThat(parsed.data().type()).isEqualTo(ProgramType.RESIDENCY);
        assertThat(parsed.data().lengthYears()).isEqualTo(4);
        assertThat(parsed.data().positionsPerYear()).isNull();
    }

    /** Thousands of programs name the same sites and departments: each value is held once, however many files repeat it. */
    @Test
    void a_value_repeated_across_files_is_one_string_in_memory() throws ContentException {
        String file = """
                ---
                title: %s
                type: residency
                specialty: Neurology
                department: Department of Neurological Sciences
                summary: Training in disorders of the nervous system.
                sites: [RUSH University Medical Center]
                tags: [neuro]
                ---
                Body
                """;
        Program first = read("content/programs/a.md", file.formatted("A"), Program.class).data();
        Program second = read("content/programs/b.md", file.formatted("B"), Program.class).data();
        assertThat(second.department()).isEqualTo("Department of Neurological Sciences").isSameAs(first.department());
        assertThat(second.sites().get(0)).isSameAs(first.sites().get(0));
        assertThat(second.tags().get(0)).isSameAs(first.tags().get(0));
    }

    @Test
    void rejects_a_file_without_front_matter() {
        assertThat(problems("content/news/a.md", "# Just Markdown\n", NewsStory.class)).containsExactly(
                "content/news/a.md:1:1: missing front matter: the file must start with a line '---', then the YAML fields, then '---'");
    }

    @Test
    void rejects_front_matter_that_is_never_closed() {
        assertThat(problems("content/news/a.md", "---\ntitle: A\nsummary: B\n", NewsStory.class)).containsExactly(
                "content/news/a.md:1:1: front matter is not closed: add a line '---' after the YAML fields");
    }

    @Test
    void reports_a_yaml_syntax_error_where_the_parser_found_it_and_where_its_list_began() {
        assertThat(problems("content/news/a.md", """
                ---
                title: A
                summary: [unclosed
                date: 2026-01-01
                ---
                """, NewsStory.class)).singleElement().asString()
                .startsWith("content/news/a.md:4:5: invalid YAML: ")
                .contains("expected ',' or ']', but got : (while parsing a flow sequence from line 3, column 10)");
    }

    @Test
    void a_tab_indent_is_reported_where_the_tab_is() {
        assertThat(problems("content/news/a.md", "---\ntitle: A\n\tsummary: B\ndate: 2026-01-01\n---\n", NewsStory.class))
                .singleElement().asString()
                .startsWith("content/news/a.md:3:1: invalid YAML: ")
                .endsWith("found character a tab that cannot start any token. (Do not use tabs for indentation)");
    }

    @Test
    void an_unclosed_double_quote_is_reported_at_the_end_with_where_it_opened() {
        assertThat(problems("content/news/a.md", """
                ---
                title: "A
                summary: B
                date: 2026-01-01
                ---
                """, NewsStory.class)).singleElement().asString()
                .startsWith("content/news/a.md:4:17: invalid YAML: ")
                .contains("found unexpected end of stream (while scanning a quoted scalar from line 2, column 8)");
    }

    @Test
    void an_unclosed_single_quote_is_reported_at_the_end_with_where_it_opened() {
        assertThat(problems("content/news/a.md", """
                ---
                title: A
                summary: 'B
                date: 2026-01-01
                ---
                """, NewsStory.class)).singleElement().asString()
                .startsWith("content/news/a.md:4:17: invalid YAML: ")
                .contains("found unexpected end of stream (while scanning a quoted scalar from line 3, column 10)");
    }

    @Test
    void reports_an_unknown_field_with_a_suggestion() {
        assertThat(problems("content/news/a.md", """
                ---
                title: A
                summery: B
                date: 2026-01-01
                ---
                """, NewsStory.class)).containsExactly(
                "content/news/a.md:1:1: missing required field 'summary'",
                "content/news/a.md:3:1: unknown field 'summery' (did you mean 'summary'?)");
    }

    @Test
    void lists_the_allowed_fields_when_an_unknown_field_resembles_none() {
        List<String> problems = problems("content/wellness/a.md", """
                ---
                title: A
                summary: B
                colour_scheme: green
                ---
                """, edu.rush.gme.wellness.WellnessInitiative.class);
        assertThat(problems).containsExactly("content/wellness/a.md:4:1: unknown field 'colour_scheme'; the fields allowed here are: "
                + "title, description, slug, date, publishDate, expiryDate, draft, weight, sample, sampleNote, image, imageAlt, summary, ledBy");
    }

    @Test
    void reports_a_value_of_the_wrong_type_at_its_line_and_column() {
        assertThat(problems("content/programs/a.md", """
                ---
                title: A
                type: residency
                specialty: Neurology
                summary: S
                lengthYears: three
                ---
                """, Program.class)).containsExactly(
                "content/programs/a.md:6:14: 'lengthYears' must be a whole number, got \"three\"");
    }

    @Test
    void reports_an_unknown_program_type_with_the_allowed_values() {
        assertThat(problems("content/programs/a.md", """
                ---
                title: A
                type: internship
                specialty: Neurology
                summary: S
                ---
                """, Program.class)).containsExactly(
                "content/programs/a.md:3:7: 'type' must be one of residency, fellowship, allied-health, got \"internship\"");
    }

    @Test
    void reports_an_impossible_date() {
        assertThat(problems("content/news/a.md", """
                ---
                title: A
                summary: B
                date: 2026-13-45
                ---
                """, NewsStory.class)).containsExactly(
                "content/news/a.md:4:7: 'date' must be a date written as YYYY-MM-DD, like 2026-09-15, got \"2026-13-45\"");
    }

    @Test
    void reports_every_missing_required_field_at_the_opening_line() {
        assertThat(problems("content/programs/a.md", "---\ndescription: only this\n---\n", Program.class)).containsExactly(
                "content/programs/a.md:1:1: missing required field 'title'",
                "content/programs/a.md:1:1: missing required field 'type'",
                "content/programs/a.md:1:1: missing required field 'specialty'",
                "content/programs/a.md:1:1: missing required field 'summary'");
    }

    @Test
    void reports_a_field_written_twice() {
        assertThat(problems("content/news/a.md", """
                ---
                title: A
                summary: B
                title: C
                date: 2026-01-01
                ---
                """, NewsStory.class)).containsExactly(
                "content/news/a.md:4:6: duplicate field 'title': each field may appear once");
    }

    @Test
    void reports_an_unknown_field_inside_a_group() {
        assertThat(problems("content/_index.md", """
                ---
                title: Home
                hero:
                  heading: H
                  txt: T
                support:
                  heading: S
                  text: T
                ---
                """, HomePage.class)).containsExactly(
                "content/_index.md:5:3: unknown field 'hero.txt' (did you mean 'hero.text'?)");
    }

    @Test
    void points_a_missing_nested_field_at_its_group() {
        assertThat(problems("content/_index.md", """
                ---
                title: Home
                hero:
                  heading: H
                support:
                  heading: S
                  text: T
                ---
                """, HomePage.class)).containsExactly(
                "content/_index.md:3:1: missing required field 'hero.text'");
    }

    @Test
    void requires_alternative_text_for_an_image() {
        assertThat(problems("content/news/a.md", """
                ---
                title: A
                summary: B
                date: 2026-01-01
                image: tower.jpg
                ---
                """, NewsStory.class)).containsExactly(
                "content/news/a.md:5:1: 'image' needs 'imageAlt': a short description of the picture for people who cannot see it");
    }

    @Test
    void an_image_is_a_bundle_file_or_one_of_the_site_images_and_nothing_else() throws ContentException {
        for (String good : new String[] {"tower.webp", "/images/skyline.svg"}) {
            assertThat(read("content/news/a.md", "---\ntitle: A\nsummary: B\ndate: 2026-01-01\nimage: " + good + "\nimageAlt: A tower\n---\n",
                    NewsStory.class).meta().image()).isEqualTo(good);
        }
        for (String bad : new String[] {"/css/site.css", "../secret.png", "https://example.org/a.png", "/images/"}) {
            assertThat(problems("content/news/a.md", "---\ntitle: A\nsummary: B\ndate: 2026-01-01\nimage: \"" + bad + "\"\nimageAlt: A tower\n---\n",
                    NewsStory.class)).as(bad).singleElement().asString().contains("'image' must be a file beside a page bundle's index.md");
        }
    }

    @Test
    void rejects_a_badly_shaped_slug() {
        assertThat(problems("content/news/a.md", """
                ---
                title: A
                summary: B
                date: 2026-01-01
                slug: Not A Slug
                ---
                """, NewsStory.class)).containsExactly(
                "content/news/a.md:5:1: 'slug' must be lowercase letters, digits and single hyphens, like 'internal-medicine', got \"Not A Slug\"");
    }

    @Test
    void rejects_a_list_where_text_is_expected() {
        assertThat(problems("content/news/a.md", """
                ---
                title:
                  - one
                  - two
                summary: B
                date: 2026-01-01
                ---
                """, NewsStory.class)).containsExactly("content/news/a.md:3:3: 'title' must be text");
    }

    @Test
    void accepts_crlf_line_endings_and_a_byte_order_mark() throws ContentException {
        var parsed = read("content/news/a.md", "\uFEFF---\r\ntitle: A\r\nsummary: B\r\ndate: 2026-01-01\r\n---\r\nBody\r\n", NewsStory.class);
        assertThat(parsed.meta().title()).isEqualTo("A");
    }

    @Test
    void suggests_the_closest_field_name() {
        assertThat(FrontMatterReader.closest("publishdate", List.of("title", "publishDate"))).isEqualTo("publishDate");
        assertThat(FrontMatterReader.closest("tilte", List.of("title", "summary"))).isEqualTo("title");
        assertThat(FrontMatterReader.closest("zzzzzz", List.of("title", "summary"))).isNull();
    }
}
