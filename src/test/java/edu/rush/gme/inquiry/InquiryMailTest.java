package edu.rush.gme.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.LogCapture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.DatabaseSettings;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.mail.MailSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inquiries reach coordinators through a real SMTP server (GreenMail), and are retried when it is down. */
class InquiryMailTest {

    /** The outbox row's id and random token, in the domain of GME_MAIL_FROM. */
    static final String MESSAGE_ID = "<gme-outbox-\\d+\\.[0-9a-f]{16}@example\\.org>";

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
    private GreenMail smtp;
    private TestSite site;
    /** The mail server's port while it is down. */
    private final TestSite.ReservedPort down = new TestSite.ReservedPort();

    @AfterEach
    void stop() {
        down.close();
        if (site != null) {
            site.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private Settings settings;

    private void startSite(int smtpPort) {
        settings = TestSite.monitored(Settings.forFolders(ContentFixture.inquiryCatalog(temp).dir(), Path.of("static")))
                .withMail(MailSettings.local(smtpPort, "gme-web@example.org"));
        site = TestSite.start(settings, clock);
    }

    /** A mail server and the site that sends through it, both up. */
    private void startSmtpAndSite() {
        smtp = startSmtp(0);
        startSite(smtp.getSmtp().getPort());
    }

    /** The mail server comes up on the port it was down on. */
    private void startSmtpWhereItWasDown() {
        down.close();
        smtp = startSmtp(down.port());
    }

    /** GreenMail's SMTP server on a port, or on any free one for 0. */
    static GreenMail startSmtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        return server;
    }

    private String send(String program) {
        TestSite.Response sent = site.post("/inquiries", InquiryFormTest.question(program));
        assertThat(sent.status()).isEqualTo(303);
        return sent.header("Location").substring("/inquiries/".length());
    }

    private MimeMessage to(String address) throws Exception {
        return messagesTo(address).stream().findFirst().orElseThrow(() -> new AssertionError("no message to " + address));
    }

    private List<MimeMessage> messagesTo(String address) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private List<String> messageIdsTo(String address) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : messagesTo(address)) {
            ids.add(message.getMessageID());
        }
        return ids;
    }

    private Inquiry.Delivery delivery(String reference) {
        return site.app().services().inquiries().find(reference).orElseThrow().delivery();
    }

    @Test
    void the_coordinator_receives_the_question_and_can_reply_to_the_applicant() throws Exception {
        startSmtpAndSite();

        String reference = send("alpha-im");

        assertThat(smtp.waitForIncomingEmail(10_000, 2)).as("the mail and the receipt arrive within seconds").isTrue();
        MimeMessage mail = to("im-coordinator@example.org");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("im-coordinator@example.org");
        assertThat(mail.getReplyTo()).extracting(Object::toString).containsExactly("ada@example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("gme-web@example.org");
        assertThat(mail.getSubject()).isEqualTo("Question about Internal Medicine Residency from Ada Lovelace [" + reference + "]");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("From: Ada Lovelace <ada@example.com>", "Applicant: International medical graduate",
                "Graduation year: 2023", "Reference: " + reference, "Do you sponsor H-1B visas for PGY-1 residents?",
                "Received: November 27, 2026 at 12:00 PM CST");

        waitFor(() -> delivery(reference) == Inquiry.Delivery.SENT);
        assertThat(site.app().services().inquiries().find(reference).orElseThrow().sentAt()).isEqualTo(clock.instant());
    }

    @Test
    void a_question_to_the_office_is_mailed_to_the_office() throws Exception {
        startSmtpAndSite();

        send("office");

        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        assertThat(to("gme-office@example.org").getSubject()).startsWith("Question about Office of Graduate Medical Education from Ada Lovelace");
    }

    @Test
    void the_applicant_gets_a_receipt_with_the_reference_and_nothing_they_typed() throws Exception {
        startSmtpAndSite();

        String reference = send("alpha-im");
        assertThat(site.get("/inquiries/" + reference).text()).contains("A confirmation with your reference is on its way to a•••@example.com.",
                "Your question has gone to Program Coordinator, coordinator of the Internal Medicine Residency program, who will answer by e-mail to a•••@example.com.",
                "There is no set time for an answer");

        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage receipt = to("ada@example.com");
        assertThat(receipt.getSubject()).isEqualTo("Your question to Internal Medicine Residency [" + reference + "]");
        assertThat(receipt.getReplyTo()).extracting(Object::toString).containsExactly("im-coordinator@example.org");
        String body = GreenMailUtil.getBody(receipt);
        assertThat(body).contains("Your reference: " + reference, "The answer will come by e-mail from im-coordinator@example.org")
                .doesNotContain("Ada", "H-1B");
    }

    @Test
    void a_robot_gets_no_receipt() throws Exception {
        startSmtpAndSite();
        var form = InquiryFormTest.question("alpha-im");
        form.put("website", "http://spam.example");
        site.post("/inquiries", form);

        int queued = site.app().services().database().inTransaction(connection -> {
            try (Statement statement = connection.createStatement(); var rows = statement.executeQuery("SELECT COUNT(*) FROM mail_outbox")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertThat(queued).as("nothing queued, so nothing can ever be sent").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void every_mail_carries_a_message_id_of_its_own_in_the_senders_domain() throws Exception {
        startSmtpAndSite();

        send("alpha-im");

        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        String question = to("im-coordinator@example.org").getMessageID();
        assertThat(question).matches(MESSAGE_ID);
        assertThat(to("ada@example.com").getMessageID()).as("the receipt").matches(MESSAGE_ID).isNotEqualTo(question);
    }

    @Test
    void a_resent_mail_keeps_its_message_id() throws Exception {
        startSmtpAndSite();
        MailOutbox outbox = site.app().services().outbox();
        send("alpha-im");
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        waitFor(() -> outbox.counts().waiting() == 0);

        // A crash after the mail server accepted the question and before the row was marked sent:
        // the row is due again once its claim runs out.
        site.app().services().database().inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("UPDATE mail_outbox SET sent_at = NULL WHERE purpose = 'notification'");
            }
        });
        clock.advance(Duration.ofMinutes(1));
        outbox.deliverDue();

        assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
        List<String> ids = messageIdsTo("im-coordinator@example.org");
        assertThat(ids).hasSize(2);
        assertThat(ids.get(1)).as("mail systems see the same message twice").isEqualTo(ids.get(0));
        assertThat(messageIdsTo("ada@example.com")).as("the receipt was not sent again").hasSize(1);
    }

    @Test
    void the_same_outbox_row_in_another_database_gets_another_message_id() throws Exception {
        startSmtpAndSite();
        try (TestSite other = TestSite.start(settings.withDatabase(DatabaseSettings.temporarySqlite()), clock)) {
            send("alpha-im");
            assertThat(other.post("/inquiries", InquiryFormTest.question("alpha-im")).status()).isEqualTo(303);

            assertThat(smtp.waitForIncomingEmail(10_000, 4)).isTrue();
            List<String> ids = messageIdsTo("im-coordinator@example.org");
            assertThat(ids).as("each database's first row").hasSize(2).allMatch(id -> id.startsWith("<gme-outbox-1."));
            assertThat(ids.get(1)).isNotEqualTo(ids.get(0));
        }
    }

    @Test
    void a_question_sent_while_the_mail_server_is_down_is_delivered_when_it_is_back() throws Exception {
        startSite(down.port());
        MailOutbox outbox = site.app().services().outbox();

        String reference = send("alpha-im");
        assertThat(outbox.deliverDue()).as("nothing listens on the SMTP port").isZero();
        assertThat(delivery(reference)).isEqualTo(Inquiry.Delivery.WAITING);

        startSmtpWhereItWasDown();
        outbox.deliverDue();
        assertThat(smtp.getReceivedMessages()).as("not retried before its pause is over").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        outbox.deliverDue();
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        waitFor(() -> delivery(reference) == Inquiry.Delivery.SENT);
        assertThat(smtp.getReceivedMessages()).as("each sent once: the question and the receipt").hasSize(2);
    }

    @Test
    void gives_up_after_a_day_of_failures_and_says_so() throws Exception {
        startSite(down.port());
        MailOutbox outbox = site.app().services().outbox();
        String reference = send("alpha-im");

        try (LogCapture log = LogCapture.of(MailOutbox.class)) {
            for (int attempt = 0; attempt < 12; attempt++) {
                outbox.deliverDue();
                clock.advance(Duration.ofHours(6));
            }
            assertThat(log.lines()).as("the office learns from the log").anyMatch(line -> line.startsWith("ERROR gave up sending mail #1 to im-coordinator@example.org"));
        }

        assertThat(delivery(reference)).isEqualTo(Inquiry.Delivery.FAILED);
        assertThat(outbox.counts()).as("the question and the receipt").isEqualTo(new MailOutbox.Counts(0, 2));
        assertThat(site.monitor("/readyz").raw().body()).contains("\"mailFailed\":2");
        assertThat(site.app().services().inquiries().find(reference)).as("the inquiry itself is kept").isPresent();

        // The office fixes the mail server, then sends again what was given up on, at the test's time (a command
        // on the wall clock made them due only once the real date passed the test's). In this order: the running
        // server's own worker may look at any moment, and must not find them due while the server is still down.
        startSmtpWhereItWasDown();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(edu.rush.gme.Commands.resendFailedMail(settings, clock, java.util.List.of(), new java.io.PrintStream(out, true), System.err)).isZero();
        assertThat(out.toString()).startsWith("2 e-mails are due again");
        clock.advance(Duration.ofSeconds(1));
        outbox.deliverDue();
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        waitFor(() -> delivery(reference) == Inquiry.Delivery.SENT);
        assertThat(outbox.counts()).isEqualTo(new MailOutbox.Counts(0, 0));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 seconds");
            }
            Thread.sleep(20);
        }
    }
}
