package edu.rush.gme.event;

import edu.rush.gme.db.Database;
import edu.rush.gme.inquiry.ApplicantType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Registrations ({@code event_registration}) and each event's seats ({@code event_tally}). Every
 * method that changes seats runs inside the caller's transaction, after {@link #lock}.
 */
final class RegistrationRepository {

    private static final String COLUMNS = "r.id, r.reference, r.event_slug, r.event_title, r.name, r.email, r.applicant_type, r.programs,"
            + " r.accessibility, r.status, r.arrival, r.registered_at, r.confirmed_at, r.cancelled_at, r.channel,"
            // A waitlisted registration's place: one more than the waitlisted who arrived before it.
            + " CASE WHEN r.status = 'waitlisted' THEN (SELECT COUNT(*) FROM event_registration w"
            + " WHERE w.event_slug = r.event_slug AND w.status = 'waitlisted' AND w.arrival < r.arrival) + 1 END AS position";

    /** An event's seats as the database holds them: capacity (null: no limit) and how many are taken. */
    record Seats(Integer capacity, int confirmed) {
        Integer left() {
            return capacity == null ? null : Math.max(0, capacity - confirmed);
        }
    }

    private final Database database;

    RegistrationRepository(Database database) {
        this.database = database;
    }

    /**
     * Creates the event's row or sets its capacity to what the content says now, and so takes the lock
     * every change to the event's registrations takes first: on PostgreSQL the row's lock, on SQLite the
     * database's write lock (a first statement that writes, so the transaction never has to upgrade).
     */
    void lock(Connection connection, String slug, Integer capacity) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO event_tally (event_slug, capacity) VALUES (?, ?)"
                        + " ON CONFLICT (event_slug) DO UPDATE SET capacity = excluded.capacity")) {
            upsert.setString(1, slug);
            setInteger(upsert, 2, capacity);
            upsert.executeUpdate();
        }
    }

    /**
     * What the event's row remembers for its notices: capacity, the schedule registrants and calendars
     * were last told (null: not yet recorded), the calendar SEQUENCE, the recording last announced.
     */
    record Tracked(String slug, Integer capacity, String schedule, int sequence, String recording) {
    }

    private static final String TRACKED = "SELECT event_slug, capacity, schedule, sequence, recording FROM event_tally";

    /** Every event's row, by slug. */
    java.util.Map<String, Tracked> tracked(Connection connection) throws SQLException {
        java.util.Map<String, Tracked> tracked = new java.util.HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(TRACKED); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Tracked one = tracked(row);
                tracked.put(one.slug(), one);
            }
        }
        return tracked;
    }

    Optional<Tracked> tracked(Connection connection, String slug) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TRACKED + " WHERE event_slug = ?")) {
            select.setString(1, slug);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(tracked(row)) : Optional.empty();
            }
        }
    }

    private static Tracked tracked(ResultSet row) throws SQLException {
        int capacity = row.getInt("capacity");
        Integer limit = row.wasNull() ? null : capacity;
        return new Tracked(row.getString("event_slug"), limit, row.getString("schedule"), row.getInt("sequence"), row.getString("recording"));
    }

    /**
     * Locks the event's row for the rest of the transaction, creating it (schedule recorded, sequence 0)
     * when the event has none yet; as {@link #lock}, the first statement writes. False when it was created.
     */
    boolean lockTracked(Connection connection, String slug, Integer capacity, String schedule) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO event_tally (event_slug, capacity, schedule) VALUES (?, ?, ?) ON CONFLICT (event_slug) DO NOTHING")) {
            insert.setString(1, slug);
            setInteger(insert, 2, capacity);
            insert.setString(3, schedule);
            if (insert.executeUpdate() == 1) {
                return false;
            }
        }
        try (PreparedStatement lock = connection.prepareStatement("UPDATE event_tally SET arrivals = arrivals WHERE event_slug = ?")) {
            lock.setString(1, slug);
            lock.executeUpdate();
        }
        return true;
    }

    /**
     * Records a new schedule if the stored one is still {@code before}, raising the SEQUENCE by one (not
     * for the first schedule recorded); false when another server recorded it first.
     */
    boolean reschedule(Connection connection, String slug, String before, String after) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(before == null
                ? "UPDATE event_tally SET schedule = ? WHERE event_slug = ? AND schedule IS NULL"
                : "UPDATE event_tally SET schedule = ?, sequence = sequence + 1 WHERE event_slug = ? AND schedule = ?")) {
            update.setString(1, after);
            update.setString(2, slug);
            if (before != null) {
                update.setString(3, before);
            }
            return update.executeUpdate() == 1;
        }
    }

    /** Records the recording announced if the stored one is still {@code before}; false when another server did. */
    boolean announceRecording(Connection connection, String slug, String before, String after) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE event_tally SET recording = ? WHERE event_slug = ? AND "
                + (before == null ? "recording IS NULL" : "recording = ?"))) {
            update.setString(1, after);
            update.setString(2, slug);
            if (before != null) {
                update.setString(3, before);
            }
            return update.executeUpdate() == 1;
        }
    }

    /** The event's registrations that are not cancelled, in arrival order. */
    List<Registration> active(Connection connection, String slug) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM event_registration r"
                + " WHERE r.event_slug = ? AND r.status <> 'cancelled' ORDER BY r.arrival")) {
            select.setString(1, slug);
            return read(select);
        }
    }

    /** Records the schedule a mail to this registrant has just stated. */
    void told(Connection connection, long id, String schedule) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE event_registration SET schedule_told = ? WHERE id = ?")) {
            update.setString(1, schedule);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** The schedule each registration of the event that is not cancelled was last told (null: not recorded), by id. */
    java.util.Map<Long, String> told(Connection connection, String slug) throws SQLException {
        java.util.Map<Long, String> told = new java.util.HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, schedule_told FROM event_registration WHERE event_slug = ? AND status <> 'cancelled'")) {
            select.setString(1, slug);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    told.put(row.getLong("id"), row.getString("schedule_told"));
                }
            }
        }
        return told;
    }

    /** Events where someone not cancelled was told a schedule other than the one recorded (a server a moment behind confirmed them). */
    java.util.Set<String> toldOtherwise(Connection connection) throws SQLException {
        java.util.Set<String> slugs = new java.util.HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT r.event_slug FROM event_registration r"
                + " JOIN event_tally t ON t.event_slug = r.event_slug"
                + " WHERE r.status <> 'cancelled' AND r.schedule_told IS NOT NULL AND r.schedule_told <> t.schedule");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                slugs.add(row.getString(1));
            }
        }
        return slugs;
    }

    /** Raises the event's SEQUENCE by one without a new schedule: an update must be newer than what a registrant was sent. */
    void raiseSequence(Connection connection, String slug) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE event_tally SET sequence = sequence + 1 WHERE event_slug = ?")) {
            update.setString(1, slug);
            update.executeUpdate();
        }
    }

    /** Which reminder: its column holds the start time it was sent for. */
    enum Reminder {
        DAY("day_reminder_for"), HOUR("hour_reminder_for");

        final String column;

        Reminder(String column) {
            this.column = column;
        }
    }

    /** Confirmed registrations of the event not yet reminded for this start time. */
    List<Registration> unreminded(Connection connection, String slug, Reminder reminder, String start) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM event_registration r"
                + " WHERE r.event_slug = ? AND r.status = 'confirmed' AND (r." + reminder.column + " IS NULL OR r." + reminder.column + " <> ?)"
                + " ORDER BY r.arrival")) {
            select.setString(1, slug);
            select.setString(2, start);
            return read(select);
        }
    }

    /** Marks the reminder sent for this start time if it was not and the seat is still held; false otherwise (another server sent it). */
    boolean markReminded(Connection connection, long id, Reminder reminder, String start) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE event_registration SET " + reminder.column + " = ?"
                + " WHERE id = ? AND status = 'confirmed' AND (" + reminder.column + " IS NULL OR " + reminder.column + " <> ?)")) {
            update.setString(1, start);
            update.setLong(2, id);
            update.setString(3, start);
            return update.executeUpdate() == 1;
        }
    }

    /** The next arrival number of the event (after {@link #lock}). */
    long nextArrival(Connection connection, String slug) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_tally SET arrivals = arrivals + 1 WHERE event_slug = ? RETURNING arrivals")) {
            update.setString(1, slug);
            try (ResultSet row = update.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Takes a seat if one is free; false when the event is full. The database decides. */
    boolean takeSeat(Connection connection, String slug) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_tally SET confirmed = confirmed + 1 WHERE event_slug = ? AND (capacity IS NULL OR confirmed < capacity)")) {
            update.setString(1, slug);
            return update.executeUpdate() == 1;
        }
    }

    void freeSeat(Connection connection, String slug) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE event_tally SET confirmed = confirmed - 1 WHERE event_slug = ?")) {
            update.setString(1, slug);
            update.executeUpdate();
        }
    }

    Optional<Seats> seats(Connection connection, String slug) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT capacity, confirmed FROM event_tally WHERE event_slug = ?")) {
            select.setString(1, slug);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int capacity = row.getInt("capacity");
                return Optional.of(new Seats(row.wasNull() ? null : capacity, row.getInt("confirmed")));
            }
        }
    }

    long insert(Connection connection, String reference, Instant now, long arrival, Registration.Status status, String eventTitle,
                NewRegistration registration, String channel) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO event_registration (reference, event_slug, event_title, name, email, email_key, applicant_type, programs,"
                        + " accessibility, status, arrival, registered_at, confirmed_at, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, reference);
            insert.setString(2, registration.eventSlug());
            insert.setString(3, eventTitle);
            insert.setString(4, registration.name());
            insert.setString(5, registration.email());
            insert.setString(6, emailKey(registration.email()));
            insert.setString(7, registration.applicantType() == null ? null : registration.applicantType().key());
            insert.setString(8, String.join(",", registration.programs()));
            insert.setString(9, registration.accessibility());
            insert.setString(10, status.key());
            insert.setLong(11, arrival);
            database.setInstant(insert, 12, now);
            database.setInstant(insert, 13, status == Registration.Status.CONFIRMED ? now : null);
            insert.setString(14, channel);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Whether any e-mail about this registration was written to the outbox after {@code since}. */
    boolean mailedSince(Connection connection, long registrationId, Instant since) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM mail_outbox WHERE registration_id = ? AND created_at > ? LIMIT 1")) {
            select.setLong(1, registrationId);
            database.setInstant(select, 2, since);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** The registration of this address for this event that is not cancelled, if there is one. */
    Optional<Registration> active(Connection connection, String slug, String email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM event_registration r WHERE r.event_slug = ? AND r.email_key = ? AND r.status <> 'cancelled'")) {
            select.setString(1, slug);
            select.setString(2, emailKey(email));
            return read(select).stream().findFirst();
        }
    }

    Optional<Registration> byReference(Connection connection, String reference) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM event_registration r WHERE r.reference = ?")) {
            select.setString(1, reference);
            return read(select).stream().findFirst();
        }
    }

    Optional<Registration> byId(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM event_registration r WHERE r.id = ?")) {
            select.setLong(1, id);
            return read(select).stream().findFirst();
        }
    }

    /** The first of the event's waitlist, if anyone waits. */
    Optional<Registration> firstWaiting(Connection connection, String slug) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM event_registration r"
                + " WHERE r.event_slug = ? AND r.status = 'waitlisted' ORDER BY r.arrival LIMIT 1")) {
            select.setString(1, slug);
            return read(select).stream().findFirst();
        }
    }

    void confirm(Connection connection, long id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_registration SET status = 'confirmed', confirmed_at = ? WHERE id = ? AND status = 'waitlisted'")) {
            database.setInstant(update, 1, now);
            update.setLong(2, id);
            if (update.executeUpdate() != 1) {
                throw new SQLException("registration " + id + " was no longer waitlisted");
            }
        }
    }

    /** Cancels it; false when it was cancelled already. */
    boolean cancel(Connection connection, long id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_registration SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status <> 'cancelled'")) {
            database.setInstant(update, 1, now);
            update.setLong(2, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Registrations for one event (null: every event), in the order they arrived. */
    List<Registration> list(Connection connection, String slug) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM event_registration r" + (slug == null ? "" : " WHERE r.event_slug = ?")
                + " ORDER BY r.event_slug, r.arrival";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (slug != null) {
                select.setString(1, slug);
            }
            return read(select);
        }
    }

    /** Counts by event and status: {slug: {status: count}}. */
    List<Object[]> counts(Connection connection) throws SQLException {
        List<Object[]> counts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_slug, status, COUNT(*) AS n FROM event_registration GROUP BY event_slug, status ORDER BY event_slug, status");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.add(new Object[] {row.getString("event_slug"), row.getString("status"), row.getLong("n")});
            }
        }
        return counts;
    }

    private List<Registration> read(PreparedStatement select) throws SQLException {
        List<Registration> registrations = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String programs = row.getString("programs");
                int position = row.getInt("position");
                Integer place = row.wasNull() ? null : position;
                registrations.add(new Registration(row.getLong("id"), row.getString("reference"), row.getString("event_slug"),
                        row.getString("event_title"), row.getString("name"), row.getString("email"),
                        ApplicantType.byKey(row.getString("applicant_type")).orElse(null),
                        programs == null || programs.isEmpty() ? List.of() : Arrays.asList(programs.split(",")),
                        row.getString("accessibility"), Registration.Status.byKey(row.getString("status")).orElseThrow(),
                        row.getLong("arrival"), place, database.getInstant(row, "registered_at"),
                        database.getInstant(row, "confirmed_at"), database.getInstant(row, "cancelled_at"), row.getString("channel")));
            }
        }
        return registrations;
    }

    static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
