package edu.rush.gme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    @TempDir
    Path temp;

    private CommandRun run(String... args) {
        return CommandRun.of(Settings.forFolders(temp, Path.of("static")), args);
    }

    @Test
    void help_lists_every_command() {
        CommandRun help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("export-inquiries", "export-registrations [--event SLUG]", "export-search-misses", "resend-failed-mail");
    }

    @Test
    void an_unknown_command_is_named_with_the_list_of_known_ones() {
        CommandRun wrong = run("export-inquires");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).startsWith("unknown command 'export-inquires'").contains("export-inquiries [--since YYYY-MM-DD]");
    }

    @Test
    void resending_when_nothing_failed_says_so() {
        CommandRun resend = run("resend-failed-mail");
        assertThat(resend.status()).isZero();
        assertThat(resend.out()).isEqualTo("no e-mail was given up on\n");
    }

    @Test
    void a_command_run_from_the_jar_writes_only_its_csv_to_standard_output() throws Exception {
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "edu.rush.gme.App", "export-search-misses");
        java.environment().put("GME_DATABASE_URL", "jdbc:sqlite:" + temp.resolve("gme.db"));
        java.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = java.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(out).as("the log goes to standard error").isEqualTo("Search,Times,\"First (UTC)\",\"Last (UTC)\"\n");
    }
}
