package edu.rush.gme.changes;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.SnapshotWorker;
import edu.rush.gme.content.ContentType;
import edu.rush.gme.content.Page;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change journal: what the public can see, compared with what was last recorded, after every
 * reload and at every scheduled moment, with the differences appended as {@link Change}s.
 * <p>The last recorded state ({@code content_state}) and the journal ({@code content_change}) live in
 * the database, so a restart neither loses nor repeats a change. A recording is one transaction that
 * first locks the journal's head row: two servers on one database record one after the other, and the
 * second finds the state already recorded. A server records only the items it saw change since its own
 * last recording (all items the first time), so a second server that has not yet read an edit does not
 * undo the first one's record of it.
 * <p>Recording runs on its own thread once the database is open; pages never wait for it.
 */
public final class ChangeJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeJournal.class);
    /** A recording that failed (the database was down) is tried again this often; so is a missed moment. */
    private static final long CHECK_EVERY_SECONDS = 30;
    /** How long every change is kept; older ones only while they are their item's latest. */
    static final java.time.Duration FULL_HISTORY = java.time.Duration.ofDays(30);

    /** Runs inside a recording's transaction with the changes it appends (webhook notices are enqueued here). */
    @FunctionalInterface
    public interface Recorder {
        void recorded(Connection connection, String journal, List<Change> changes, boolean initial) throws SQLException;
    }

    /** The journal's id and its last entry's number. */
    record Head(String journal, long lastSeq) {
    }

    /** One visible item as recorded: which type and slug, its content digest, its path. */
    private record Item(String type, String slug, String digest, String path) {
    }

    private record Key(String type, String slug) {
    }

    private final Database database;
    private final ContentStore store;
    private final Clock clock;
    private final Recorder recorder;
    private final Runnable afterCommit;
    /** What this server last recorded (null: nothing yet, or the last recording failed: compare everything). */
    private Map<Key, Item> recorded;
    /** The snapshot version and visibility key of the last recording. */
    private volatile String recordedKey;
    private final SnapshotWorker worker = new SnapshotWorker("change-journal");
    /**
     * Held while recording. Not this object's monitor: the store's loading thread calls
     * {@link SnapshotWorker#request} from inside a reload, and must never wait for a recording.
     */
    private final Object recording = new Object();

    /**
     * @param recorder    runs inside each recording that appends changes (e.g. enqueues webhook notices)
     * @param afterCommit runs after such a recording is committed (e.g. nudges the webhook outbox)
     */
    public ChangeJournal(Database database, ContentStore store, Clock clock, Recorder recorder, Runnable afterCommit) {
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.recorder = recorder;
        this.afterCommit = afterCommit;
    }

    /** Listens to the store and records on a background thread: once the database is open, after each load, at each scheduled moment. */
    public void start() {
        worker.start(store, database.opened(), this::recordQuietly, this::recordIfDue, CHECK_EVERY_SECONDS);
    }

    private void recordIfDue() {
        if (!database.isOpening() && !isCurrent()) {
            recordQuietly();
        }
    }

    private void recordQuietly() {
        try {
            if (!database.isOpening()) {
                record();
            }
        } catch (DatabaseException e) {
            LOG.warn("the change journal could not be recorded, will try again: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("the change journal could not be recorded: {}", e.toString(), e);
        }
    }

    /** The snapshot to record: the newest loaded (it may be published a moment later), or the store's. */
    private ContentSnapshot snapshot() {
        return worker.snapshot(store);
    }

    /** Whether the journal has recorded what the public sees now. */
    boolean isCurrent() {
        return key(snapshot(), clock.instant()).equals(recordedKey);
    }

    private static String key(ContentSnapshot snapshot, Instant now) {
        return snapshot.version() + "|" + snapshot.visibilityKey(now);
    }

    /**
     * Brings the journal up to what the public sees now (the changes endpoint calls this first, so it
     * never answers with a state older than the pages); cheap when nothing changed. The database must be open.
     */
    public void catchUp() {
        if (!isCurrent()) {
            record();
        }
    }

    /** Compares what is visible now with the last recorded state and appends the differences; returns them. */
    List<Change> record() {
        // Waits for the first snapshot, if need be, before taking the lock.
        store.snapshot();
        synchronized (recording) {
            return recordNow();
        }
    }

    private List<Change> recordNow() {
        long started = System.nanoTime();
        ContentSnapshot snapshot = snapshot();
        Instant now = clock.instant();
        String key = key(snapshot, now);
        Map<Key, Item> visible = visible(snapshot, now);
        Map<String, Integer> typeOrder = new HashMap<>();
        snapshot.types().all().forEach(type -> typeOrder.put(type.name(), typeOrder.size()));
        Comparator<Key> order = Comparator.<Key>comparingInt(k -> typeOrder.getOrDefault(k.type(), Integer.MAX_VALUE))
                .thenComparing(Key::type).thenComparing(Key::slug);
        Set<Key> seen = recorded == null ? null : differing(recorded, visible);
        if (seen != null && seen.isEmpty()) {
            recordedKey = key;
            return List.of();
        }
        recorded = null;
        List<Change> changes = database.inTransaction(connection -> {
            Head head = lockHead(connection, now);
            Map<Key, String> stored = storedDigests(connection, seen);
            Set<Key> candidates = new TreeSet<>(order);
            if (seen == null) {
                candidates.addAll(stored.keySet());
                candidates.addAll(visible.keySet());
            } else {
                candidates.addAll(seen);
            }
            boolean initial = head.lastSeq() == 0 && stored.isEmpty();
            long seq = head.lastSeq();
            List<Change> appended = new ArrayList<>();
            for (Key candidate : candidates) {
                Item item = visible.get(candidate);
                String before = stored.get(candidate);
                String change = item != null && before == null ? Change.CREATED
                        : item != null && !item.digest().equals(before) ? Change.UPDATED
                        : item == null && before != null ? Change.DELETED
                        : null;
                if (change == null) {
                    continue;
                }
                Change appendedChange = new Change(++seq, now, candidate.type(), candidate.slug(), change, item == null ? null : item.path());
                append(connection, appendedChange);
                if (item == null) {
                    forget(connection, candidate);
                } else {
                    remember(connection, item, now);
                }
                appended.add(appendedChange);
            }
            if (!appended.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE change_journal SET last_seq = ? WHERE id = 1")) {
                    update.setLong(1, seq);
                    update.executeUpdate();
                }
                recorder.recorded(connection, head.journal(), appended, initial);
            }
            return appended;
        });
        recorded = visible;
        recordedKey = key;
        if (!changes.isEmpty()) {
            LOG.info("change journal: {} change(s) recorded, up to #{}, in {} ms", changes.size(), changes.get(changes.size() - 1).seq(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            afterCommit.run();
        }
        return changes;
    }

    /** Every visible item of every registered type, with its file's digest. */
    private static Map<Key, Item> visible(ContentSnapshot snapshot, Instant now) {
        Map<Key, Item> visible = new HashMap<>();
        for (ContentType<?> type : snapshot.types().all()) {
            for (Page<?> page : snapshot.list(type, now)) {
                visible.putIfAbsent(new Key(type.name(), page.slug()), new Item(type.name(), page.slug(), page.digest(), page.url()));
            }
        }
        return visible;
    }

    private static Set<Key> differing(Map<Key, Item> before, Map<Key, Item> after) {
        Set<Key> keys = new HashSet<>();
        before.forEach((key, item) -> {
            if (!Objects.equals(item, after.get(key))) {
                keys.add(key);
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(keys::add);
        return keys;
    }

    /**
     * Locks the head row for the rest of the transaction (the first statement writes, so that SQLite takes
     * its write lock before reading and PostgreSQL holds the row until commit) and reads it.
     */
    private Head lockHead(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("UPDATE change_journal SET recorded_at = ? WHERE id = 1")) {
            database.setInstant(lock, 1, now);
            lock.executeUpdate();
        }
        return head(connection);
    }

    static Head head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT journal_id, last_seq FROM change_journal WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the change journal's head row is missing");
            }
            return new Head(row.getString("journal_id"), row.getLong("last_seq"));
        }
    }

    /** The recorded digests: of every item, or (when few items changed) of these only. */
    private static Map<Key, String> storedDigests(Connection connection, Set<Key> only) throws SQLException {
        Map<Key, String> stored = new HashMap<>();
        if (only != null && only.size() <= 50) {
            try (PreparedStatement select = connection.prepareStatement("SELECT digest FROM content_state WHERE type = ? AND slug = ?")) {
                for (Key key : only) {
                    select.setString(1, key.type());
                    select.setString(2, key.slug());
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next()) {
                            stored.put(key, row.getString("digest"));
                        }
                    }
                }
            }
            return stored;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT type, slug, digest FROM content_state");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                stored.put(new Key(row.getString("type"), row.getString("slug")), row.getString("digest"));
            }
        }
        return stored;
    }

    /**
     * Appends a change and deletes the item's changes older than {@link #FULL_HISTORY}: a mirror that
     * asks from an older token still gets the item's latest change (so treats "updated" as "created or
     * updated"), and the journal stays about as long as the number of items plus a month of edits.
     */
    private void append(Connection connection, Change change) throws SQLException {
        try (PreparedStatement compact = connection.prepareStatement(
                "DELETE FROM content_change WHERE type = ? AND slug = ? AND seq < ? AND recorded_at < ?")) {
            compact.setString(1, change.type());
            compact.setString(2, change.slug());
            compact.setLong(3, change.seq());
            database.setInstant(compact, 4, change.at().minus(FULL_HISTORY));
            compact.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO content_change (seq, recorded_at, type, slug, change, url) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, change.seq());
            database.setInstant(insert, 2, change.at());
            insert.setString(3, change.type());
            insert.setString(4, change.slug());
            insert.setString(5, change.change());
            insert.setString(6, change.path());
            insert.executeUpdate();
        }
    }

    private void remember(Connection connection, Item item, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO content_state (type, slug, digest, url, changed_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (type, slug) DO UPDATE SET digest = excluded.digest, url = excluded.url, changed_at = excluded.changed_at")) {
            upsert.setString(1, item.type());
            upsert.setString(2, item.slug());
            upsert.setString(3, item.digest());
            upsert.setString(4, item.path());
            database.setInstant(upsert, 5, now);
            upsert.executeUpdate();
        }
    }

    private static void forget(Connection connection, Key key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM content_state WHERE type = ? AND slug = ?")) {
            delete.setString(1, key.type());
            delete.setString(2, key.slug());
            delete.executeUpdate();
        }
    }

    /** A page of the journal: changes in order, where to continue, and whether more are waiting. */
    public record Batch(List<Change> changes, ChangeToken next, boolean more) {
    }

    /**
     * The changes after a token, at most {@code limit}; without a token, every item recorded as
     * visible, as {@code created}, paged in (type, slug) order, then the changes after that listing began.
     *
     * @throws UnknownToken when the token is of another journal or ahead of this one
     */
    Batch read(ChangeToken since, int limit) {
        return database.inTransaction(connection -> {
            Head head = head(connection);
            if (since != null && (!since.journal().equals(head.journal()) || since.seq() > head.lastSeq())) {
                throw new UnknownToken(since.journal().equals(head.journal())
                        ? "it points past the last change (" + since.seq() + " > " + head.lastSeq() + ")" : "it belongs to another journal");
            }
            if (since == null || since.isListing()) {
                return listing(connection, since == null ? ChangeToken.position(head.journal(), head.lastSeq()) : since, limit);
            }
            List<Change> changes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, recorded_at, type, slug, change, url FROM content_change WHERE seq > ? ORDER BY seq LIMIT " + (limit + 1))) {
                select.setLong(1, since.seq());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        changes.add(new Change(row.getLong("seq"), database.getInstant(row, "recorded_at"), row.getString("type"),
                                row.getString("slug"), row.getString("change"), row.getString("url")));
                    }
                }
            }
            boolean more = changes.size() > limit;
            if (more) {
                changes = changes.subList(0, limit);
            }
            long last = changes.isEmpty() ? since.seq() : changes.get(changes.size() - 1).seq();
            return new Batch(changes, ChangeToken.position(head.journal(), last), more);
        });
    }

    /**
     * The first call's answer: every recorded item as created, from {@code from}'s place on. Items
     * changed while the listing is paged are told again by the journal after it (from its start).
     */
    private Batch listing(Connection connection, ChangeToken from, int limit) throws SQLException {
        List<Change> items = new ArrayList<>();
        String sql = "SELECT type, slug, url, changed_at FROM content_state"
                + (from.isListing() ? " WHERE type > ? OR (type = ? AND slug > ?)" : "") + " ORDER BY type, slug LIMIT " + (limit + 1);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (from.isListing()) {
                select.setString(1, from.afterType());
                select.setString(2, from.afterType());
                select.setString(3, from.afterSlug());
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    items.add(new Change(0, database.getInstant(row, "changed_at"), row.getString("type"), row.getString("slug"),
                            Change.CREATED, row.getString("url")));
                }
            }
        }
        if (items.size() > limit) {
            items = items.subList(0, limit);
            Change last = items.get(limit - 1);
            return new Batch(items, ChangeToken.listing(from.journal(), from.seq(), last.type(), last.slug()), true);
        }
        return new Batch(items, ChangeToken.position(from.journal(), from.seq()), false);
    }

    /** A token this journal did not make: another database's, or one ahead of its last change. */
    static final class UnknownToken extends RuntimeException {
        UnknownToken(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
