package edu.rush.gme;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.authoring.NewContent;
import edu.rush.gme.news.NewsStory;
import edu.rush.gme.page.BasicPage;
import edu.rush.gme.program.ProgramContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} and {@code new}, run as the jar runs them (Commands.run), over fixture folders. */
class ContentCommandsTest {

    @TempDir
    Path temp;

    private record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private Run run(ContentFixture fixture, String... args) {
        return run(fixture, ContentFixture.CLOCK, args);
    }

    private Run run(ContentFixture fixture, Clock clock, String... args) {
        return run(Settings.forFolders(fixture.dir(), temp.resolve("static")), clock, args);
    }

    private Run run(Settings settings, Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(settings, clock, List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A folder with one mistake of every kind the loader knows, each in its own file. */
    private ContentFixture mistakes() {
        return ContentFixture.minimal(temp)
                .write("site.yaml", ContentFixture.SITE_YAML.replace("timeZone: America/Chicago", "timeZone: Mars/Olympus"))
                .write("news/typo.md", "---\ntitle: Story\ndate: 2026-01-05\nsummary: S\nsumary: Oops\n---\nBody\n")
                .write("news/wrong-type.md", "---\ntitle: Story\ndate: yesterday\nsummary: S\n---\nBody\n")
                .write("news/no-date.md", "---\ntitle: Story\nsummary: S\n---\nBody\n")
                .write("news/unclosed.md", "---\ntitle: \"Unclosed\ndate: 2026-01-05\nsummary: S\n---\nBody\n")
                .write("news/tabs.md", "---\ntitle: Story\n\tdate: 2026-01-05\n---\n")
                .news("alpha", "2026-01-05", "Alpha")
                .write("news/beta.md", "---\ntitle: Beta\nslug: alpha\ndate: 2026-01-05\nsummary: S\n---\n")
                .write("news/latin1.md", "---\ntitle: Caf\u00e9\ndate: 2026-01-05\nsummary: S\n---\n"
                        .getBytes(StandardCharsets.ISO_8859_1))
                .write("news/Bad Name.md", "---\ntitle: Bad\ndate: 2026-01-05\nsummary: S\n---\n")
                .write("podcasts/party.md", "---\ntitle: Party\n---\n")
                .write("programs/cards.md", "---\ntitle: Cardiology\ntype: fellowship\nspecialty: Cardiology\nsummary: S\n"
                        + "related: [no-such]\n---\n")
                .write("programs/peds.md", "---\ntitle: Pediatrics\ntype: residency\nspecialty: Pediatrics\nsummary: S\n"
                        + "lengthYears: 3\ncoordinator:\n  emial: x@example.org\n---\n")
                .write("search.md", "---\ntitle: Search\n---\n")
                .write("synonyms.txt", "peds => pediatrics\nbroken => \n");
    }

    @Test
    void validate_prints_every_problem_at_its_file_line_and_column_then_the_totals() {
        ContentFixture fixture = mistakes();
        Run run = run(fixture, "validate");
        String d = fixture.dir().toString();
        assertThat(run.lines()).containsExactly(
                d + "/news/Bad Name.md:1:1: the file name 'Bad Name.md' cannot be a web address: rename it with lowercase letters, digits and hyphens (like 'internal-medicine.md') or set 'slug'",
                d + "/news/beta.md:3:1: duplicate slug 'alpha': " + d + "/news/alpha.md already uses /news/alpha",
                d + "/news/latin1.md:2:11: the file is not UTF-8 text: byte 0xE9 at this position cannot be read; save the file with UTF-8 encoding",
                d + "/news/no-date.md:1:1: missing required field 'date'",
                d + "/news/tabs.md:3:1: invalid YAML: found character a tab that cannot start any token. (Do not use tabs for indentation)",
                d + "/news/typo.md:5:1: unknown field 'sumary' (did you mean 'summary'?)",
                d + "/news/unclosed.md:4:11: invalid YAML: found unexpected end of stream (while scanning a quoted scalar from line 2, column 8)",
                d + "/news/wrong-type.md:3:7: 'date' must be a date written as YYYY-MM-DD, like 2026-09-15, got \"yesterday\"",
                d + "/podcasts/party.md:1:1: unknown section 'podcasts': content goes in programs/, news/, wellness/ or events/, or directly in content/ for a page like /about",
                d + "/programs/cards.md:6:11: 'related[0]': no program has the slug 'no-such'",
                d + "/programs/peds.md:8:3: unknown field 'coordinator.emial' (did you mean 'coordinator.email'?)",
                d + "/search.md:1:1: slug 'search' is taken by the site's own page /search; choose another slug",
                d + "/site.yaml:3:1: 'timeZone' must be a time zone name like America/Chicago, got \"Mars/Olympus\"",
                d + "/synonyms.txt:2:1: this synonym rule cannot be read (Invalid synonym rule at line 2: term:  was completely eliminated by analyzer); write it as 'word => word, other words', one rule per line",
                "14 problems in 14 files; 15 files checked");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validate_says_so_when_the_content_is_valid_and_exits_0() {
        ContentFixture fixture = ContentFixture.minimal(temp).news("alpha", "2026-01-05", "Alpha")
                .write("news/_index.md", "---\ntitle: News\n---\n")
                .write("about.md", "---\ntitle: About\n---\n");
        Run run = run(fixture, "validate", fixture.dir().toString());
        assertThat(run.out()).isEqualTo("content is valid: 4 files checked\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void validate_counts_one_file_and_one_problem_in_the_singular() {
        ContentFixture fixture = ContentFixture.minimal(temp).write("news/a.md", "---\ntitle: A\ndate: 2026-01-05\n---\n");
        Run run = run(fixture, "validate");
        assertThat(run.lines()).last().isEqualTo("1 problem in 1 file; 2 files checked");
    }

    @Test
    void validate_checks_the_folder_of_the_settings_when_none_is_given() {
        ContentFixture fixture = ContentFixture.minimal(temp).write("news/a.md", "---\ntitle: A\n---\n");
        Run run = run(fixture, "validate");
        assertThat(run.out()).startsWith(fixture.dir() + "/news/a.md:1:1: missing required field 'date'\n");
    }

    @Test
    void github_format_writes_annotations_escaping_percent_carriage_returns_and_line_feeds() {
        ContentFixture fixture = ContentFixture.minimal(temp)
                .write("news/a,b.md", "---\ntitle: A\ndate: 2026-01-05\nsummary: S\n---\n")
                .write("news/keys.md", "---\ntitle: A\ndate: 2026-01-05\nsummary: S\n\"50%\\r\\nx\": 1\n---\n");
        Run run = run(fixture, "validate", "--format", "github");
        String d = fixture.dir().toString();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).isEqualTo("::error file=" + d + "/news/a%2Cb.md,line=1,col=1::the file name 'a,b.md' cannot be "
                + "a web address: rename it with lowercase letters, digits and hyphens (like 'internal-medicine.md') or set 'slug'");
        assertThat(run.lines().get(1)).startsWith("::error file=" + d + "/news/keys.md,line=5,col=1::unknown field '50%25%0D%0Ax'");
        assertThat(run.lines().get(2)).isEqualTo("2 problems in 2 files; 3 files checked");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run(fixture, "validate", "--format=github").out()).isEqualTo(run.out());
    }

    @Test
    void validate_reports_pictures_the_site_would_not_find() throws IOException {
        Files.createDirectories(temp.resolve("static/images"));
        Files.writeString(temp.resolve("static/images/skyline.svg"), "<svg/>");
        String story = "---\ntitle: S\ndate: 2026-01-05\nsummary: S\nimage: %s\nimageAlt: A picture\n---\n";
        ContentFixture fixture = ContentFixture.minimal(temp)
                .write("news/good/index.md", story.formatted("photo.webp")).write("news/good/photo.webp", "webp")
                .write("news/site-picture.md", story.formatted("/images/skyline.svg"))
                .write("news/lost/index.md", story.formatted("photo.webp")).write("news/lost/other.webp", "webp")
                .write("news/single.md", story.formatted("photo.webp"))
                .write("news/no-such.md", story.formatted("/images/no-such.svg"));
        Run run = run(fixture, "validate");
        String d = fixture.dir().toString();
        assertThat(run.lines()).containsExactly(
                d + "/news/lost/index.md:5:1: 'image' names \"photo.webp\", which is not a file beside this index.md",
                d + "/news/no-such.md:5:1: 'image' names \"/images/no-such.svg\", which is not one of the site's images (no file "
                        + "images/no-such.svg in " + temp.resolve("static") + ")",
                d + "/news/single.md:5:1: 'image' names \"photo.webp\", which must lie beside the page in a page bundle (a folder with "
                        + "index.md and its pictures); this page is a single file",
                "3 problems in 3 files; 6 files checked");
    }

    @Test
    void validate_refuses_a_wrong_option_or_a_missing_folder_with_exit_status_2() {
        ContentFixture fixture = ContentFixture.minimal(temp);
        Run unknown = run(fixture, "validate", "--strict");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("unknown option '--strict'\nusage: java -jar gme-site.jar validate [--format text|github] [CONTENT_DIR]");
        assertThat(unknown.out()).isEmpty();

        Run format = run(fixture, "validate", "--format", "json");
        assertThat(format.status()).isEqualTo(2);
        assertThat(format.err()).startsWith("--format must be text or github, got 'json'\n");

        Run missing = run(fixture, "validate", temp.resolve("nowhere").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).startsWith("content folder '" + temp.resolve("nowhere") + "' not found\n");

        Run file = run(fixture, "validate", fixture.dir().resolve("site.yaml").toString());
        assertThat(file.status()).isEqualTo(2);
        assertThat(file.err()).startsWith("content folder '" + fixture.dir().resolve("site.yaml") + "' not found (it is a file, not a folder)\n");

        Run two = run(fixture, "validate", "a", "b");
        assertThat(two.status()).isEqualTo(2);
        assertThat(two.err()).startsWith("one content folder at a time, got 'a' and 'b'\n");
    }

    @Test
    void help_lists_both_commands_with_the_registered_types() {
        Run help = run(ContentFixture.minimal(temp), "--help");
        assertThat(help.out()).contains("validate [--format text|github] [CONTENT_DIR]", "new TYPE \"Title\"",
                "(TYPE: pages, programs, news, wellness, events)");
    }

    // --- new ---

    private ContentFixture withArchetypes() {
        return ContentFixture.minimal(temp)
                .write("_archetypes/news.md", "---\ntitle: \"Headline\"\ndate: 2026-01-01\nsummary: \"Teaser.\"\ndraft: true\n---\nWrite here.\n")
                .write("_archetypes/pages.md", "---\ntitle: \"Page title\"   # shown as the heading\n---\nWrite here.\n")
                .write("_archetypes/programs.md", "---\ntitle: \"Program name\"\ntype: residency   # residency, fellowship or allied-health\n"
                        + "specialty: \"Specialty\"\nsummary: \"Teaser.\"\ndraft: false\n---\nDescribe it.\n");
    }

    @Test
    void new_creates_a_draft_from_the_archetype_with_the_title_a_slug_and_today_in_the_site_zone() throws IOException {
        ContentFixture fixture = withArchetypes();
        // 03:00 UTC on the 28th is still the evening of the 27th in Chicago.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC);
        Run run = run(fixture, lateEvening, "new", "news", "Résidents' Day: \"Cœur\" & Straße");
        String file = fixture.dir() + "/news/residents-day-coeur-and-strasse.md";
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.lines()).containsExactly(
                "created " + file + ": a draft news story at /news/residents-day-coeur-and-strasse, not on the site until published",
                "  write it:   fill in the fields and the text (every field is explained in docs/editing.md)",
                "  check it:   java -jar gme-site.jar validate",
                "  preview it: java -jar gme-site.jar preview " + file,
                "  publish it: delete the line 'draft: true' (add 'publishDate:' to choose when it appears), then deploy the content");
        assertThat(Files.readString(Path.of(file))).isEqualTo(
                "---\ntitle: \"Résidents' Day: \\\"Cœur\\\" & Straße\"\ndate: 2026-11-27\nsummary: \"Teaser.\"\ndraft: true\n---\nWrite here.\n");

        ContentSnapshot snapshot = new ContentLoader(fixture.dir(), lateEvening, App.CONTENT_TYPES).load();
        assertThat(snapshot.problems()).isEmpty();
        var story = snapshot.findAny(NewsStory.TYPE, "residents-day-coeur-and-strasse").orElseThrow();
        assertThat(story.title()).isEqualTo("Résidents' Day: \"Cœur\" & Straße");
        assertThat(story.meta().isDraft()).isTrue();
        assertThat(snapshot.list(NewsStory.TYPE, lateEvening.instant())).as("a draft is not on the site").isEmpty();
    }

    @Test
    void new_adds_draft_true_where_the_archetype_has_none_or_says_false_and_keeps_its_comments() throws IOException {
        ContentFixture fixture = withArchetypes();
        assertThat(run(fixture, "new", "pages", "Visa Guide").status()).isZero();
        assertThat(Files.readString(fixture.dir().resolve("visa-guide.md")))
                .isEqualTo("---\ntitle: \"Visa Guide\"\ndraft: true\n---\nWrite here.\n");
        assertThat(run(fixture, "new", "programs", "Sleep Medicine Fellowship").status()).isZero();
        assertThat(Files.readString(fixture.dir().resolve("programs/sleep-medicine-fellowship.md"))).isEqualTo(
                "---\ntitle: \"Sleep Medicine Fellowship\"\ntype: residency   # residency, fellowship or allied-health\n"
                        + "specialty: \"Specialty\"\nsummary: \"Teaser.\"\ndraft: true\n---\nDescribe it.\n");
    }

    @Test
    void new_takes_the_next_free_slug_when_a_file_a_slug_or_a_bundle_has_it() {
        ContentFixture fixture = withArchetypes()
                .news("match-day", "2026-03-20", "Match Day")
                .write("news/other.md", "---\ntitle: Other\nslug: match-day-2\ndate: 2026-03-20\nsummary: S\n---\n")
                .write("news/match-day-3/index.md", "---\ntitle: Bundle\ndate: 2026-03-20\nsummary: S\n---\n");
        assertThat(run(fixture, "new", "news", "Match Day").out()).startsWith("created " + fixture.dir() + "/news/match-day-4.md:");
        assertThat(run(fixture, "new", "news", "Match day!").out()).startsWith("created " + fixture.dir() + "/news/match-day-5.md:");
        ContentSnapshot snapshot = new ContentLoader(fixture.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.all(NewsStory.TYPE)).hasSize(5);
    }

    @Test
    void new_keeps_clear_of_the_slugs_the_site_routes_use() {
        ContentFixture fixture = withArchetypes();
        assertThat(run(fixture, "new", "pages", "Search").out()).startsWith("created " + fixture.dir() + "/search-2.md:");
        assertThat(run(fixture, "new", "pages", "News").out()).as("a section's folder").startsWith("created " + fixture.dir() + "/news-2.md:");
        assertThat(run(fixture, "new", "programs", "Compare").out()).startsWith("created " + fixture.dir() + "/programs/compare-2.md:");
        ContentSnapshot snapshot = new ContentLoader(fixture.dir(), ContentFixture.CLOCK, App.CONTENT_TYPES).load();
        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.findAny(BasicPage.TYPE, "search-2")).isPresent();
        assertThat(snapshot.findAny(ProgramContent.TYPE, "compare-2")).isPresent();
    }

    @Test
    void new_cuts_a_long_title_s_slug_at_a_word() {
        ContentFixture fixture = withArchetypes();
        String title = "The Graduate Medical Education Office Welcomes the Incoming Class of Residents and Fellows";
        assertThat(run(fixture, "new", "news", title).out())
                .startsWith("created " + fixture.dir() + "/news/the-graduate-medical-education-office-welcomes-the-incoming.md:");
    }

    @Test
    void validate_run_from_the_jar_prints_its_lines_once_and_nothing_else() throws Exception {
        ContentFixture fixture = ContentFixture.minimal(temp).write("news/a.md", "---\ntitle: A\ndate: 2026-01-05\n---\n");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "edu.rush.gme.App", "validate", fixture.dir().toString());
        Process process = java.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(out).isEqualTo(fixture.dir() + "/news/a.md:1:1: missing required field 'summary'\n1 problem in 1 file; 2 files checked\n");
        assertThat(err).as("the loader's own log would repeat the problem").doesNotContain("summary");
    }

    @Test
    void new_names_the_types_there_are_when_the_type_is_wrong() {
        ContentFixture fixture = withArchetypes();
        Run typo = run(fixture, "new", "program", "Cardiology");
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).startsWith("unknown content type 'program' (did you mean 'programs'?); the types are pages, programs, news, wellness, events\n");
        Run far = run(fixture, "new", "podcasts", "Open house");
        assertThat(far.err()).startsWith("unknown content type 'podcasts'; the types are pages, programs, news, wellness, events\n");
        Run home = run(fixture, "new", "home", "Welcome");
        assertThat(home.status()).isEqualTo(2);
        assertThat(home.err()).startsWith("the site has one home page, content/_index.md: edit it instead; new files can be pages, programs, news, wellness, events\n");
        assertThat(fixture.dir().resolve("news")).doesNotExist();
    }

    @Test
    void new_refuses_an_empty_title_a_title_without_letters_and_an_unquoted_title() {
        ContentFixture fixture = withArchetypes();
        Run empty = run(fixture, "new", "news", "   ");
        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.err()).startsWith("the title is empty: give it in quotes, like new news \"New residents start in July\"\n");
        Run symbols = run(fixture, "new", "news", "!!!");
        assertThat(symbols.status()).isEqualTo(2);
        assertThat(symbols.err()).startsWith("the title \"!!!\" has no letters or digits that can make a web address");
        Run unquoted = run(fixture, "new", "news", "Match", "Day");
        assertThat(unquoted.err()).startsWith("put the title in quotes, so that it is one argument: new news \"Match Day\"\n");
        Run none = run(fixture, "new", "news");
        assertThat(none.err()).startsWith("a title is needed: new news \"Title\"\n");
        assertThat(fixture.dir().resolve("news")).doesNotExist();
    }

    @Test
    void new_says_why_when_the_file_cannot_be_written_or_the_archetype_is_missing() throws IOException {
        ContentFixture fixture = withArchetypes().write("news", "a file where the folder should be");
        Run blocked = run(fixture, "new", "news", "Match Day");
        assertThat(blocked.status()).isEqualTo(1);
        assertThat(blocked.err()).isEqualTo("cannot create " + fixture.dir() + "/news/match-day.md: " + fixture.dir()
                + "/news is a file, not a folder; move it away\n");

        if (!"root".equals(System.getProperty("user.name"))) {
            Path readOnly = Files.createDirectories(fixture.dir().resolve("wellness"));
            fixture.write("_archetypes/wellness.md", "---\ntitle: \"Name\"\nsummary: \"Teaser.\"\ndraft: true\n---\n");
            readOnly.toFile().setWritable(false);
            Run denied = run(fixture, "new", "wellness", "Peer support");
            readOnly.toFile().setWritable(true);
            Files.delete(fixture.dir().resolve("_archetypes/wellness.md"));
            assertThat(denied.status()).isEqualTo(1);
            assertThat(denied.err()).startsWith("cannot create " + fixture.dir() + "/wellness/peer-support.md (access denied")
                    .endsWith("): check that the content folder exists and can be written\n");
        }
        Run noArchetype = run(fixture, "new", "wellness", "Peer support");
        assertThat(noArchetype.status()).isEqualTo(1);
        assertThat(noArchetype.err()).startsWith("no archetype for wellness: " + fixture.dir() + "/_archetypes/wellness.md cannot be read");
    }

    @Test
    void every_real_archetype_makes_a_draft_that_validate_accepts() throws IOException {
        ContentFixture fixture = ContentFixture.minimal(temp);
        try (Stream<Path> archetypes = Files.list(Path.of("content", NewContent.ARCHETYPES))) {
            archetypes.forEach(a -> fixture.write(NewContent.ARCHETYPES + "/" + a.getFileName(), readString(a)));
        }
        for (ContentType<?> type : NewContent.creatable(App.CONTENT_TYPES)) {
            Run created = run(fixture, "new", type.name(), "A new " + type.singular());
            assertThat(created.status()).as(type.name() + ": " + created.err()).isZero();
        }
        Run validate = run(fixture, "validate");
        assertThat(validate.out()).as("every registered type that can have many files has an archetype")
                .isEqualTo("content is valid: " + (NewContent.creatable(App.CONTENT_TYPES).size() + 1) + " files checked\n");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
