package edu.rush.gme.search;

import edu.rush.gme.csv.Spreadsheet;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches that found nothing, kept in the database (table {@code search_miss}): the in-memory
 * {@link ZeroResultLog} is added to it once a minute and at shutdown, off the search's path.
 * Staff export it with {@code java -jar gme-site.jar export-search-misses}.
 */
public final class SearchMisses implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchMisses.class);
    private static final long FLUSH_EVERY_SECONDS = 60;

    public static final String COMMAND = "export-search-misses";
    public static final String USAGE = "usage: java -jar gme-site.jar " + COMMAND + " [--since YYYY-MM-DD] > search-misses.csv";

    private final Database database;
    private final ZeroResultLog log;
    private ScheduledExecutorService flusher;

    public SearchMisses(Database database, ZeroResultLog log) {
        this.database = database;
        this.log = log;
    }

    public synchronized void start() {
        if (flusher != null) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-misses");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY_SECONDS, FLUSH_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (DatabaseException e) {
            LOG.warn("searches that found nothing are kept in memory for now: {}", e.getMessage());
        }
    }

    /** Adds what the log holds to the database; returns how many queries were written. */
    public synchronized int flush() {
        List<ZeroResultLog.Entry> taken = log.drain();
        if (taken.isEmpty()) {
            return 0;
        }
        try {
            // Each server adds its own counts (one search, one server, one count); whichever flushes last
            // must not move first_seen later or last_seen earlier than another server's searches.
            boolean sqlite = database.dialect() == Database.Dialect.SQLITE;
            String earliest = sqlite ? "MIN" : "LEAST";
            String latest = sqlite ? "MAX" : "GREATEST";
            database.inTransaction(connection -> {
                try (PreparedStatement upsert = connection.prepareStatement(
                        "INSERT INTO search_miss (query, count, first_seen, last_seen) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (query) DO UPDATE SET count = search_miss.count + excluded.count,"
                                + " first_seen = " + earliest + "(search_miss.first_seen, excluded.first_seen),"
                                + " last_seen = " + latest + "(search_miss.last_seen, excluded.last_seen)")) {
                    for (ZeroResultLog.Entry entry : taken) {
                        upsert.setString(1, entry.query());
                        upsert.setLong(2, entry.count());
                        database.setInstant(upsert, 3, entry.firstSeen());
                        database.setInstant(upsert, 4, entry.lastSeen());
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                return null;
            });
            return taken.size();
        } catch (DatabaseException e) {
            log.restore(taken);
            throw e;
        }
    }

    /** Every stored query last seen from a time on (null: all), most frequent first. */
    public static List<ZeroResultLog.Entry> read(Database database, Instant since) {
        return database.inTransaction(connection -> {
            String sql = "SELECT query, count, first_seen, last_seen FROM search_miss"
                    + (since == null ? "" : " WHERE last_seen >= ?") + " ORDER BY count DESC, last_seen DESC, query";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (since != null) {
                    database.setInstant(select, 1, since);
                }
                List<ZeroResultLog.Entry> entries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new ZeroResultLog.Entry(row.getString("query"), row.getLong("count"),
                                database.getInstant(row, "first_seen"), database.getInstant(row, "last_seen")));
                    }
                }
                return entries;
            }
        });
    }

    public static String csv(List<ZeroResultLog.Entry> entries) {
        List<List<String>> rows = entries.stream()
                .map(entry -> List.of(entry.query(), String.valueOf(entry.count()), entry.firstSeen().toString(), entry.lastSeen().toString()))
                .toList();
        return Spreadsheet.write(List.of("Search", "Times", "First (UTC)", "Last (UTC)"), rows);
    }

    /** Stops the minute timer and writes what is left. */
    @Override
    public synchronized void close() {
        if (flusher != null) {
            flusher.shutdown();
            flusher = null;
        }
        flushQuietly();
    }
}
