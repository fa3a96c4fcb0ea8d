package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.TestSite;
import edu.rush.gme.content.Page;
import edu.rush.gme.inquiry.ApplicantType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Races for an event with ten seats, run against one or two servers on one database (the same server
 * twice for SQLite, two servers for PostgreSQL): registrations at once, the same address at once,
 * cancellations on one server while the other registers. Each checks what is stored afterwards and,
 * for the cancellations, the confirmed rows counted over and over while the race runs.
 */
final class CapacityRaces {

    static final int CAPACITY = 10;

    private CapacityRaces() {
    }

    static Page<Event> event(TestSite site, String slug) {
        return site.app().store().snapshot().findAny(Event.TYPE, slug).orElseThrow();
    }

    static RegistrationService registrations(TestSite site) {
        return site.app().services().registrations();
    }

    static NewRegistration person(String event, String email) {
        return new NewRegistration(event, "Applicant " + email, email, ApplicantType.IMG, List.of("alpha-im"), null, false);
    }

    /** Runs every task at the same moment on its own thread and returns their results in order. */
    static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** Fifty people at once, alternately on each server: ten confirmed (the first ten the database took), forty waiting in order. */
    static List<Registration> fiftyAtOnce(TestSite one, TestSite two, String slug) throws Exception {
        List<Callable<RegistrationService.Outcome>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestSite site = i % 2 == 0 ? one : two;
            NewRegistration person = person(slug, slug + i + "@example.org");
            tasks.add(() -> registrations(site).register(event(site, slug), person, "test"));
        }
        List<RegistrationService.Outcome> outcomes = atOnce(tasks);
        assertThat(outcomes).allMatch(RegistrationService.Outcome::created);

        List<Registration> stored = registrations(one).list(slug);
        assertThat(stored).hasSize(50);
        assertThat(stored).extracting(Registration::email).doesNotHaveDuplicates();
        assertThat(stored).extracting(Registration::arrival).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(stored.stream().filter(Registration::isConfirmed)).as("the first ten the database took").extracting(Registration::arrival)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, CAPACITY).boxed().toList());
        List<Registration> waiting = stored.stream().filter(Registration::isWaitlisted).sorted(Comparator.comparingLong(Registration::arrival)).toList();
        assertThat(waiting).extracting(Registration::position).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        // Each server's answer said what is stored now.
        for (RegistrationService.Outcome outcome : outcomes) {
            Registration now = stored.stream().filter(r -> r.reference().equals(outcome.registration().reference())).findFirst().orElseThrow();
            assertThat(outcome.registration().status()).isEqualTo(now.status());
            assertThat(outcome.registration().position()).isEqualTo(now.position());
        }
        RegistrationService.Tally expected = new RegistrationService.Tally(slug, CAPACITY, 0, CAPACITY, 40, 0);
        assertThat(registrations(one).tallies().get(slug)).isEqualTo(expected);
        assertThat(registrations(two).tallies().get(slug)).isEqualTo(expected);
        assertThat(registrations(two).seatsLeft(event(two, slug))).isZero();
        assertThat(mails(one, slug, RegistrationMail.CONFIRMATION)).isEqualTo(CAPACITY);
        assertThat(mails(one, slug, RegistrationMail.WAITLIST)).isEqualTo(40);
        return stored;
    }

    /**
     * One address ten times at once, alternately on each server, in two spellings: one registration,
     * and one e-mail (the repeats within ten minutes send nothing more).
     */
    static void sameAddressAtOnce(TestSite one, TestSite two, String slug) throws Exception {
        List<Callable<RegistrationService.Outcome>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TestSite site = i % 2 == 0 ? one : two;
            NewRegistration same = person(slug, i % 3 == 0 ? "Same.Person@Example.org" : "same.person@example.org");
            tasks.add(() -> registrations(site).register(event(site, slug), same, "test"));
        }
        List<RegistrationService.Outcome> outcomes = atOnce(tasks);
        assertThat(outcomes.stream().filter(RegistrationService.Outcome::created)).hasSize(1);
        assertThat(outcomes).extracting(outcome -> outcome.registration().reference()).containsOnly(outcomes.get(0).registration().reference());
        assertThat(registrations(two).list(slug)).hasSize(1);
        assertThat(registrations(one).tallies().get(slug)).isEqualTo(new RegistrationService.Tally(slug, CAPACITY, CAPACITY - 1, 1, 0, 0));
        assertThat(mails(one, slug, RegistrationMail.CONFIRMATION)).isEqualTo(1);
    }

    /**
     * Ten seated and five waiting; then five seats cancelled on server one while twenty people register
     * on server two: the five who waited get the seats, each told once, the newcomers all wait in order,
     * and the confirmed rows, counted over and over meanwhile, are never more than the capacity.
     */
    static void cancelWhileOthersRegister(TestSite one, TestSite two, String slug) throws Exception {
        RegistrationService first = registrations(one);
        Page<Event> room = event(one, slug);
        List<Registration> seated = new ArrayList<>();
        List<Registration> waiting = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Registration registration = first.register(room, person(slug, "early" + i + "@example.org"), "test").registration();
            (registration.isConfirmed() ? seated : waiting).add(registration);
        }
        assertThat(seated).hasSize(CAPACITY);
        assertThat(waiting).extracting(Registration::position).containsExactly(1, 2, 3, 4, 5);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong mostConfirmed = new AtomicLong();
        AtomicLong counts = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                mostConfirmed.accumulateAndGet(confirmedRows(two, slug), Math::max);
                counts.incrementAndGet();
            }
        });
        watcher.start();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            if (i % 5 == 0) {
                String reference = seated.get(i / 5).reference();
                tasks.add(() -> first.cancel(reference).orElseThrow());
            } else {
                NewRegistration person = person(slug, "late" + i + "@example.org");
                tasks.add(() -> registrations(two).register(event(two, slug), person, "test"));
            }
        }
        List<Object> results;
        try {
            results = atOnce(tasks);
        } finally {
            running.set(false);
            watcher.join();
        }

        assertThat(counts.get()).as("counted while the race ran").isPositive();
        assertThat(mostConfirmed.get()).as("confirmed at any moment").isLessThanOrEqualTo(CAPACITY);
        List<Registration> promoted = results.stream().filter(RegistrationService.Cancellation.class::isInstance)
                .map(RegistrationService.Cancellation.class::cast).flatMap(c -> c.promoted().stream()).toList();
        assertThat(promoted).as("the five who waited first, each once").extracting(Registration::reference)
                .containsExactlyInAnyOrderElementsOf(waiting.stream().map(Registration::reference).toList());
        assertThat(results.stream().filter(RegistrationService.Outcome.class::isInstance).map(RegistrationService.Outcome.class::cast))
                .as("nobody new takes a freed seat while others wait").allMatch(outcome -> outcome.registration().isWaitlisted());
        for (Registration waited : waiting) {
            assertThat(first.find(waited.reference()).orElseThrow().isConfirmed()).isTrue();
            assertThat(mails(one, waited.reference(), RegistrationMail.PROMOTION)).as("told once").isEqualTo(1);
        }
        List<Registration> queue = first.list(slug).stream().filter(Registration::isWaitlisted)
                .sorted(Comparator.comparingLong(Registration::arrival)).toList();
        assertThat(queue).extracting(Registration::position).containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(queue).allMatch(r -> r.email().startsWith("late"));
        assertThat(registrations(two).tallies().get(slug)).isEqualTo(new RegistrationService.Tally(slug, CAPACITY, 0, CAPACITY, 20, 5));
    }

    /** Confirmed registrations as rows in the table (not the event's counter of seats). */
    static long confirmedRows(TestSite site, String slug) {
        return site.app().services().database().inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM event_registration WHERE event_slug = ? AND status = 'confirmed'")) {
                select.setString(1, slug);
                return count(select);
            }
        });
    }

    /** E-mails of one purpose written for an event's registrations, or for one registration (by its reference). */
    static long mails(TestSite site, String eventOrReference, String purpose) {
        return site.app().services().database().inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM mail_outbox m JOIN event_registration r"
                    + " ON r.id = m.registration_id WHERE (r.event_slug = ? OR r.reference = ?) AND m.purpose = ?")) {
                select.setString(1, eventOrReference);
                select.setString(2, eventOrReference);
                select.setString(3, purpose);
                return count(select);
            }
        });
    }

    private static long count(PreparedStatement select) throws java.sql.SQLException {
        try (ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
