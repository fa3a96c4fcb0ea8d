package edu.rush.gme.mail;

import edu.rush.gme.db.Database;
import edu.rush.gme.outbox.Outbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.LoggerFactory;

/**
 * E-mail that must not be lost. A message is written to the {@code mail_outbox} table in the same
 * transaction as the inquiry it tells about; the shared {@link Outbox} worker sends what is due and
 * retries failures with growing pauses (1, 2, 4 ... minutes, at most 6 hours apart) for about a day
 * before it gives up. Rows are never deleted, so the export shows what was sent, is waiting or failed.
 */
public final class MailOutbox implements AutoCloseable {

    static final int MAX_ATTEMPTS = Outbox.MAX_ATTEMPTS;
    static final String TABLE = "mail_outbox";

    /** What the outbox holds, for readiness and the start-up log. */
    public record Counts(long waiting, long failed) {
    }

    private final Database database;
    private final Clock clock;
    private final SmtpMailer mailer;
    private final Outbox<OutgoingMail> outbox;
    private final String sender;

    public MailOutbox(Database database, MailSettings settings, Clock clock) {
        this.database = database;
        this.sender = settings.from();
        this.clock = clock;
        this.mailer = settings.configured() ? new SmtpMailer(settings) : null;
        this.outbox = new Outbox<>(database, clock, new Mail(), mailer != null, "mail-delivery", LoggerFactory.getLogger(MailOutbox.class));
    }

    /** E-mail as a kind of outbox message: its columns, and sending through SMTP. */
    private final class Mail implements Outbox.Kind<OutgoingMail> {
        @Override
        public String table() {
            return TABLE;
        }

        @Override
        public String columns() {
            return "purpose, recipient, reply_to, subject, body, calendar";
        }

        @Override
        public OutgoingMail read(ResultSet row) throws SQLException {
            return new OutgoingMail(row.getString("purpose"), row.getString("recipient"), row.getString("reply_to"),
                    row.getString("subject"), row.getString("body"), row.getString("calendar"));
        }

        @Override
        public String describe(Outbox.Row<OutgoingMail> row) {
            return "mail #" + row.id() + " to " + row.message().recipient();
        }

        /**
         * The mail server's acceptance marks the row sent before the QUIT exchange; the Message-ID is the
         * same on every attempt, by which mail systems recognise a duplicate.
         */
        @Override
        public void deliver(Outbox.Row<OutgoingMail> row, Runnable accepted) throws Exception {
            mailer.send(row.message(), row.createdAt(), messageKey(row), accepted);
        }
    }

    /** The left part of the message's Message-ID: the same on every attempt, unlike any other row's. */
    static String messageKey(Outbox.Row<?> row) {
        // A row written by a server of the previous version during an upgrade has no token: its
        // creation time (to the nanosecond where the database keeps it) is as stable and nearly as rare.
        Instant createdAt = row.createdAt();
        String unique = row.token() != null ? row.token() : Long.toHexString(createdAt.getEpochSecond()) + Integer.toHexString(createdAt.getNano());
        return "gme-outbox-" + row.id() + "." + unique;
    }

    /** The sender's address (GME_MAIL_FROM), null when none is set. */
    public String sender() {
        return sender;
    }

    /** Whether an SMTP server is configured; without one, messages wait in the outbox. */
    public boolean sends() {
        return mailer != null;
    }

    /** Writes a message about an inquiry to the outbox inside the caller's transaction; it is due at once. */
    public void enqueue(Connection connection, long inquiryId, OutgoingMail mail) throws SQLException {
        insert(connection, "inquiry_id", inquiryId, mail);
    }

    /** Writes a message about an event registration to the outbox inside the caller's transaction; it is due at once. */
    public void enqueueForRegistration(Connection connection, long registrationId, OutgoingMail mail) throws SQLException {
        insert(connection, "registration_id", registrationId, mail);
    }

    private void insert(Connection connection, String about, long aboutId, OutgoingMail mail) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mail_outbox (" + about + ", created_at, recipient, reply_to, subject, body, next_attempt_at, purpose, message_token, calendar)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, aboutId);
            database.setInstant(insert, 2, now);
            insert.setString(3, mail.recipient());
            insert.setString(4, mail.replyTo());
            insert.setString(5, mail.subject());
            insert.setString(6, mail.body());
            database.setInstant(insert, 7, now);
            insert.setString(8, mail.purpose());
            insert.setString(9, Outbox.newToken());
            insert.setString(10, mail.calendar());
            insert.executeUpdate();
        }
    }

    /** Starts the worker (when mail is configured): polls every 30 seconds and when nudged. */
    public void start() {
        outbox.start();
    }

    /** Asks the worker to look at the outbox now (a new message was just committed). */
    public void nudge() {
        outbox.nudge();
    }

    /** Sends every message that is due; returns how many were sent. Safe to run from several servers. */
    public int deliverDue() {
        return outbox.deliverDue();
    }

    /** The pause before the next try after this many attempts: 1, 2, 4 ... minutes, at most six hours. */
    static Duration pauseAfter(int attempts) {
        return Outbox.pauseAfter(attempts);
    }

    /**
     * Makes every message that was given up on due again, with its attempts counted from zero (after
     * the mail settings are fixed); returns how many. A running server's worker picks them up.
     */
    public static int retryGivenUp(Database database, Clock clock) {
        return Outbox.retryGivenUp(database, clock, TABLE);
    }

    /** How many messages wait to be sent and how many were given up on. */
    public Counts counts() {
        Outbox.Counts counts = outbox.counts();
        return new Counts(counts.waiting(), counts.failed());
    }

    /** Stops the worker: the message being sent finishes, the rest of the batch waits for the next start. */
    @Override
    public void close() {
        outbox.close();
    }
}
