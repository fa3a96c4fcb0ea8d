package edu.rush.gme.outbox;

import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import java.security.SecureRandom;
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

/**
 * A transactional outbox: messages written to a table in the same transaction as what they tell
 * about, delivered by a worker that retries failures with growing pauses (1, 2, 4 ... minutes, at most
 * 6 hours apart) for about a day before it gives up. Rows are never deleted. Each kind of message
 * (e-mail, webhook notice) has its own table with the same bookkeeping columns ({@code id},
 * {@code message_token}, {@code created_at}, {@code attempts}, {@code next_attempt_at}, {@code sent_at},
 * {@code gave_up_at}, {@code last_error}) and its own {@link Kind}: its other columns and how to deliver.
 * Safe to run on several servers over one database: a worker claims a row before delivering it.
 */
public final class Outbox<T> implements AutoCloseable {

    public static final int MAX_ATTEMPTS = 12;
    private static final Duration MAX_PAUSE = Duration.ofHours(6);
    private static final Duration POLL_EVERY = Duration.ofSeconds(30);
    private static final Duration FIRST_LOOK = Duration.ofSeconds(5);
    private static final int BATCH = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One kind of message: its table, its own columns and how one is delivered. */
    public interface Kind<T> {
        /** The table, e.g. {@code mail_outbox}. */
        String table();

        /** Its own columns, as {@link #read} reads them, e.g. {@code "recipient, subject, body"}. */
        String columns();

        T read(ResultSet row) throws SQLException;

        /** How the log names a message, e.g. "mail #3 to someone@example.org". */
        String describe(Row<T> row);

        /**
         * Delivers a message and calls {@code accepted} the moment the receiver has taken it (before any
         * closing exchange), so that it is recorded as sent at once; throws when it was not taken.
         */
        void deliver(Row<T> row, Runnable accepted) throws Exception;
    }

    /** A message due for delivery: its row's bookkeeping and its own content. */
    public record Row<T>(long id, String token, int attempts, Instant createdAt, T message) {
    }

    /** How many messages wait to be delivered and how many were given up on. */
    public record Counts(long waiting, long failed) {
    }

    private final Database database;
    private final Clock clock;
    private final Kind<T> kind;
    private final boolean delivering;
    private final String threadName;
    private final Logger log;
    private final Object sending = new Object();
    private volatile boolean stopping;
    private ScheduledExecutorService worker;

    /**
     * @param delivering false when nothing can be delivered yet (no mail server): messages wait
     * @param log        where failures are told (the log of the feature that uses the outbox)
     */
    public Outbox(Database database, Clock clock, Kind<T> kind, boolean delivering, String threadName, Logger log) {
        this.database = database;
        this.clock = clock;
        this.kind = kind;
        this.delivering = delivering;
        this.threadName = threadName;
        this.log = log;
    }

    public boolean delivers() {
        return delivering;
    }

    /** 64 random bits for a new row's {@code message_token}: the row id alone repeats in every database. */
    public static String newToken() {
        byte[] token = new byte[8];
        RANDOM.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    /** Starts the worker (when delivering): polls every 30 seconds and when nudged. */
    public synchronized void start() {
        if (!delivering || worker != null) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
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
            log.warn("{} paused: {}", threadName, e.getMessage());
        }
    }

    /** Delivers every message that is due; returns how many were delivered. Safe to run from several servers. */
    public int deliverDue() {
        if (!delivering) {
            return 0;
        }
        synchronized (sending) {
            int sent = 0;
            for (Row<T> due : due()) {
                if (stopping) {
                    break;
                }
                if (send(due)) {
                    sent++;
                }
            }
            return sent;
        }
    }

    /**
     * Claims, delivers and records one message; false when another worker had it or delivery failed.
     * <p>The promise is at least once: the receiver's acceptance and our commit cannot be one atomic
     * step, so a crash between them delivers the message again at its next attempt, with the same
     * token, by which the receiver recognises the duplicate. The window is kept short: the connection
     * is taken before delivering and the row is marked sent as soon as the receiver says yes.
     */
    private boolean send(Row<T> due) {
        try (Database.Reserved connection = database.reserve()) {
            if (!claim(connection, due)) {
                return false;
            }
            try {
                kind.deliver(due, () -> markSent(connection, due));
                return true;
            } catch (Exception e) {
                markFailed(connection, due, e);
                return false;
            }
        }
    }

    private List<Row<T>> due() {
        return database.inTransaction(connection -> {
            List<Row<T>> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, message_token, attempts, created_at, " + kind.columns() + " FROM " + kind.table()
                            + " WHERE sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT " + BATCH)) {
                database.setInstant(select, 1, clock.instant());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(new Row<>(row.getLong("id"), row.getString("message_token"), row.getInt("attempts"),
                                database.getInstant(row, "created_at"), kind.read(row)));
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
    private boolean claim(Database.Reserved reserved, Row<T> due) {
        Instant retryAt = clock.instant().plus(pauseAfter(due.attempts() + 1));
        return reserved.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + kind.table() + " SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND attempts = ? AND sent_at IS NULL")) {
                database.setInstant(update, 1, retryAt);
                update.setLong(2, due.id());
                update.setInt(3, due.attempts());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** The pause before the next try after this many attempts: 1, 2, 4 ... minutes, at most six hours. */
    public static Duration pauseAfter(int attempts) {
        long minutes = 1L << Math.min(attempts - 1, 20);
        Duration pause = Duration.ofMinutes(minutes);
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }

    /** Runs right after the receiver's acceptance; must not throw, or a delivered message would count as failed. */
    private void markSent(Database.Reserved reserved, Row<T> due) {
        try {
            reserved.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + kind.table() + " SET sent_at = ?, last_error = NULL WHERE id = ?")) {
                    database.setInstant(update, 1, clock.instant());
                    update.setLong(2, due.id());
                    return update.executeUpdate();
                }
            });
        } catch (DatabaseException e) {
            // Delivered, but not recorded: the claim keeps it from going out again for a while; say so loudly.
            log.error("{} was sent but could not be marked as sent (it may be sent again): {}", kind.describe(due), e.getMessage());
        }
    }

    private void markFailed(Database.Reserved reserved, Row<T> due, Exception failure) {
        int attempts = due.attempts() + 1;
        boolean givingUp = attempts >= MAX_ATTEMPTS;
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (givingUp) {
            log.error("gave up sending {} after {} attempts: {}", kind.describe(due), attempts, error);
        } else {
            log.warn("could not send {} (attempt {}), will retry: {}", kind.describe(due), attempts, error);
        }
        try {
            reserved.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + kind.table() + " SET last_error = ?, gave_up_at = ? WHERE id = ?")) {
                    update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
                    database.setInstant(update, 2, givingUp ? clock.instant() : null);
                    update.setLong(3, due.id());
                    return update.executeUpdate();
                }
            });
        } catch (DatabaseException e) {
            log.warn("could not record the failure of {}: {}", kind.describe(due), e.getMessage());
        }
    }

    /** Makes every message of a table that was given up on due again, attempts counted from zero; returns how many. */
    public static int retryGivenUp(Database database, Clock clock, String table) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET gave_up_at = NULL, attempts = 0, next_attempt_at = ? WHERE gave_up_at IS NOT NULL AND sent_at IS NULL")) {
                database.setInstant(update, 1, clock.instant());
                return update.executeUpdate();
            }
        });
    }

    public Counts counts() {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT SUM(CASE WHEN sent_at IS NULL AND gave_up_at IS NULL THEN 1 ELSE 0 END) AS waiting,"
                            + " SUM(CASE WHEN gave_up_at IS NOT NULL THEN 1 ELSE 0 END) AS failed FROM " + kind.table());
                 ResultSet row = select.executeQuery()) {
                row.next();
                return new Counts(row.getLong("waiting"), row.getLong("failed"));
            }
        });
    }

    /** Stops the worker: the message being delivered finishes, the rest of the batch waits for the next start. */
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
