package edu.rush.gme.db;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets that every server on one PostgreSQL shares (table {@code rate_limit_bucket}, V14):
 * Bucket4j's PostgreSQL backend, which takes a token in one short transaction that locks the bucket's
 * row ({@code SELECT ... FOR UPDATE}), so two servers taking from one bucket at once take in turn and
 * never both take the last token. A row lives until its bucket would be full again (plus a minute);
 * rows past that are swept at most once an hour by whichever server takes a token then.
 * <p>A database that cannot be reached throws {@link DatabaseException}: the limits fail closed. What
 * they guard (storing a form, checking a password) needs the same database, so the visitor gets the
 * answer a write gets then (503 with their answers kept) at once, instead of an unlimited pass that
 * would fail a moment later, or a per-server allowance that multiplies with the servers.
 */
public final class SharedBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBuckets.class);
    static final String TABLE = "rate_limit_bucket";
    private static final long SWEEP_EVERY_MILLIS = Duration.ofHours(1).toMillis();
    private static final int SWEEP_BATCH = 1000;

    private final Database database;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final AtomicLong lastSweep = new AtomicLong(System.currentTimeMillis());

    /** Over the database's pool, with times read from {@code time} (the site's clock). */
    public SharedBuckets(Database database, TimeMeter time) {
        if (database.dialect() != Database.Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("shared buckets need PostgreSQL; one SQLite server keeps its buckets in memory");
        }
        this.database = database;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.asDataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .clientClock(time)
                .build();
    }

    /**
     * Takes one token from the bucket under this key (made with this configuration when new). A
     * connection found dead (the server restarted since the pool opened it) is dropped and the take
     * tried once more on a fresh one, as {@link Database#inTransaction} does (a take whose commit
     * was cut off may then count twice: an error on the limit's side, never the visitor's). Any SQL
     * failure counts: Bucket4j rolls back after a failed statement, and on a dead connection the
     * rollback's error ("Connection is closed", from the pool, with no SQL state) is the one it
     * throws, so the lost connection cannot be told by its state.
     */
    public ConsumptionProbe tryConsumeOne(String key, BucketConfiguration configuration) {
        for (int attempt = 1; ; attempt++) {
            try {
                ConsumptionProbe probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
                sweepNowAndThen();
                return probe;
            } catch (BucketExceptions.BucketExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (attempt == 1 && cause instanceof java.sql.SQLException sql) {
                    LOG.warn("submission limit's token not taken ({}), taking it on a new connection", sql.getMessage());
                    database.dropIdleConnections();
                    continue;
                }
                throw new DatabaseException("the submission limit could not be read: " + cause.getMessage(), cause);
            }
        }
    }

    private void sweepNowAndThen() {
        long last = lastSweep.get();
        long now = System.currentTimeMillis();
        if (now - last < SWEEP_EVERY_MILLIS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        try {
            // Batch after batch while batches come back full, so many new clients an hour cannot outgrow the sweep.
            int removed = 0;
            int batch;
            do {
                batch = buckets.removeExpired(SWEEP_BATCH);
                removed += batch;
            } while (batch >= SWEEP_BATCH && removed < 100 * SWEEP_BATCH);
            LOG.debug("swept {} expired submission limit buckets", removed);
        } catch (RuntimeException e) {
            LOG.warn("could not sweep expired submission limit buckets: {}", e.getMessage());
        }
    }
}
