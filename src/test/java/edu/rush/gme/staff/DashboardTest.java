package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import edu.rush.gme.inquiry.InquiryService;
import edu.rush.gme.inquiry.InquiryForm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard as each role sees it: content problems at their line, drafts and scheduled items
 * with preview links that work, programs with facts missing, inquiries (a coordinator's own programs
 * only), each list filtered and exported as CSV (the export in the audit log), failed mail resent.
 */
class DashboardTest {

    @TempDir
    Path temp;

    private TestSite site;

    @BeforeEach
    void start() {
        ContentFixture content = ContentFixture.inquiryCatalog(temp)
                .write("news/coming.md", "---\ntitle: Coming story\ndate: 2026-11-20\nsummary: S.\npublishDate: 2026-12-24T09:00\n---\nSoon.\n")
                .write("news/unfinished.md", "---\ntitle: Unfinished story\ndate: 2026-11-21\nsummary: S.\ndraft: true\n---\nNot yet.\n")
                .write("news/broken.md", "---\ntitle: Broken story\ndate: 2026-13-01\nsummary: S.\n---\nBad date.\n");
        Settings settings = Settings.forFolders(content.dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("gme.db"), null, null));
        site = TestSite.start(settings, new MutableClock(Instant.parse("2026-11-30T16:00:00Z")));
        InquiryService inquiries = site.app().services().inquiries();
        for (String program : List.of("alpha-im", "zeta-pharm", InquiryForm.OFFICE)) {
            var checked = inquiries.check(new InquiryForm(program, "Ada " + program, "=cmd@example.com".substring(1), "img", "2023",
                    "A question for " + program, ""));
            inquiries.receive(((InquiryService.Valid) checked).inquiry(), "form");
        }
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private String signedIn(String email, Role role, List<String> programs) {
        StaffService staff = site.app().services().staff();
        String token = staff.addOrReset(email, role, programs, "test");
        staff.setPassword(token, StaffSignInTest.PASSWORD, null);
        TestSite.Response response = site.post("/admin/sign-in", Map.of("email", email, "password", StaffSignInTest.PASSWORD));
        String cookie = response.header("Set-Cookie");
        return cookie.substring("gme_staff=".length(), cookie.indexOf(';'));
    }

    private TestSite.Response get(String path, String session) {
        return site.get(path, "Cookie", "gme_staff=" + session);
    }

    private static Element panel(Document page, String id) {
        return page.getElementById(id) == null ? null : page.getElementById(id).parent();
    }

    @Test
    void an_editor_sees_problems_unpublished_items_and_missing_facts_but_no_inquiries() {
        String editor = signedIn("editor@example.org", Role.EDITOR, List.of());
        Document page = get("/admin", editor).page();
        assertThat(panel(page, "problems").text()).contains("content/news/broken.md:3:");
        Element unpublished = panel(page, "unpublished");
        assertThat(unpublished.text()).contains("Unfinished story", "Draft", "Coming story", "Scheduled for Dec 24, 2026 9:00 AM");
        for (Element row : unpublished.select("tbody tr")) {
            TestSite.Response previewed = site.get(row.select("a:contains(Preview)").attr("href"));
            assertThat(previewed.status()).isEqualTo(200);
            assertThat(previewed.text()).contains("Preview — not published", row.select("td").get(1).text());
        }
        assertThat(panel(page, "programs").text()).contains("Internal Medicine", "Pharmacy");
        assertThat(panel(page, "inquiries")).as("inquiries are not an editor's").isNull();
        assertThat(panel(page, "outbox")).isNull();
        assertThat(get("/admin/lists/inquiries.csv", editor).status()).isEqualTo(403);
    }

    @Test
    void a_coordinator_sees_the_inquiries_of_their_programs_only_and_exports_them() {
        String coordinator = signedIn("im-coordinator@example.org", Role.COORDINATOR, List.of("alpha-im"));
        Document page = get("/admin", coordinator).page();
        Element inquiries = panel(page, "inquiries");
        assertThat(inquiries.text()).contains("Internal Medicine", "Ada alpha-im").doesNotContain("Pharmacy", "Ada office");
        assertThat(panel(page, "problems")).isNull();

        TestSite.Response csv = get("/admin/lists/inquiries.csv", coordinator);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Cache-Control")).isEqualTo("no-store");
        assertThat(csv.raw().body()).contains("Received,Reference,Program,From,E-mail", "Ada alpha-im").doesNotContain("Ada office");
        assertThat(site.app().services().staff().auditLog(5)).extracting(StaffService.AuditEntry::action).contains("exported");
    }

    @Test
    void an_administrator_filters_any_list_and_sends_failed_mail_again() {
        String admin = signedIn("admin@example.org", Role.ADMIN, List.of());
        Document all = get("/admin", admin).page();
        assertThat(panel(all, "inquiries").select("tbody tr")).hasSize(3);
        Document filtered = get("/admin?filter-inquiries=pharmacy", admin).page();
        assertThat(panel(filtered, "inquiries").select("tbody tr")).hasSize(1);
        assertThat(panel(filtered, "inquiries").select("caption").text()).isEqualTo("1 of 3 rows with “pharmacy”");
        assertThat(panel(filtered, "inquiries").select("a:contains(Download as CSV)").attr("href")).isEqualTo("/admin/lists/inquiries.csv?filter=pharmacy");
        assertThat(get("/admin/lists/inquiries.csv?filter=pharmacy", admin).raw().body().lines().count()).isEqualTo(2);
        assertThat(panel(all, "outbox").text()).contains("E-mail (no mail server configured: messages wait)");

        String csrf = all.select("input[name=csrf]").first().attr("value");
        TestSite.Response resent = site.post("/admin/outbox/resend", Map.of("csrf", csrf), "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "gme_staff=" + admin, "Origin", site.url(""), "Sec-Fetch-Site", "same-origin");
        assertThat(resent.status()).isEqualTo(303);
        assertThat(get(resent.header("Location"), admin).text()).contains("0 message(s) given up on will be sent again now");
    }
}
