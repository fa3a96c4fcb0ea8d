package edu.rush.gme.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's database: a connection pool over SQLite or PostgreSQL, with the schema brought up to
 * date by Flyway (migrations in {@code db/migration/sqlite} and {@code db/migration/postgresql}).
 * Opening happens on a background thread, after the first pages or at the first use; a write waits for it.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** SQLite keeps times as text in one fixed width, so that text order is time order. */
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long OPEN_WAIT_SECONDS = 30;

    public enum Dialect {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String folder;

        Dialect(String folder) {
            this.folder = folder;
        }
    }

    /** Work done with a connection; may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DatabaseSettings settings;
    /** More pool configuration (the metrics' binding), applied when the pool is made. */
    private volatile java.util.function.Consumer<HikariConfig> poolExtras = config -> { };
    private final CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();
    private final AtomicBoolean opening = new AtomicBoolean();
    private volatile boolean closed;

    private Database(DatabaseSettings settings) {
        this.settings = settings;
    }

    /**
     * The database, not yet opened: opening (pool and migrations) starts on a background thread at
     * {@link #openLater} or at the first use, whichever comes first.
     */
    public static Database open(DatabaseSettings settings) {
        return new Database(settings);
    }

    /** Starts opening now, unless it has started already. */
    public void startOpening() {
        if (closed || !opening.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                pool.complete(connect(settings, poolExtras));
            } catch (RuntimeException e) {
                LOG.error("database {} could not be opened: {}", settings, e.getMessage());
                pool.completeExceptionally(e);
            }
        }, "database-open");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts opening after a pause: at start-up the first pages get the processor, and the
     * database (a second of class loading and migrations on a small machine) follows.
     */
    public void openLater(Duration delay) {
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(this::startOpening);
    }

    /** Completes when opening has finished, well or not; does not start it. */
    public CompletableFuture<Void> opened() {
        return pool.handle((dataSource, failure) -> null);
    }

    /** Adds to the pool's configuration (Hikari's metrics tracker); only before opening has started. */
    public void configurePool(java.util.function.Consumer<HikariConfig> extras) {
        if (opening.get()) {
            throw new IllegalStateException("the pool is made already");
        }
        poolExtras = extras;
    }

    private static HikariDataSource connect(DatabaseSettings settings, java.util.function.Consumer<HikariConfig> extras) {
        long started = System.nanoTime();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName("gme-db");
        // An applicant waits at most five seconds before the form comes back with "try again".
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(10_000);
        if (settings.dialect() == Dialect.SQLITE) {
            createFolder(settings.sqliteFile());
            // One file, many readers, one writer at a time: WAL lets pages read while a form writes,
            // and busy_timeout makes a second writer wait instead of failing.
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            // FULL: a committed inquiry survives a power cut too (NORMAL may lose the last ones in WAL mode).
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
        } else {
            config.setMaximumPoolSize(8);
        }
        extras.accept(config);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + settings.dialect().folder)
                    .loggers("slf4j")
                    .load()
                    .migrate();
            LOG.info("database {} ready (schema version {}, {} migrations applied) in {} ms", settings,
                    result.targetSchemaVersion, result.migrationsExecuted, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return dataSource;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static void createFolder(Path file) {
        if (file == null || file.toAbsolutePath().getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for the database file " + file, e);
        }
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    /** Waits until the database is open; the exception says why it is not. */
    public void awaitOpen() {
        dataSource();
    }

    private HikariDataSource dataSource() {
        if (closed) {
            throw new DatabaseException("the database is closed", null);
        }
        startOpening();
        try {
            return pool.get(OPEN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new DatabaseException("the database could not be opened: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new DatabaseException("the database is still opening", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for the database", e);
        }
    }

    /**
     * Runs the work in one transaction: committed when it returns, rolled back when it throws. When
     * the connection turns out to be dead (the server restarted since the pool opened it), the pool's
     * idle connections are dropped and the work runs once more on a fresh one.
     */
    public <T> T inTransaction(Work<T> work) {
        return inTransaction(null, work);
    }

    /**
     * A transaction that writes, of a kind that comes in bursts (registrations for an event). On
     * SQLite, which lets one connection write at a time and syncs the file at each commit, those
     * waiting are committed together: whoever gets the turn runs every work queued by then, in the
     * order they came, each inside a savepoint of one transaction (a work that fails is rolled back
     * alone and gets its exception), and commits once; each caller gets its result only after that
     * commit. Without it a writer that finds the file locked sleeps in SQLite's busy handler (1, 2,
     * 5 ... up to 100 ms between tries) while the lock stands free, and every registration waits for
     * the disk once per registration ahead of it (docs/performance.md). The database still decides
     * (seats, unique addresses); on PostgreSQL, where several servers share the database, each work
     * is a transaction of its own. A work only uses its connection: it may not wait for another transaction.
     */
    public <T> T inWriteTransaction(Work<T> work) {
        if (dialect() != Dialect.SQLITE) {
            return inTransaction(work);
        }
        if (sqliteWriter.isHeldByCurrentThread()) {
            throw new IllegalStateException("a queued write may not queue another (it would wait for itself)");
        }
        QueuedWrite<T> mine = new QueuedWrite<>(work);
        sqliteWrites.add(mine);
        long deadline = System.nanoTime() + SQLITE_WRITER_WAIT.toNanos();
        try {
            while (!mine.result.isDone()) {
                // Whoever holds the turn finishes its whole batch before letting go: holding it, ours is done or still queued.
                if (sqliteWriter.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    try {
                        if (!mine.result.isDone()) {
                            commitQueuedWrites();
                        }
                    } finally {
                        sqliteWriter.unlock();
                    }
                } else if (sqliteWrites.remove(mine)) {
                    throw new DatabaseException("the database was busy writing for " + SQLITE_WRITER_WAIT.toSeconds() + " seconds", null);
                } else {
                    break;  // taken into a batch meanwhile: its result comes
                }
            }
            // Taken into a batch by another caller: its commit ends within the pool's and SQLite's own timeouts.
            return mine.result.get(SQLITE_WRITER_WAIT.toSeconds() * 3, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new DatabaseException("the write was taken but its commit did not end in time", e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Still queued: it never runs. Taken into a batch already: it may be stored, as a commit cut short may be.
            boolean neverRuns = sqliteWrites.remove(mine);
            throw new DatabaseException("interrupted while waiting to write", e, !neverRuns);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DatabaseException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** One batch of queued writes in one transaction, a savepoint each; then each caller's result. */
    private void commitQueuedWrites() {
        java.util.List<QueuedWrite<?>> batch = new java.util.ArrayList<>();
        sqliteWrites.drainTo(batch, SQLITE_BATCH);
        try {
            inTransaction(connection -> {
                for (QueuedWrite<?> write : batch) {
                    write.runIn(connection);
                }
                return null;
            });
        } catch (RuntimeException e) {
            // Nothing of the batch is stored (or it is unknown whether it is): each caller hears so.
            batch.forEach(write -> write.outcome = e);
        } catch (Error e) {
            // Not even an Error may leave the others of the batch waiting for a result that never comes.
            DatabaseException failed = new DatabaseException("the write failed: " + e, e);
            batch.forEach(write -> write.outcome = failed);
            throw e;
        } finally {
            batch.forEach(QueuedWrite::complete);
        }
    }

    /** A write waiting for its turn, and once run its result or failure (given out only after the commit). */
    private static final class QueuedWrite<T> {
        final Work<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;
        RuntimeException outcome;

        QueuedWrite(Work<T> work) {
            this.work = work;
        }

        void runIn(Connection connection) throws SQLException {
            value = null;
            outcome = null;
            java.sql.Savepoint savepoint = connection.setSavepoint();
            try {
                value = work.run(connection);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException e) {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
                outcome = e instanceof RuntimeException runtime ? runtime : new DatabaseException(e.getMessage(), e);
            }
        }

        void complete() {
            if (outcome != null) {
                result.completeExceptionally(outcome);
            } else {
                result.complete(value);
            }
        }
    }

    /** SQLite's queued writes and the turn to commit them; how long one waits at most (as busy_timeout), and how many go in one commit. */
    private final java.util.concurrent.LinkedBlockingQueue<QueuedWrite<?>> sqliteWrites = new java.util.concurrent.LinkedBlockingQueue<>();
    private final java.util.concurrent.locks.ReentrantLock sqliteWriter = new java.util.concurrent.locks.ReentrantLock(true);
    private static final Duration SQLITE_WRITER_WAIT = Duration.ofSeconds(10);
    private static final int SQLITE_BATCH = 64;

    /**
     * The pool as a plain {@link javax.sql.DataSource}, for a library that takes one (Bucket4j's shared
     * limits): each connection waits for the database to open, as a transaction does, and a database
     * that cannot be reached throws {@link DatabaseException}.
     */
    public javax.sql.DataSource asDataSource() {
        return new PoolView();
    }

    private final class PoolView implements javax.sql.DataSource {
        @Override
        public Connection getConnection() {
            return connection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new java.sql.SQLFeatureNotSupportedException("the pool's own credentials are used");
        }

        @Override
        public java.io.PrintWriter getLogWriter() throws SQLException {
            return dataSource().getLogWriter();
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) throws SQLException {
            dataSource().setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            dataSource().setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return dataSource().getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws java.sql.SQLFeatureNotSupportedException {
            return dataSource().getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return dataSource().unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return dataSource().isWrapperFor(type);
        }
    }

    /**
     * A connection taken from the pool now, for transactions that must start the moment something
     * else ends (the outbox records a message as sent right after the mail server accepted it).
     */
    public Reserved reserve() {
        return new Reserved(connection());
    }

    /** A pooled connection held by one caller until it is closed; see {@link #reserve()}. */
    public final class Reserved implements AutoCloseable {

        private final Connection connection;

        private Reserved(Connection connection) {
            this.connection = connection;
        }

        /** As {@link Database#inTransaction}, on the reserved connection (on a fresh one if it is dead). */
        public <T> T inTransaction(Work<T> work) {
            return Database.this.inTransaction(connection, work);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("could not return a reserved connection to the pool: {}", e.getMessage());
            }
        }
    }

    /** The first attempt runs on the reserved connection when there is one, a retry always on a pooled one. */
    private <T> T inTransaction(Connection reserved, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (attempt == 1 && reserved != null) {
                    return transaction(reserved, work);
                }
                try (Connection connection = connection()) {
                    return transaction(connection, work);
                }
            } catch (CommitUncertain e) {
                // The commit may have reached the server: running the work again could store it twice.
                throw new DatabaseException(e.getCause().getMessage(), e.getCause(), true);
            } catch (SQLException e) {
                if (attempt == 2 || !isConnectionLost(e)) {
                    throw new DatabaseException(e.getMessage(), e);
                }
                LOG.warn("database connection lost ({}), retrying on a new one", e.getMessage());
                dropIdleConnections();
            }
        }
    }

    /** Drops the pool's idle connections (the server restarted since they were opened); those in use go when returned. */
    void dropIdleConnections() {
        dataSource().getHikariPoolMXBean().softEvictConnections();
    }

    /** The connection failed during commit: whether the transaction was stored is unknown. */
    private static final class CommitUncertain extends SQLException {
        CommitUncertain(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
        }
    }

    private Connection connection() {
        try {
            return dataSource().getConnection();
        } catch (SQLException e) {
            // No connection within the pool's timeout: the server is down; waiting again would only double the wait.
            throw new DatabaseException(e.getMessage(), e);
        }
    }

    private static <T> T transaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new CommitUncertain(e);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    /** SQL states of a connection that is gone: class 08 (connection exception), 57P01-57P03 (server shut down). */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /**
     * True when a connection answers a trivial query within two seconds (readiness checks answer
     * quickly even while the pool waits its five seconds for a server that is down).
     */
    public boolean isReachable() {
        if (!pool.isDone() || pool.isCompletedExceptionally() || closed) {
            return false;
        }
        try {
            return CompletableFuture.supplyAsync(this::answers).get(2, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean answers() {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            return statement.execute("SELECT 1");
        } catch (SQLException | DatabaseException e) {
            return false;
        }
    }

    /** Whether opening has not finished yet (readiness reports "starting" until then); starts it. */
    public boolean isOpening() {
        startOpening();
        return !pool.isDone();
    }

    public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, dialect() == Dialect.SQLITE ? java.sql.Types.VARCHAR : java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (dialect() == Dialect.SQLITE) {
            statement.setString(index, SQLITE_TIME.format(instant));
        } else {
            statement.setObject(index, instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        }
    }

    public Instant getInstant(ResultSet row, String column) throws SQLException {
        if (dialect() == Dialect.SQLITE) {
            String text = row.getString(column);
            return text == null ? null : Instant.parse(text);
        }
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    @Override
    public void close() {
        closed = true;
        if (!opening.compareAndSet(false, true)) {
            pool.thenAccept(HikariDataSource::close);
        }
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
