package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log as an administrator reads it: filtered by who, what and dates (days in the site's
 * zone), a hundred entries a page, exported as CSV (the export itself recorded); and nothing in the
 * application that could change or remove an entry.
 */
class AuditLogTest {

    @TempDir
    Path temp;

    private MutableClock clock;
    private TestSite site;
    private String admin;

    @BeforeEach
    void start() {
        ContentFixture content = ContentFixture.minimal(temp);
        clock = new MutableClock(Instant.parse("2026-11-27T16:00:00Z"));
        site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null)), clock);
        StaffService staff = site.app().services().staff();
        StaffAccount editor = account("editor@example.org", Role.EDITOR);
        // Nov 27 (10 AM Chicago): three saves by the editor; Nov 28: a publish; Nov 30: the administrator signs in.
        for (int i = 0; i < 3; i++) {
            staff.audit(editor, "saved", "content/news/story-" + i + ".md", "192.0.2.1");
        }
        clock.advance(Duration.ofDays(1));
        staff.audit(editor, "published", "content/news/story-0.md", "192.0.2.1");
        clock.advance(Duration.ofDays(2));
        account("admin@example.org", Role.ADMIN);
        TestSite.Response signedIn = site.post("/admin/sign-in", Map.of("email", "admin@example.org", "password", StaffSignInTest.PASSWORD));
        String cookie = signedIn.header("Set-Cookie");
        admin = cookie.substring("gme_staff=".length(), cookie.indexOf(';'));
    }

    private StaffAccount account(String email, Role role) {
        StaffService staff = site.app().services().staff();
        staff.setPassword(staff.addOrReset(email, role, List.of(), "test"), StaffSignInTest.PASSWORD, null);
        return staff.accounts().stream().filter(a -> a.email().equals(email)).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private TestSite.Response get(String path) {
        return site.get(path, "Cookie", "gme_staff=" + admin);
    }

    private static List<String> column(Document page, int column) {
        return page.select("tbody tr td:nth-child(" + column + ")").eachText();
    }

    @Test
    void filters_by_who_what_and_dates_in_the_sites_zone() {
        Document all = get("/admin/audit").page();
        assertThat(column(all, 3)).contains("saved", "published", "signed-in", "password-set");
        assertThat(all.select("select#action option").eachText()).contains("Any action", "saved", "published", "signed-in");

        Document editor = get("/admin/audit?who=EDITOR@").page();
        assertThat(column(editor, 2)).isNotEmpty().containsOnly("editor@example.org");
        assertThat(column(get("/admin/audit?who=%25").page(), 2)).as("% is a letter, not a pattern").isEmpty();

        Document saved = get("/admin/audit?action=saved").page();
        assertThat(column(saved, 4)).containsExactly("content/news/story-2.md", "content/news/story-1.md", "content/news/story-0.md");
        assertThat(saved.select("caption").text()).isEqualTo("3 entries");
        assertThat(saved.select("#action option[selected]").text()).isEqualTo("saved");

        assertThat(column(get("/admin/audit?from=2026-11-28&to=2026-11-28").page(), 3)).containsExactly("published");
        assertThat(column(get("/admin/audit?to=2026-11-27&action=saved").page(), 3)).hasSize(3);
        assertThat(column(get("/admin/audit?from=2026-11-29").page(), 3)).doesNotContain("saved", "published").contains("signed-in");

        for (String bad : List.of("from=yesterday", "to=2026-02-30", "from=2026-11-30&to=2026-11-01", "page=-1")) {
            TestSite.Response refused = get("/admin/audit?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.page().select(".error-summary").text()).as(bad).contains("problem with the filters");
            assertThat(get("/admin/audit.csv?" + bad).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void pages_a_hundred_at_a_time() {
        StaffService staff = site.app().services().staff();
        for (int i = 0; i < 120; i++) {
            staff.audit(null, "test-entry", "entry " + i, null);
        }
        Document first = get("/admin/audit?action=test-entry").page();
        assertThat(first.select("tbody tr")).hasSize(100);
        assertThat(first.select("caption").text()).isEqualTo("120 entries, page 1 of 2");
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/admin/audit?who=&action=test-entry&from=&to=&page=2");
        Document second = get(next).page();
        assertThat(second.select("tbody tr")).hasSize(20);
        assertThat(second.select("a[rel=prev]")).hasSize(1);
        assertThat(second.select("a[rel=next]")).isEmpty();
        TestSite.Response beyond = get("/admin/audit?action=test-entry&page=3");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.page().select(".error-summary").text()).contains("There is no page 3; the last page is 2.");
    }

    @Test
    void exports_the_filtered_log_as_csv_and_records_the_export() {
        site.app().services().staff().audit(null, "saved", "=cmd|' /C calc'!A0", null);
        Document page = get("/admin/audit?action=saved&to=2026-11-30").page();
        String csvLink = page.select("a:contains(Download these entries as CSV)").attr("href");
        assertThat(csvLink).isEqualTo("/admin/audit.csv?who=&action=saved&from=&to=2026-11-30");
        TestSite.Response csv = get(csvLink);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("audit.csv");
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        List<String> lines = csv.raw().body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\"At (UTC)\",\"At (America/Chicago)\",Who,Action,Details,\"From address\"");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).isEqualTo("2026-11-27T16:00:00Z,\"2026-11-27T10:00:00-06:00\",editor@example.org,saved,content/news/story-0.md,192.0.2.1");
        assertThat(csv.raw().body()).contains("'=cmd|").doesNotContain(",=cmd");

        StaffService.AuditEntry export = site.app().services().staff().auditLog(1).get(0);
        assertThat(export.action()).isEqualTo("exported");
        assertThat(export.email()).isEqualTo("admin@example.org");
        assertThat(export.detail()).isEqualTo("audit.csv, 4 row(s), filter who=&action=saved&from=&to=2026-11-30");
        assertThat(get("/admin/audit?action=exported").text()).contains("audit.csv, 4 row(s)");
    }

    /** No statement in the application's code or migrations changes or removes an audit entry. */
    @Test
    void nothing_in_the_application_updates_or_deletes_the_audit_log() throws IOException {
        Pattern changes = Pattern.compile("(?is)(update\\s+\"?audit_log|delete\\s+from\\s+\"?audit_log|truncate\\s+(table\\s+)?\"?audit_log"
                + "|drop\\s+table\\s+(if\\s+exists\\s+)?\"?audit_log|alter\\s+table\\s+\"?audit_log|insert\\s+or\\s+replace\\s+into\\s+\"?audit_log"
                + "|into\\s+\"?audit_log[^;]*on\\s+conflict)");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            sources = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(50);
        for (Path source : sources) {
            assertThat(changes.matcher(Files.readString(source)).find()).as("%s changes the audit log", source).isFalse();
        }
        // The check finds what it looks for.
        assertThat(changes.matcher("connection.prepareStatement(\"DELETE FROM audit_log WHERE id = ?\")").find()).isTrue();
        assertThat(changes.matcher("\"UPDATE audit_log\n SET detail = ?\"").find()).isTrue();
    }
}
