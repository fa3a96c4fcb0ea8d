package edu.rush.gme.event;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.ContentStore;
import edu.rush.gme.content.Page;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseException;
import edu.rush.gme.inquiry.ApplicantType;
import edu.rush.gme.mail.MailAddresses;
import edu.rush.gme.mail.MailOutbox;
import edu.rush.gme.mail.OutgoingMail;
import edu.rush.gme.program.ProgramContent;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Registrations for events: checks what an applicant typed against the event and the content, takes
 * a seat or a place on the waitlist, cancels, and gives a freed seat to the first person waiting,
 * each in one transaction with the e-mails it causes (written to the outbox). The database, not a
 * Java lock, keeps an event from taking more registrations than its capacity, also with several
 * servers on one database (see {@link RegistrationRepository#lock}). Knows nothing of HTTP.
 */
public final class RegistrationService {

    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int ACCESSIBILITY_MAX = 2000;
    /** The same address registering again gets its registration e-mailed again, at most once in this time. */
    static final java.time.Duration RESEND_AFTER = java.time.Duration.ofMinutes(10);
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern REFERENCE = Pattern.compile("R-[0-9A-HJKMNP-TV-Z]{8}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    /** Invisible and format characters, line and paragraph separators, and web addresses. */
    private static final Pattern NOT_IN_A_NAME = Pattern.compile("[\\p{C}\\p{Zl}\\p{Zp}]|://|www\\.", Pattern.CASE_INSENSITIVE);
    /** SQL states of a unique constraint broken: PostgreSQL's 23505; SQLite's driver reports none, only its message. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Whether registration is open now, and if not, why. */
    public enum Window { OPEN, NOT_YET_OPEN, CLOSED, CANCELLED }

    /** The outcome of checking a form: a registration ready to store, or a message per field. */
    public sealed interface Checked permits Valid, Invalid {
    }

    public record Valid(NewRegistration registration) implements Checked {
    }

    /** Messages by field name, in the form's order ("form" for the whole form). */
    public record Invalid(Map<String, String> errors) implements Checked {
    }

    /** A registration as stored, and whether this request made it (false: the address was registered already). */
    public record Outcome(Registration registration, boolean created) {
    }

    /** A cancellation: the registration now, whether this request cancelled it, and whom a freed seat went to. */
    public record Cancellation(Registration registration, boolean cancelled, List<Registration> promoted) {
    }

    /** An event's numbers for monitoring and the API: seats, and registrations by status. */
    public record Tally(String event, Integer capacity, Integer seatsLeft, long confirmed, long waitlisted, long cancelled) {
    }

    private final Database database;
    private final RegistrationRepository repository;
    private final MailOutbox outbox;
    private final ContentStore store;
    private final RegistrationLinks links;
    private final RegistrationMail mail;
    private final EventSequences sequences = new EventSequences();
    private final RegistrantNotices notices;
    private final SecureRandom random = new SecureRandom();

    public RegistrationService(Database database, MailOutbox outbox, ContentStore store, RegistrationLinks links, String baseUrl) {
        this.database = database;
        this.repository = new RegistrationRepository(database);
        this.outbox = outbox;
        this.store = store;
        this.links = links;
        this.mail = new RegistrationMail(baseUrl, links, outbox.sender());
        this.notices = new RegistrantNotices(database, store, repository, outbox, mail, sequences, this);
    }

    /** Each event's calendar SEQUENCE as last read from the database, for the public calendar files (never waits for the database). */
    public EventSequences sequences() {
        return sequences;
    }

    /** Starts telling registrants of changes, cancellations, recordings and reminders (see {@link RegistrantNotices}). */
    public void start() {
        notices.start();
    }

    RegistrantNotices notices() {
        return notices;
    }

    public void close() {
        notices.close();
    }

    /**
     * The stamp of an invitation written now in this transaction: the event's SEQUENCE as the database
     * has it (after {@code lock}). When the event as this server reads it differs from the schedule the
     * database recorded (an edit this server or another has not yet recorded or read), the notices look
     * soon: they send whoever was told another schedule the current one, with a higher SEQUENCE.
     */
    private RegistrationMail.Stamp stamp(Connection connection, Page<Event> event, Instant now, ZoneId siteZone) throws SQLException {
        Optional<RegistrationRepository.Tracked> tracked = repository.tracked(connection, event.slug());
        if (tracked.isPresent() && tracked.get().schedule() != null
                && !tracked.get().schedule().equals(EventSequences.schedule(event.data(), siteZone))) {
            notices.request();
        }
        return new RegistrationMail.Stamp(tracked.map(RegistrationRepository.Tracked::sequence).orElse(0), now);
    }

    /** Writes a mail that states the event's time and place, and records which schedule it stated. */
    private void enqueueTelling(Connection connection, OutgoingMail message, Registration registration, Page<Event> event, ZoneId siteZone)
            throws SQLException {
        enqueue(connection, message, registration);
        repository.told(connection, registration.id(), EventSequences.schedule(event.data(), siteZone));
    }

    public RegistrationLinks links() {
        return links;
    }

    /** Whether e-mail goes out (a mail server is configured). */
    public boolean sendsMail() {
        return outbox.sends();
    }

    /** Whether the event takes registrations at {@code now}: opened, not closed (at its start unless set), not cancelled. */
    public static Window window(Event event, Instant now, ZoneId siteZone) {
        if (event.statusOrDefault() == Event.Status.CANCELLED) {
            return Window.CANCELLED;
        }
        ZoneId zone = event.zoneOr(siteZone);
        Event.Registration registration = event.registration();
        if (registration != null && registration.opens() != null && now.isBefore(registration.opens().atZone(zone).toInstant())) {
            return Window.NOT_YET_OPEN;
        }
        Instant closes = (registration != null && registration.closes() != null ? registration.closes() : event.start()).atZone(zone).toInstant();
        return now.isBefore(closes) ? Window.OPEN : Window.CLOSED;
    }

    /** Checks a form for an event the site shows now, while its registration is open. */
    public Checked check(Page<Event> event, RegistrationForm form) {
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        Map<String, String> errors = new LinkedHashMap<>();
        Window window = window(event.data(), now, snapshot.site().zone());
        if (window != Window.OPEN) {
            errors.put("form", closedMessage(window));
            return new Invalid(errors);
        }
        String name = trim(form.name()).replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            errors.put("name", "Enter your name");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "Your name must be " + NAME_MAX + " characters or fewer");
        } else if (CONTROL.matcher(name).find() || NOT_IN_A_NAME.matcher(name).find()) {
            // The name opens the e-mails sent to the address given: it may not carry a link or odd characters.
            errors.put("name", "Enter your name only, without web addresses or special characters");
        }
        String email = trim(form.email());
        if (email.isEmpty()) {
            errors.put("email", "Enter your e-mail address");
        } else if (email.length() > EMAIL_MAX || !MailAddresses.isDeliverable(email)) {
            errors.put("email", "Enter an e-mail address in the correct format, like name@example.com");
        }
        ApplicantType applicantType = null;
        String typeKey = trim(form.applicantType());
        if (typeKey.isEmpty()) {
            errors.put("applicantType", "Choose which describes you best");
        } else {
            applicantType = ApplicantType.byKey(typeKey).orElse(null);
            if (applicantType == null) {
                errors.put("applicantType", "Choose one of the options");
            }
        }
        LinkedHashSet<String> programs = new LinkedHashSet<>();
        for (String slug : form.programs()) {
            String key = trim(slug);
            if (key.isEmpty()) {
                continue;
            }
            if (snapshot.find(ProgramContent.TYPE, key, now).isEmpty()) {
                errors.put("programs", "Choose programs from the list; we could not find one called '" + key + "'");
                break;
            }
            programs.add(key);
        }
        String accessibility = form.accessibility() == null ? "" : form.accessibility().strip().replace("\r\n", "\n");
        if (accessibility.length() > ACCESSIBILITY_MAX) {
            errors.put("accessibility", "Please keep this to " + String.format(java.util.Locale.US, "%,d", ACCESSIBILITY_MAX)
                    + " characters or fewer; it has " + String.format(java.util.Locale.US, "%,d", accessibility.length()));
        } else if (CONTROL.matcher(accessibility).find()) {
            errors.put("accessibility", "This must not contain control characters");
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return new Valid(new NewRegistration(event.slug(), name, email, applicantType, List.copyOf(programs),
                accessibility.isEmpty() ? null : accessibility, !trim(form.website()).isEmpty()));
    }

    /** What the form says when registration is not open. */
    public static String closedMessage(Window window) {
        return switch (window) {
            case NOT_YET_OPEN -> "Registration for this event has not opened yet.";
            case CLOSED -> "Registration for this event has closed.";
            case CANCELLED -> "This event is cancelled, so it takes no registrations.";
            case OPEN -> "";
        };
    }

    /**
     * Registers: a seat when one is free, else a place on the waitlist; the same address twice gets
     * its registration back (and its e-mail again), never a second one. One transaction with its mail.
     */
    public Outcome register(Page<Event> event, NewRegistration registration, String channel) {
        if (registration.spam()) {
            throw new IllegalArgumentException("spam is not registered");
        }
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        boolean promote = promotes(event, now, snapshot.site().zone());
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome outcome = database.inWriteTransaction(connection -> {
                    repository.lock(connection, event.slug(), event.data().capacity());
                    Optional<Registration> existing = repository.active(connection, event.slug(), registration.email());
                    if (existing.isPresent() && repository.mailedSince(connection, existing.get().id(), now.minus(RESEND_AFTER))) {
                        // A double click, or someone sending the form again and again: one e-mail in ten minutes is enough.
                        return new Outcome(existing.get(), false);
                    }
                    if (existing.isPresent()) {
                        enqueueTelling(connection, existing.get().isConfirmed()
                                ? mail.confirmation(event, existing.get(), snapshot.site(), true, stamp(connection, event, now, snapshot.site().zone()))
                                : mail.waitlist(event, existing.get(), snapshot.site(), true), existing.get(), event, snapshot.site().zone());
                        return new Outcome(existing.get(), false);
                    }
                    if (promote) {
                        // Seats freed while nobody registered (capacity raised) go to those waiting, before any newcomer.
                        fillSeats(connection, event, now);
                    }
                    long arrival = repository.nextArrival(connection, event.slug());
                    Registration.Status status = repository.takeSeat(connection, event.slug())
                            ? Registration.Status.CONFIRMED : Registration.Status.WAITLISTED;
                    long id = repository.insert(connection, newReference(), now, arrival, status, event.title(), registration, channel);
                    Registration stored = repository.byId(connection, id).orElseThrow();
                    enqueueTelling(connection, stored.isConfirmed()
                            ? mail.confirmation(event, stored, snapshot.site(), false, stamp(connection, event, now, snapshot.site().zone()))
                            : mail.waitlist(event, stored, snapshot.site(), false), stored, event, snapshot.site().zone());
                    return new Outcome(stored, true);
                });
                outbox.nudge();
                return outcome;
            } catch (DatabaseException e) {
                // Two requests with one address at once: the second finds the first's registration on its next try.
                if (attempt == 1 && isUniqueViolation(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    /**
     * Cancels the registration: a confirmed one frees its seat, which goes to the first person on the
     * waitlist (told by e-mail) while the event is still ahead. Cancelling twice changes nothing.
     */
    public Optional<Cancellation> cancel(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            return Optional.empty();
        }
        ContentSnapshot snapshot = store.snapshot();
        Instant now = store.now();
        Optional<Cancellation> result = database.inWriteTransaction(connection -> {
            // The event's lock first: its seats change, and so may its waitlist.
            try (var lock = connection.prepareStatement("UPDATE event_tally SET arrivals = arrivals"
                    + " WHERE event_slug = (SELECT event_slug FROM event_registration WHERE reference = ?)")) {
                lock.setString(1, reference);
                lock.executeUpdate();
            }
            Optional<Registration> found = repository.byReference(connection, reference);
            if (found.isEmpty()) {
                return Optional.<Cancellation>empty();
            }
            Registration registration = found.get();
            if (registration.isCancelled() || !repository.cancel(connection, registration.id(), now)) {
                return Optional.of(new Cancellation(registration, false, List.of()));
            }
            Optional<Page<Event>> event = snapshot.findAny(Event.TYPE, registration.eventSlug());
            // After the event there is nothing to take out of a calendar: no mail.
            if (event.isPresent() && !event.get().data().isOver(now, snapshot.site().zone())) {
                enqueue(connection, mail.cancellation(event.get(), registration, snapshot.site(),
                        stamp(connection, event.get(), now, snapshot.site().zone())), registration);
            }
            List<Registration> promoted = List.of();
            if (registration.isConfirmed()) {
                repository.freeSeat(connection, registration.eventSlug());
                if (event.isPresent() && promotes(event.get(), now, snapshot.site().zone())) {
                    repository.lock(connection, registration.eventSlug(), event.get().data().capacity());
                    promoted = fillSeats(connection, event.get(), now);
                }
            }
            Registration after = repository.byId(connection, registration.id()).orElseThrow();
            return Optional.of(new Cancellation(after, true, promoted));
        });
        outbox.nudge();
        return result;
    }

    /**
     * Gives free seats to those waiting, first come first served, for an event whose capacity was
     * raised; returns who got one. For the event's notices; registering and cancelling do it themselves.
     */
    public List<Registration> fillSeats(Page<Event> event) {
        Instant now = store.now();
        if (!promotes(event, now, store.snapshot().site().zone())) {
            return List.of();
        }
        List<Registration> promoted = database.inWriteTransaction(connection -> {
            repository.lock(connection, event.slug(), event.data().capacity());
            return fillSeats(connection, event, now);
        });
        if (!promoted.isEmpty()) {
            outbox.nudge();
        }
        return promoted;
    }

    /** A freed seat goes to the waitlist until the event ends, unless it is cancelled. */
    private static boolean promotes(Page<Event> event, Instant now, ZoneId siteZone) {
        return event.data().statusOrDefault() != Event.Status.CANCELLED && !event.data().isOver(now, siteZone);
    }

    private List<Registration> fillSeats(Connection connection, Page<Event> event, Instant now) throws SQLException {
        List<Registration> promoted = new ArrayList<>();
        while (true) {
            Optional<Registration> first = repository.firstWaiting(connection, event.slug());
            if (first.isEmpty() || !repository.takeSeat(connection, event.slug())) {
                return promoted;
            }
            repository.confirm(connection, first.get().id(), now);
            Registration confirmed = repository.byId(connection, first.get().id()).orElseThrow();
            ContentSnapshot snapshot = store.snapshot();
            enqueueTelling(connection, mail.promotion(event, confirmed, snapshot.site(), stamp(connection, event, now, snapshot.site().zone())),
                    confirmed, event, snapshot.site().zone());
            promoted.add(confirmed);
        }
    }

    private void enqueue(Connection connection, OutgoingMail message, Registration registration) throws SQLException {
        outbox.enqueueForRegistration(connection, registration.id(), message);
    }

    /** The registration with this reference; a string that is not a reference finds nothing without a query. */
    public Optional<Registration> find(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            return Optional.empty();
        }
        return database.inTransaction(connection -> repository.byReference(connection, reference));
    }

    /** The registration a registrant's signed link names. */
    public Optional<Registration> findByToken(String token) {
        return links.reference(token).flatMap(this::find);
    }

    /** Registrations for one event (null: all), in the order they arrived. */
    public List<Registration> list(String eventSlug) {
        return database.inTransaction(connection -> repository.list(connection, eventSlug));
    }

    /** Seats left for an event (null: no limit), as the database counts them now. */
    public Integer seatsLeft(Page<Event> event) {
        Integer capacity = event.data().capacity();
        if (capacity == null) {
            return null;
        }
        return database.inTransaction(connection -> repository.seats(connection, event.slug())
                .map(seats -> Math.max(0, capacity - seats.confirmed())).orElse(capacity));
    }

    /** Every event with registrations, by slug: capacity, seats left and counts by status. */
    public Map<String, Tally> tallies() {
        return database.inTransaction(connection -> {
            Map<String, long[]> counts = new TreeMap<>();
            for (Object[] row : repository.counts(connection)) {
                long[] byStatus = counts.computeIfAbsent((String) row[0], slug -> new long[3]);
                byStatus[Registration.Status.byKey((String) row[1]).orElseThrow().ordinal()] = (Long) row[2];
            }
            Map<String, Tally> tallies = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> entry : counts.entrySet()) {
                Optional<RegistrationRepository.Seats> seats = repository.seats(connection, entry.getKey());
                Integer capacity = seats.map(RegistrationRepository.Seats::capacity).orElse(null);
                long[] n = entry.getValue();
                tallies.put(entry.getKey(), new Tally(entry.getKey(), capacity, seats.map(RegistrationRepository.Seats::left).orElse(null),
                        n[0], n[1], n[2]));
            }
            return tallies;
        });
    }

    private String newReference() {
        StringBuilder reference = new StringBuilder("R-");
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    static boolean isUniqueViolation(DatabaseException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || sql.getMessage() != null && sql.getMessage().contains("UNIQUE constraint failed"))) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
