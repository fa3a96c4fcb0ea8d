package edu.rush.gme.preview;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preview FILE} and {@code preview --as-of TIME}: a link that works, or a clear message and a non-zero exit. */
class PreviewCommandTest {

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    private Run run(Settings settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PreviewCommand.run(settings, App.CONTENT_TYPES, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ContentFixture.CLOCK);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private ContentFixture content() {
        return ContentFixture.minimal(temp)
                .write("news/draft-story.md", "---\ntitle: Secret Draft Story\ndate: 2026-11-20\nsummary: Not yet.\ndraft: true\n---\nDraft body.\n")
                .write("news/coming-story.md", "---\ntitle: Launch Day Story\ndate: 2026-12-01\nsummary: Soon.\npublishDate: 2026-12-01T09:00\n---\nSoon.\n")
                .write("news/broken.md", "---\ntitle: Broken\ndate: 2026-11-20\nsummery: typo\n---\nBody.\n")
                .write("news/_index.md", "---\ntitle: News\n---\nOur news.\n");
    }

    @Test
    void prints_a_link_that_the_server_answers_with_the_draft() {
        ContentFixture content = content();
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"));
        Run printed = run(settings, content.dir().resolve("news/draft-story.md").toString(), "--valid", "2d");
        assertThat(printed.status()).as(printed.err()).isZero();
        assertThat(printed.out()).matches("http://localhost/preview/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\n");
        assertThat(printed.err()).contains("Secret Draft Story").contains("a draft")
                .contains("works until 12:00 PM on Sunday, November 29, 2026 (CST)");
        try (TestSite site = TestSite.start(settings)) {
            TestSite.Response preview = site.get(printed.out().strip().substring("http://localhost".length()));
            assertThat(preview.status()).isEqualTo(200);
            assertThat(preview.page().select("h1").text()).isEqualTo("Secret Draft Story");
        }
    }

    @Test
    void prints_a_link_to_the_whole_site_as_of_a_time_to_come() {
        Settings settings = Settings.forFolders(content().dir(), Path.of("static"));
        Run printed = run(settings, "--as-of", "2026-12-01T09:00");
        assertThat(printed.status()).as(printed.err()).isZero();
        assertThat(printed.out()).startsWith("http://localhost/preview/as-of/");
        assertThat(printed.err()).contains("9:00 AM on Tuesday, December 1, 2026 (CST)").contains("works until 12:00 PM on Friday, December 4, 2026");
        String token = printed.out().strip().substring("http://localhost/preview/as-of/".length());
        assertThat(new PreviewTokens(settings.preview().key(), ContentFixture.CLOCK).readAsOf(token).value().at())
                .isEqualTo(java.time.Instant.parse("2026-12-01T15:00:00Z"));
    }

    @Test
    void a_file_that_cannot_be_previewed_gets_a_clear_message_and_status_1() {
        ContentFixture content = content();
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"));
        Run missing = run(settings, content.dir().resolve("news/nope.md").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.md: no such file");

        Run outside = run(settings, ContentFixture.minimal(temp.resolve("other")).write("x.md", "---\ntitle: X\n---\n").dir().resolve("x.md").toString());
        assertThat(outside.status()).isEqualTo(1);
        assertThat(outside.err()).contains("not a page of the content folder");

        Run yaml = run(settings, content.dir().resolve("site.yaml").toString());
        assertThat(yaml.status()).isEqualTo(1);
        assertThat(yaml.err()).contains("only its Markdown files");

        Run broken = run(settings, content.dir().resolve("news/broken.md").toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("content/news/broken.md:4:1: unknown field 'summery'").contains("fix these mistakes first");
        assertThat(broken.out()).isEmpty();

        Run intro = run(settings, content.dir().resolve("news/_index.md").toString());
        assertThat(intro.status()).isEqualTo(1);
        assertThat(intro.err()).contains("--as-of");
    }

    @Test
    void wrong_options_get_the_usage_and_status_2() {
        Settings settings = Settings.forFolders(content().dir(), Path.of("static"));
        String file = settings.contentDir().resolve("news/draft-story.md").toString();
        for (String[] args : new String[][] {{}, {file, "--valid", "31d"}, {file, "--valid", "0d"}, {file, "--valid", "7 days"},
                {file, "--valid"}, {file, "--bogus"}, {file, file}, {file, "--as-of", "2026-12-01"},
                {"--as-of", "2026-11-01T09:00"}, {"--as-of", "next tuesday"}}) {
            Run run = run(settings, args);
            assertThat(run.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).isNotBlank();
        }
        assertThat(run(settings, file, "--valid", "31d").err()).contains("--valid must be from 1m to 30d");
        assertThat(run(settings, "--as-of", "2026-11-01T09:00").err()).contains("has passed");
        assertThat(run(settings, "--as-of", "next tuesday").err()).contains("2026-12-01T09:00");
    }

    @Test
    void the_help_lists_the_command() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        edu.rush.gme.Commands.run(Settings.forFolders(temp, Path.of("static")), List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("preview FILE [--valid 7d]").contains("preview --as-of");
    }
}
