package edu.rush.gme.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.CommandRun;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar gme-site.jar export-inquiries}: every stored inquiry as a spreadsheet. */
class InquiryExportTest {

    @TempDir
    Path temp;

    private static CommandRun export(Settings settings, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = InquiryExport.COMMAND;
        System.arraycopy(args, 0, command, 1, args.length);
        return CommandRun.of(settings, command);
    }

    @Test
    void exports_every_inquiry_with_its_e_mail_status() throws Exception {
        Settings settings = Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static"));
        try (TestSite site = TestSite.start(settings)) {
            site.post("/inquiries", InquiryFormTest.question("alpha-im"));
            var formula = InquiryFormTest.question("office");
            formula.put("message", "=HYPERLINK(\"http://evil.example\")");
            site.post("/inquiries", formula);
        }

        CommandRun run = export(settings);
        assertThat(run.status()).isZero();
        List<Map<String, String>> rows = CommandRun.rows(run.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("Program", "alpha-im")
                .containsEntry("Program title", "Internal Medicine Residency")
                .containsEntry("Sent to", "im-coordinator@example.org")
                .containsEntry("Name", "Ada Lovelace")
                .containsEntry("E-mail", "ada@example.com")
                .containsEntry("Applicant", "International medical graduate")
                .containsEntry("Graduation year", "2023")
                .containsEntry("Question", "Do you sponsor H-1B visas for PGY-1 residents?")
                .containsEntry("E-mail status", "waiting to be sent")
                .containsEntry("Received (UTC)", "2026-11-27T18:00:00Z");
        assertThat(rows.get(1)).containsEntry("Program", "office")
                .containsEntry("Question", "'=HYPERLINK(\"http://evil.example\")");

        assertThat(CommandRun.rows(export(settings, "--program", "alpha-im").out())).hasSize(1);
        assertThat(CommandRun.rows(export(settings, "--since", "2026-11-28").out())).isEmpty();
    }

    @Test
    void explains_a_wrong_argument() {
        CommandRun run = export(Settings.forFolders(temp, Path.of("static")), "--since", "yesterday");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--since must be a date like 2026-09-01, got 'yesterday'", "usage: java -jar gme-site.jar export-inquiries");
    }
}
