package edu.rush.gme.event;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.SnapshotWorker;
import edu.rush.gme.content.Page;
import edu.rush.gme.content.SiteConfig;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.mail.OutgoingMail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What registrants are told after they registered, each notice once even with several servers on one
 * database. After every new snapshot, at every scheduled moment and every minute (and once the database
 * is open), on its own thread, never on a page's path:
 * <ul>
 * <li>each event's schedule (time, place, join link, status: {@link EventSequences#schedule}) is
 *     compared with the one its row in {@code event_tally} remembers; a change raises the calendar
 *     SEQUENCE by one and tells the registrants in the same transaction: a new time or place, to the
 *     confirmed (with the updated invitation) and the waitlist; a cancellation, to the confirmed (with
 *     METHOD:CANCEL) and the waitlist; a new join link, to the confirmed (the waitlist has none). The
 *     update is conditional on the schedule read, after the row is locked, so the server that records
 *     the change is the one that tells, once. Events without registrations are tracked too, so the
 *     public calendar files' SEQUENCE rises. Nothing is told about an event that is over.</li>
 * <li>once an event is over, a recording link that differs from the one last announced goes to everyone
 *     registered and not cancelled;</li>
 * <li>a raised capacity gives its new seats to the waitlist ({@link RegistrationService#fillSeats});</li>
 * <li>reminders 24 hours and 1 hour before the start, to confirmed registrants only: see {@link #remind}.</li>
 * </ul>
 * Only events the site shows now are looked at: one taken off the site (a draft again, expired, deleted)
 * tells nobody anything; {@code status: cancelled} is how registrants are told.
 * <p>A look that fails (the database is down) is tried again at the next; notices are delayed, never lost
 * or doubled, because what was told is recorded in the same transaction as the mail is written.
 */
final class RegistrantNotices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrantNotices.class);
    static final Duration DAY_BEFORE = Duration.ofHours(24);
    static final Duration HOUR_BEFORE = Duration.ofHours(1);
    private static final long LOOK_EVERY_SECONDS = 60;

    private final Database database;
    private final ContentStore store;
    private final RegistrationRepository repository;
    private final MailOutbox outbox;
    private final RegistrationMail mail;
    private final EventSequences sequences;
    private final RegistrationService registrations;
    /**
     * Each event's schedule as this server's content gave it at its last look (empty after a start). A
     * server records a schedule other than the database's only when its own content changed since then
     * (or at its first look), as {@code ChangeJournal} does: one whose content is behind another's
     * (during a rolling deploy) never puts the old time back, and never tells anyone it.
     */
    private final Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object looking = new Object();
    private final SnapshotWorker worker = new SnapshotWorker("registrant-notices");

    RegistrantNotices(Database database, ContentStore store, RegistrationRepository repository, MailOutbox outbox,
                      RegistrationMail mail, EventSequences sequences, RegistrationService registrations) {
        this.database = database;
        this.store = store;
        this.repository = repository;
        this.outbox = outbox;
        this.mail = mail;
        this.sequences = sequences;
        this.registrations = registrations;
    }

    void start() {
        worker.start(store, database.opened(), this::lookQuietly, this::lookQuietly, LOOK_EVERY_SECONDS);
    }

    /** Asks for a look soon. Never blocks: called on the store's loading and schedule threads, and by registrations. */
    void request() {
        worker.request();
    }

    private void lookQuietly() {
        try {
            if (!database.isOpening()) {
                look();
            }
        } catch (DatabaseException e) {
            LOG.warn("registrant notices wait for the database: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("registrant notices failed: {}", e.toString(), e);
        }
    }

    /** One look: changes, recordings and seats, then reminders. Safe to run on several servers at once. */
    void look() {
        ContentSnapshot snapshot = worker.snapshot(store);
        synchronized (looking) {
            Instant now = store.now();
            Map<String, EventSequences.Known> recorded = new HashMap<>();
            boolean wrote = track(snapshot, now, recorded);
            wrote |= remind(snapshot, now, recorded);
            if (wrote) {
                outbox.nudge();
            }
        }
    }

    /** Compares every event with its row; records and tells what changed. Returns whether mail was written; fills {@code known}. */
    private boolean track(ContentSnapshot snapshot, Instant now, Map<String, EventSequences.Known> known) {
        ZoneId siteZone = snapshot.site().zone();
        Map<String, RegistrationRepository.Tracked> stored = database.inTransaction(repository::tracked);
        java.util.Set<String> toldOtherwise = database.inTransaction(repository::toldOtherwise);
        stored.forEach((slug, row) -> known.put(slug, new EventSequences.Known(row.schedule(), row.sequence())));
        boolean wrote = false;
        for (Page<Event> page : snapshot.list(Event.TYPE, now)) {
            Event event = page.data();
            String schedule = EventSequences.schedule(event, siteZone);
            RegistrationRepository.Tracked row = stored.get(page.slug());
            boolean over = event.isOver(now, siteZone);
            boolean recordingDue = row != null && over && event.recording() != null && !event.recording().equals(row.recording());
            boolean sawChange = !schedule.equals(seen.get(page.slug()));
            if (row == null || !schedule.equals(row.schedule()) || recordingDue || toldOtherwise.contains(page.slug()) && !over) {
                Told told = database.inTransaction(connection -> tell(connection, page, schedule, sawChange, now, snapshot.site()));
                known.put(page.slug(), told.known());
                wrote |= told.wrote();
            }
            seen.put(page.slug(), schedule);
            if (row != null && raised(row.capacity(), event.capacity())) {
                wrote |= !registrations.fillSeats(page).isEmpty();
            }
        }
        sequences.replace(known);
        return wrote;
    }

    private static boolean raised(Integer before, Integer after) {
        return before != null && (after == null || after > before);
    }

    private record Told(EventSequences.Known known, boolean wrote) {
    }

    /**
     * In one transaction, with the event's row locked: records the new schedule (raising SEQUENCE) and
     * recording, and writes the mail they cause. Whoever was last told a schedule other than the event's
     * now is told the difference: after an edit, everyone registered; otherwise those a server a moment
     * behind confirmed with the time as it was (then SEQUENCE is raised too, so the update is newer).
     */
    private Told tell(Connection connection, Page<Event> page, String schedule, boolean sawChange, Instant now, SiteConfig site)
            throws SQLException {
        Event event = page.data();
        if (!repository.lockTracked(connection, page.slug(), event.capacity(), schedule)) {
            return new Told(new EventSequences.Known(schedule, 0), false);
        }
        RegistrationRepository.Tracked row = repository.tracked(connection, page.slug()).orElseThrow();
        if (row.schedule() != null && !row.schedule().equals(schedule) && !sawChange) {
            // Another server recorded a newer edit this one has not read: it is theirs to tell.
            return new Told(new EventSequences.Known(row.schedule(), row.sequence()), false);
        }
        boolean over = event.isOver(now, site.zone());
        int sequence = row.sequence();
        boolean raised = false;
        if (!schedule.equals(row.schedule()) && repository.reschedule(connection, page.slug(), row.schedule(), schedule)
                && row.schedule() != null) {
            sequence++;
            raised = true;
        }
        boolean wrote = false;
        if (!over) {
            // Those whose told schedule is not recorded were told the schedule recorded before (or, the first time, this one).
            String before = row.schedule() != null ? row.schedule() : schedule;
            Map<Long, String> told = repository.told(connection, page.slug());
            List<Registration> toTell = new java.util.ArrayList<>();
            for (Registration registration : repository.active(connection, page.slug())) {
                if (!toldBefore(told, registration, before).equals(schedule)) {
                    toTell.add(registration);
                }
            }
            if (!raised) {
                // A registrant a server a moment behind confirmed: what they are sent must be newer than what they have.
                RegistrationMail.Stamp next = new RegistrationMail.Stamp(sequence + 1, now);
                boolean sends = false;
                for (Registration registration : toTell) {
                    sends |= change(page, registration, toldBefore(told, registration, before), schedule, next, site) != null;
                }
                if (sends) {
                    repository.raiseSequence(connection, page.slug());
                    sequence++;
                }
            }
            RegistrationMail.Stamp stamp = new RegistrationMail.Stamp(sequence, now);
            for (Registration registration : toTell) {
                OutgoingMail message = change(page, registration, toldBefore(told, registration, before), schedule, stamp, site);
                if (message != null) {
                    enqueue(connection, message, registration);
                    wrote = true;
                }
                repository.told(connection, registration.id(), schedule);
            }
        }
        // A recording is announced, never taken back (a server whose content is behind may not have it yet).
        if (over && event.recording() != null && !event.recording().equals(row.recording())
                && repository.announceRecording(connection, page.slug(), row.recording(), event.recording())) {
            for (Registration registration : repository.active(connection, page.slug())) {
                enqueue(connection, mail.recording(page, registration, site), registration);
                wrote = true;
            }
        }
        return new Told(new EventSequences.Known(schedule, sequence), wrote);
    }

    private static String toldBefore(Map<Long, String> told, Registration registration, String otherwise) {
        String schedule = told.get(registration.id());
        return schedule != null ? schedule : otherwise;
    }

    /** What a registrant told schedule {@code before} is sent now that it is {@code after}; null: nothing they need. */
    private OutgoingMail change(Page<Event> page, Registration registration, String before, String after, RegistrationMail.Stamp stamp,
                                SiteConfig site) {
        boolean wasCancelled = EventSequences.isCancelled(before);
        boolean cancelled = EventSequences.isCancelled(after);
        if (cancelled) {
            // Changes while cancelled tell nothing; the cancellation itself, once.
            return wasCancelled ? null : mail.eventCancelled(page, registration, site, stamp);
        }
        boolean moved = !Objects.equals(EventSequences.timeAndPlace(before), EventSequences.timeAndPlace(after));
        boolean newLink = !EventSequences.joinPart(after).equals(EventSequences.joinPart(before));
        RegistrationMail.Change change = wasCancelled ? RegistrationMail.Change.BACK_ON : moved ? RegistrationMail.Change.MOVED
                : newLink && registration.isConfirmed() ? RegistrationMail.Change.NEW_LINK : null;
        // Only its status changed between scheduled and rescheduled, or only a link the waitlist does not have: nothing to tell.
        return change == null ? null : mail.changed(page, registration, site, change, stamp);
    }

    /**
     * Reminders, to confirmed registrants only, each once per start time (the columns
     * {@code day_reminder_for} and {@code hour_reminder_for} hold the start it was sent for, so an event
     * moved to a new time reminds again). The day reminder is due from 24 hours before the start until
     * the hour reminder is: a late one (the servers were down) is skipped once the hour's is due; the
     * hour reminder until the start. Someone whose seat was confirmed after a reminder's moment is not
     * sent it: their confirmation came later and told them the same. Cancelled events remind no one, and a
     * server whose content differs from the schedule recorded leaves the reminder to one that agrees.
     */
    private boolean remind(ContentSnapshot snapshot, Instant now, Map<String, EventSequences.Known> recorded) {
        ZoneId siteZone = snapshot.site().zone();
        boolean wrote = false;
        for (Page<Event> page : snapshot.list(Event.TYPE, now)) {
            Event event = page.data();
            Instant start = event.startsAt(siteZone).toInstant();
            if (event.statusOrDefault() == Event.Status.CANCELLED || !now.isBefore(start)) {
                continue;
            }
            EventSequences.Known known = recorded.get(page.slug());
            if (known == null || !EventSequences.schedule(event, siteZone).equals(known.schedule())) {
                // This server's content is behind the schedule recorded (a rolling deploy): the reminder is for the others to send.
                continue;
            }
            Instant hourPoint = start.minus(HOUR_BEFORE);
            Instant dayPoint = start.minus(DAY_BEFORE);
            if (!now.isBefore(hourPoint)) {
                wrote |= remind(page, RegistrationRepository.Reminder.HOUR, start, hourPoint, snapshot.site());
            } else if (!now.isBefore(dayPoint)) {
                wrote |= remind(page, RegistrationRepository.Reminder.DAY, start, dayPoint, snapshot.site());
            }
        }
        return wrote;
    }

    private boolean remind(Page<Event> page, RegistrationRepository.Reminder reminder, Instant start, Instant point, SiteConfig site) {
        String startText = start.toString();
        // A read first: most looks find everyone reminded, and need no lock.
        if (database.inTransaction(connection -> due(repository.unreminded(connection, page.slug(), reminder, startText), point)).isEmpty()) {
            return false;
        }
        return database.inTransaction(connection -> {
            repository.lockTracked(connection, page.slug(), page.data().capacity(), EventSequences.schedule(page.data(), site.zone()));
            boolean wrote = false;
            for (Registration registration : due(repository.unreminded(connection, page.slug(), reminder, startText), point)) {
                if (repository.markReminded(connection, registration.id(), reminder, startText)) {
                    enqueue(connection, mail.reminder(page, registration, site, reminder == RegistrationRepository.Reminder.HOUR), registration);
                    wrote = true;
                }
            }
            return wrote;
        });
    }

    /** Those whose seat was confirmed before the reminder's moment. */
    private static List<Registration> due(List<Registration> unreminded, Instant point) {
        return unreminded.stream().filter(r -> r.confirmedAt() != null && r.confirmedAt().isBefore(point)).toList();
    }

    private void enqueue(Connection connection, OutgoingMail message, Registration registration) throws SQLException {
        outbox.enqueueForRegistration(connection, registration.id(), message);
    }

    /** For tests: the known row of an event. */
    Optional<EventSequences.Known> known(String slug) {
        return database.inTransaction(connection -> repository.tracked(connection, slug))
                .map(row -> new EventSequences.Known(row.schedule(), row.sequence()));
    }

    @Override
    public void close() {
        worker.close();
    }
}
