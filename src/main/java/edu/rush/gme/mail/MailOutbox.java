package edu.rush.gme.mail;

import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail that must not be lost. A message is written to the {@code mail_outbox} table in the same
 * transaction as the inquiry it tells about; a worker sends what is due and retries failures with
 * growing pauses (1, 2, 4 ... minutes, at most 6 hours apart) for about a day before it gives up.
 * Rows are never deleted, so the export shows what was sent, is waiting or failed.
 */
public final class MailOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Duration MAX_PAUSE = Duration.ofHours(6);
    private static final Duration POLL_EVERY = Duration.ofSeconds(30);
    private static final Duration FIRST_LOOK = Duration.ofSeconds(5);
    private static final int BATCH = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the outbox holds, for readiness and the start-up log. */
    public record Counts(long waiting, long failed) {
    }

    private final Database database;
    private final Clock clock;
    private final SmtpMailer mailer;
    private final Object sending = new Object();
    private volatile boolean stopping;
    private ScheduledExecutorService worker;

    public MailOutbox(Database database, MailSettings settings, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.mailer = settings.configured() ? new SmtpMailer(settings) : null;
    }

    /** Whether an SMTP server is configured; without one, messages wait in the outbox. */
    public boolean sends() {
        return mailer != null;
    }

    /** Writes a message to the outbox inside the caller's transaction; it is due at once. */
    public void enqueue(Connection connection, long inquiryId, OutgoingMail mail) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mail_outbox (inquiry_id, created_at, recipient, reply_to, subject, body, next_attempt_at, purpose, message_token)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, inquiryId);
            database.setInstant(insert, 2, now);
            insert.setString(3, mail.recipient());
            insert.setString(4, mail.replyTo());
            insert.setString(5, mail.subject());
            insert.setString(6, mail.body());
            database.setInstant(insert, 7, now);
            insert.setString(8, mail.purpose());
            insert.setString(9, newMessageToken());
            insert.executeUpdate();
        }
    }

    /** 64 random bits: the row id alone repeats in every database (tests, a copy, a second site). */
    private static String newMessageToken() {
        byte[] token = new byte[8];
        RANDOM.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    /** Starts the worker (when mail is configured): polls every 30 seconds and when nudged. */
    public synchronized void start() {
        if (mailer == null || worker != null) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-delivery");
            thread.setDaemon(true);
            return thread;
        });
        // The first look waits until start-up is over (it would open the database early).
        worker.scheduleWithFixedDelay(this::deliverQuietly, FIRST_LOOK.toSeconds(), POLL_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Asks the worker to look at the outbox now (a new message was just committed). */
    public synchronized void nudge() {
        if (worker != null) {
            worker.execute(this::deliverQuietly);
        }
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("mail delivery paused: {}", e.getMessage());
        }
    }

    private record Due(long id, String token, int attempts, Instant createdAt, OutgoingMail mail) {

        /** The left part of the message's Message-ID: the same on every attempt, unlike any other row's. */
        String messageKey() {
            // A row written by a server of the previous version during an upgrade has no token: its
            // creation time (to the nanosecond where the database keeps it) is as stable and nearly as rare.
            String unique = token != null ? token : Long.toHexString(createdAt.getEpochSecond()) + Integer.toHexString(createdAt.getNano());
            return "gme-outbox-" + id + "." + unique;
        }
    }

    /** Sends every message that is due; returns how many were sent. Safe to run from several servers. */
    public int deliverDue() {
        if (mailer == null) {
            return 0;
        }
        synchronized (sending) {
            return sendDue();
        }
    }

    private int sendDue() {
        int sent = 0;
        for (Due due : due()) {
            if (stopping) {
                break;
            }
            if (send(due)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Claims, sends and records one message; false when another worker had it or sending failed.
     * <p>The promise is at least once: the mail server's acceptance and our commit cannot be one
     * atomic step (no protocol makes SMTP and a database agree), so a crash between them sends the
     * message again at its next attempt, with the same Message-ID, by which mail systems recognise the
     * duplicate. The window is kept as short as it can be: the connection is taken before sending (no
     * wait for the pool in it) and the row is marked sent in its own transaction as soon as the server
     * says yes, before the QUIT exchange, any logging or the next row.
     */
    private boolean send(Due due) {
        try (Database.Reserved connection = database.reserve()) {
            if (!claim(connection, due)) {
                return false;
            }
            try {
                mailer.send(due.mail(), due.createdAt(), due.messageKey(), () -> markSent(connection, due));
                return true;
            } catch (Exception e) {
                markFailed(connection, due, e);
                return false;
            }
        }
    }

    private List<Due> due() {
        return database.inTransaction(connection -> {
            List<Due> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, message_token, attempts, created_at, purpose, recipient, reply_to, subject, body FROM mail_outbox"
                            + " WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT " + BATCH)) {
                database.setInstant(select, 1, clock.instant());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(new Due(row.getLong("id"), row.getString("message_token"), row.getInt("attempts"), database.getInstant(row, "created_at"),
                                new OutgoingMail(row.getString("purpose"), row.getString("recipient"), row.getString("reply_to"),
                                        row.getString("subject"), row.getString("body"))));
                    }
                }
            }
            return due;
        });
    }

    /**
     * Takes the message for this attempt: counts the attempt and moves its next try into the future, so
     * that a second worker (another server on the same database) skips it; a crash mid-send retries later.
     */
    private boolean claim(Database.Reserved reserved, Due due) {
        Instant retryAt = clock.instant().plus(pauseAfter(due.attempts() + 1));
        return reserved.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND attempts = ? AND sent_at IS NULL")) {
                database.setInstant(update, 1, retryAt);
                update.setLong(2, due.id());
                update.setInt(3, due.attempts());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** The pause before the next try after this many attempts: 1, 2, 4 ... minutes, at most six hours. */
    static Duration pauseAfter(int attempts) {
        long minutes = 1L << Math.min(attempts - 1, 20);
        Duration pause = Duration.ofMinutes(minutes);
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }

    /** Runs between the server's acceptance and the QUIT; must not throw, or a sent message would count as failed. */
    private void markSent(Database.Reserved reserved, Due due) {
        try {
            reserved.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET sent_at = ?, last_error = NULL WHERE id = ?")) {
                    database.setInstant(update, 1, clock.instant());
                    update.setLong(2, due.id());
                    return update.executeUpdate();
                }
            });
        } catch (DatabaseException e) {
            // Sent, but not recorded: the claim keeps it from going out again for a while; say so loudly.
            LOG.error("mail #{} to {} was sent but could not be marked as sent (it may be sent again): {}",
                    due.id(), due.mail().recipient(), e.getMessage());
        }
    }

    private void markFailed(Database.Reserved reserved, Due due, Exception failure) {
        int attempts = due.attempts() + 1;
        boolean givingUp = attempts >= MAX_ATTEMPTS;
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (givingUp) {
            LOG.error("gave up sending mail #{} to {} after {} attempts: {}", due.id(), due.mail().recipient(), attempts, error);
        } else {
            LOG.warn("could not send mail #{} to {} (attempt {}), will retry: {}", due.id(), due.mail().recipient(), attempts, error);
        }
        try {
            reserved.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox SET last_error = ?, gave_up_at = ? WHERE id = ?")) {
                    update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
                    database.setInstant(update, 2, givingUp ? clock.instant() : null);
                    update.setLong(3, due.id());
                    return update.executeUpdate();
                }
            });
        } catch (DatabaseException e) {
            LOG.warn("could not record the failure of mail #{}: {}", due.id(), e.getMessage());
        }
    }

    /**
     * Makes every message that was given up on due again, with its attempts counted from zero (after
     * the mail settings are fixed); returns how many. A running server's worker picks them up.
     */
    public static int retryGivenUp(Database database, Clock clock) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE mail_outbox SET gave_up_at = NULL, attempts = 0, next_attempt_at = ? WHERE gave_up_at IS NOT NULL AND sent_at IS NULL")) {
                database.setInstant(update, 1, clock.instant());
                return update.executeUpdate();
            }
        });
    }

    /** How many messages wait to be sent and how many were given up on. */
    public Counts counts() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT SUM(CASE WHEN sent_at IS NULL AND gave_up_at IS NULL THEN 1 ELSE 0 END) AS waiting,"
                            + " SUM(CASE WHEN gave_up_at IS NOT NULL THEN 1 ELSE 0 END) AS failed FROM mail_outbox");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return new Counts(row.getLong("waiting"), row.getLong("failed"));
            }
        });
    }

    /** Stops the worker: the message being sent finishes, the rest of the batch waits for the next start. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (worker != null) {
            worker.shutdown();
            try {
                if (!worker.awaitTermination(20, TimeUnit.SECONDS)) {
                    worker.shutdownNow();
                }
            } catch (InterruptedException e) {
                worker.shutdownNow();
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }
}
