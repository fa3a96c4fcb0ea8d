package edu.rush.gme.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import edu.rush.gme.Commands;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.PostgresServer;
import edu.rush.gme.mail.MailSettings;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inquiries on a real PostgreSQL server, as the office runs it in production. */
class PostgresInquiryTest {

    @TempDir
    static Path temp;

    private static PostgresServer postgres;
    private static GreenMail smtp;
    private static TestSite site;
    private static Settings settings;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        smtp = InquiryMailTest.startSmtp(0);
        settings = TestSite.monitored(Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static")))
                .withDatabase(postgres.settings())
                .withMail(MailSettings.local(smtp.getSmtp().getPort(), "gme-web@example.org"));
        site = TestSite.start(settings);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void stores_mails_and_exports_inquiries_in_postgresql() throws Exception {
        TestSite.Response sent = site.post("/inquiries", InquiryFormTest.question("alpha-im"));
        assertThat(sent.status()).isEqualTo(303);
        String reference = sent.header("Location").substring("/inquiries/".length());
        assertThat(site.get(sent.header("Location")).text()).contains("Your reference: " + reference);

        assertThat(smtp.waitForIncomingEmail(10_000, 2)).as("the question and the receipt").isTrue();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            assertThat(mail.getMessageID()).matches(InquiryMailTest.MESSAGE_ID);
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (site.app().services().inquiries().find(reference).orElseThrow().delivery() != Inquiry.Delivery.SENT) {
            assertThat(System.currentTimeMillis()).as("marked as sent").isLessThan(deadline);
            Thread.sleep(20);
        }
        Inquiry stored = site.app().services().inquiries().find(reference).orElseThrow();
        assertThat(stored.receivedAt()).isEqualTo(ContentFixture.CLOCK.instant());
        assertThat(stored.content().graduationYear()).isEqualTo(2023);
        assertThat(site.monitor("/readyz").raw().body()).contains("\"database\":\"postgresql\"", "\"mailSending\":true");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Commands.exportInquiries(settings, List.of("--program", "alpha-im"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(reference, "Ada Lovelace", ",sent,");
    }

    @Test
    void counts_searches_that_found_nothing_in_postgresql() {
        site.get("/search?q=quidditch");
        site.get("/search?q=quidditch");
        assertThat(site.app().searchMisses().flush()).isEqualTo(1);
        site.get("/search?q=quidditch");
        site.app().searchMisses().flush();
        assertThat(edu.rush.gme.search.SearchMisses.read(site.app().services().database(), null))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.query()).isEqualTo("quidditch");
                    assertThat(entry.count()).isEqualTo(3);
                });
    }

    @Test
    void a_question_sent_while_the_database_is_down_comes_back_with_everything_typed() {
        postgres.stopServer();
        try {
            Map<String, String> question = InquiryFormTest.question("alpha-im");
            TestSite.Response answer = site.post("/inquiries", question);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.page().select(".error-summary li").text()).isEqualTo(
                    "We could not save your question just now. It is kept below: please send it again in a few minutes, or e-mail im-coordinator@example.org.");
            assertThat(answer.page().select("#message").text()).isEqualTo(question.get("message"));
            assertThat(answer.page().select("#email").val()).isEqualTo("ada@example.com");
            assertThat(site.get("/readyz").status()).isEqualTo(503);
        } finally {
            postgres.startServer();
        }
        assertThat(site.post("/inquiries", InquiryFormTest.question("alpha-im")).status()).as("works again once the database is back").isEqualTo(303);
        assertThat(site.get("/readyz").status()).isEqualTo(200);
    }
}
