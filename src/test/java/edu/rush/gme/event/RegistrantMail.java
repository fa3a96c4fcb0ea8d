package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import edu.rush.gme.db.Database;
import edu.rush.gme.inquiry.ApplicantType;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Helpers for the registrant mail tests: a mail server, what it received, the calendars inside, the outbox rows. */
final class RegistrantMail {

    private RegistrantMail() {
    }

    static GreenMail smtp() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return server;
    }

    static NewRegistration person(String slug, String name) {
        return new NewRegistration(slug, name, name.toLowerCase().replace(' ', '.') + "@example.org", ApplicantType.IMG, List.of(), null, false);
    }

    static String email(String name) {
        return name.toLowerCase().replace(' ', '.') + "@example.org";
    }

    /** One outbox row: to whom, what for, and whether it has a calendar and which METHOD. */
    record Row(String recipient, String purpose, String method) {
    }

    /** Every mail written to the outbox, in order: what was sent or will be. The number of rows is the number of mails. */
    static List<Row> outbox(Database database) {
        return database.inTransaction(connection -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT recipient, purpose, calendar FROM mail_outbox ORDER BY id");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String calendar = row.getString("calendar");
                    rows.add(new Row(row.getString("recipient"), row.getString("purpose"),
                            calendar == null ? null : Biweekly.parse(calendar).first().getMethod().getValue()));
                }
            }
            return rows;
        });
    }

    static List<Row> outbox(Database database, String purpose) {
        return outbox(database).stream().filter(row -> row.purpose().equals(purpose)).toList();
    }

    /** Waits (polling, at most ten seconds) until the condition holds. */
    static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The messages the mail server received for this address with this subject start, waiting for at least one. */
    static List<MimeMessage> received(GreenMail smtp, String address, String subjectStart) {
        List<MimeMessage> found = new ArrayList<>();
        waitFor(() -> {
            found.clear();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                try {
                    if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().startsWith(subjectStart)) {
                        found.add(message);
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return !found.isEmpty();
        }, "a message to " + address + " about '" + subjectStart + "'");
        return found;
    }

    /** What an invitation mail holds: its text, the calendar part's METHOD parameter and the calendar, and the attached file parsed. */
    record Invitation(String text, String methodParameter, ICalendar calendar, String attachmentName, ICalendar attachment) {
        VEvent event() {
            assertThat(calendar.getEvents()).hasSize(1);
            return calendar.getEvents().get(0);
        }
    }

    /**
     * Takes a received mail apart as a mail program does: multipart/mixed of (multipart/alternative of
     * text/plain and text/calendar) and the attachment invite.ics; parses both calendars with biweekly.
     */
    static Invitation invitation(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart alternatives = mixed.getBodyPart(0);
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) alternatives.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        BodyPart text = alternative.getBodyPart(0);
        assertThat(new ContentType(text.getContentType()).match("text/plain")).isTrue();
        assertThat(new ContentType(text.getContentType()).getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        BodyPart calendarPart = alternative.getBodyPart(1);
        ContentType calendarType = new ContentType(calendarPart.getContentType());
        assertThat(calendarType.match("text/calendar")).isTrue();
        assertThat(calendarType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        return new Invitation((String) text.getContent(), calendarType.getParameter("method"), Biweekly.parse(read(calendarPart)).first(),
                file.getFileName(), Biweekly.parse(read(file)).first());
    }

    private static String read(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The text of a plain mail (no calendar). */
    static String plainText(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("text/plain");
        return (String) message.getContent();
    }
}
