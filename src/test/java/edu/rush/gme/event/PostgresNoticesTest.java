package edu.rush.gme.event;

import static edu.rush.gme.event.RegistrantMail.email;
import static edu.rush.gme.event.RegistrantMail.outbox;
import static edu.rush.gme.event.RegistrantMail.person;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import com.icegreen.greenmail.util.GreenMail;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.Page;
import edu.rush.gme.db.Database;
import edu.rush.gme.db.PostgresServer;
import edu.rush.gme.mail.MailSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL, as production may run: each sees the same edits and looks at the same
 * moments, yet every registrant is told of a new time, a cancellation, a recording and each reminder once,
 * and the calendar SEQUENCE rises by one per change.
 */
class PostgresNoticesTest {

    @TempDir
    static Path temp;

    private static PostgresServer postgres;
    private static GreenMail smtp;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        smtp = RegistrantMail.smtp();
    }

    @AfterAll
    static void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Both servers reload the edited folder at once, then both look at once (their own background looks run too). */
    private static void atOnce(List<TestSite> sites, boolean reload) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (TestSite site : sites) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    if (reload) {
                        site.app().store().reload();
                    }
                    site.app().services().registrations().notices().look();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }

    private static Page<Event> event(TestSite site, String slug) {
        return site.app().store().snapshot().findAny(Event.TYPE, slug).orElseThrow();
    }

    private static Registration register(TestSite site, String slug, String name) {
        return site.app().services().registrations().register(event(site, slug), person(slug, name), "test").registration();
    }

    /** The first test's registrants (the tests share the database and the mail server). */
    private static final List<String> THEIRS = java.util.stream.Stream.of("Ada Byron", "Bea Cole", "Cy Dunn", "Dee Ek", "Eve Fox", "Flo Gray")
            .map(RegistrantMail::email).toList();

    /** The mail of this purpose to the first test's registrants. */
    private static List<RegistrantMail.Row> rows(Database database, String purpose) {
        return outbox(database, purpose).stream().filter(row -> THEIRS.contains(row.recipient())).toList();
    }

    @Test
    void two_servers_tell_each_registrant_each_change_and_reminder_once() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
        edu.rush.gme.ContentFixture content = RegistrantNoticesTest.content(temp);
        Settings settings = Settings.forFolders(content.dir(), Path.of("static")).withDatabase(postgres.settings())
                .withMail(MailSettings.local(smtp.getSmtp().getPort(), "gme-web@example.org"));
        try (TestSite one = TestSite.start(settings, clock); TestSite two = TestSite.start(settings, clock)) {
            List<TestSite> both = List.of(one, two);
            Database database = one.app().services().database();
            register(one, "march-session", "Ada Byron");
            register(two, "march-session", "Bea Cole");
            register(one, "march-session", "Cy Dunn");
            Registration dee = register(two, "march-session", "Dee Ek");
            one.app().services().registrations().cancel(dee.reference());
            register(one, "soon-session", "Eve Fox");
            register(two, "soon-session", "Flo Gray");
            atOnce(both, false);

            // A new time (across the change to daylight saving time), seen by both servers at once.
            content.write("events/march-session.md", RegistrantNoticesTest.march("").replace("2027-03-11", "2027-03-18"));
            atOnce(both, true);
            assertThat(rows(database, RegistrationMail.CHANGED)).containsExactlyInAnyOrder(
                    new RegistrantMail.Row(email("Ada Byron"), RegistrationMail.CHANGED, "REQUEST"),
                    new RegistrantMail.Row(email("Bea Cole"), RegistrationMail.CHANGED, "REQUEST"),
                    new RegistrantMail.Row(email("Cy Dunn"), RegistrationMail.CHANGED, null));
            for (TestSite site : both) {
                String ics = site.get("/events/march-session.ics").raw().body();
                assertThat(Biweekly.parse(ics).first().getEvents().get(0).getSequence().getValue()).isEqualTo(1);
                assertThat(ics).doesNotContain(RegistrantNoticesTest.JOIN);
            }

            // Cancelled, seen by both at once.
            content.write("events/march-session.md", RegistrantNoticesTest.march("status: cancelled\n").replace("2027-03-11", "2027-03-18"));
            atOnce(both, true);
            assertThat(rows(database, RegistrationMail.CANCELLED)).containsExactlyInAnyOrder(
                    new RegistrantMail.Row(email("Ada Byron"), RegistrationMail.CANCELLED, "CANCEL"),
                    new RegistrantMail.Row(email("Bea Cole"), RegistrationMail.CANCELLED, "CANCEL"),
                    new RegistrantMail.Row(email("Cy Dunn"), RegistrationMail.CANCELLED, null));
            assertThat(one.app().services().registrations().notices().known("march-session")).map(EventSequences.Known::sequence).contains(2);
            for (TestSite site : both) {
                assertThat(Biweekly.parse(site.get("/events/march-session.ics").raw().body()).first().getEvents().get(0)
                        .getSequence().getValue()).isEqualTo(2);
            }

            // Reminders: both servers look in each window, twice.
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-30T00:05:00Z")));
            atOnce(both, false);
            atOnce(both, false);
            assertThat(rows(database, RegistrationMail.DAY_REMINDER)).extracting(RegistrantMail.Row::recipient)
                    .containsExactlyInAnyOrder(email("Eve Fox"), email("Flo Gray"));
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-30T23:05:00Z")));
            atOnce(both, false);
            atOnce(both, false);
            assertThat(rows(database, RegistrationMail.HOUR_REMINDER)).extracting(RegistrantMail.Row::recipient)
                    .containsExactlyInAnyOrder(email("Eve Fox"), email("Flo Gray"));

            // After the event, the recording, once.
            clock.advance(Duration.ofHours(3));
            content.write("events/soon-session.md", RegistrantNoticesTest.soon(3, "recording: https://video.example.org/soon\n"));
            atOnce(both, true);
            atOnce(both, false);
            assertThat(rows(database, RegistrationMail.RECORDING)).extracting(RegistrantMail.Row::recipient)
                    .containsExactlyInAnyOrder(email("Eve Fox"), email("Flo Gray"));

            // What was written reached the mail server, each once.
            // This test's registrants only: the other tests share the database and the mail server.
            java.util.function.IntSupplier received = () -> (int) java.util.Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
                try {
                    return THEIRS.contains(message.getAllRecipients()[0].toString());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            java.util.function.IntSupplier written = () -> (int) outbox(database).stream().filter(row -> THEIRS.contains(row.recipient())).count();
            try {
                RegistrantMail.waitFor(() -> received.getAsInt() == written.getAsInt(), "every mail delivered");
            } catch (AssertionError e) {
                throw new AssertionError("received " + received.getAsInt() + " of " + written.getAsInt(), e);
            }
        }
    }

    @Test
    void with_the_database_down_calendar_files_answer_at_once_and_the_notice_waits_for_it() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
        String outage = EventPagesTest.event("Outage session", "2027-01-20T18:00", "2027-01-20T19:00", "capacity: 5\n");
        edu.rush.gme.ContentFixture content = edu.rush.gme.ContentFixture.minimal(temp.resolve("outage"))
                .write("events/outage-session.md", outage);
        Settings settings = Settings.forFolders(content.dir(), Path.of("static")).withDatabase(postgres.settings())
                .withMail(MailSettings.local(smtp.getSmtp().getPort(), "gme-web@example.org"));
        try (TestSite site = TestSite.start(settings, clock)) {
            Database database = site.app().services().database();
            register(site, "outage-session", "Oona Out");
            site.app().services().registrations().notices().look();
            postgres.stopServer();
            try {
                content.write("events/outage-session.md", outage.replace("2027-01-20", "2027-01-21"));
                long started = System.nanoTime();
                site.app().store().reload();
                TestSite.Response calendar = site.get("/events/outage-session.ics");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for the database").isLessThan(Duration.ofSeconds(2));
                assertThat(calendar.status()).isEqualTo(200);
                biweekly.component.VEvent entry = Biweekly.parse(calendar.raw().body()).first().getEvents().get(0);
                // The last count read: the change is not recorded yet.
                assertThat(entry.getSequence().getValue()).isZero();
                assertThat(entry.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-01-22T00:00:00Z"));
                assertThat(site.get("/events/outage-session").status()).isEqualTo(200);
            } finally {
                postgres.startServer();
            }
            site.app().services().registrations().notices().look();
            assertThat(outbox(database).stream().filter(row -> row.recipient().equals(email("Oona Out"))))
                    .extracting(RegistrantMail.Row::purpose, RegistrantMail.Row::method)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(RegistrationMail.CONFIRMATION, "REQUEST"),
                            org.assertj.core.groups.Tuple.tuple(RegistrationMail.CHANGED, "REQUEST"));
            assertThat(site.app().services().registrations().notices().known("outage-session")).map(EventSequences.Known::sequence).contains(1);
            clock.advance(EventController.CALENDAR_KEPT);
            assertThat(Biweekly.parse(site.get("/events/outage-session.ics").raw().body()).first().getEvents().get(0)
                    .getSequence().getValue()).isEqualTo(1);
        }
    }

    @Test
    void a_server_whose_content_is_behind_never_puts_the_old_time_back() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
        String deploy = EventPagesTest.event("Deploy session", "2027-02-10T18:00", "2027-02-10T19:00", "");
        edu.rush.gme.ContentFixture newer = edu.rush.gme.ContentFixture.minimal(temp.resolve("newer")).write("events/deploy-session.md", deploy);
        edu.rush.gme.ContentFixture older = edu.rush.gme.ContentFixture.minimal(temp.resolve("older")).write("events/deploy-session.md", deploy);
        MailSettings mail = MailSettings.local(smtp.getSmtp().getPort(), "gme-web@example.org");
        try (TestSite one = TestSite.start(Settings.forFolders(newer.dir(), Path.of("static")).withDatabase(postgres.settings()).withMail(mail), clock);
             TestSite two = TestSite.start(Settings.forFolders(older.dir(), Path.of("static")).withDatabase(postgres.settings()).withMail(mail), clock)) {
            Database database = one.app().services().database();
            register(one, "deploy-session", "Uma Vale");
            register(two, "deploy-session", "Val Wu");
            atOnce(List.of(one, two), false);

            // A rolling deploy: the first server has the new time, the second still the old one, for several looks.
            newer.write("events/deploy-session.md", deploy.replace("2027-02-10", "2027-02-11"));
            one.app().store().reload();
            for (int i = 0; i < 3; i++) {
                atOnce(List.of(one, two), false);
            }
            List<String> deployMail = List.of(RegistrationMail.CHANGED, RegistrationMail.CANCELLED);
            java.util.function.Supplier<List<RegistrantMail.Row>> changes = () -> outbox(database).stream()
                    .filter(row -> deployMail.contains(row.purpose()) && List.of(email("Uma Vale"), email("Val Wu")).contains(row.recipient())).toList();
            assertThat(changes.get()).extracting(RegistrantMail.Row::recipient).containsExactlyInAnyOrder(email("Uma Vale"), email("Val Wu"));
            assertThat(one.app().services().registrations().notices().known("deploy-session")).map(EventSequences.Known::sequence).contains(1);
            // A day before the old time: the second server does not remind anyone of it.
            java.util.function.Supplier<List<String>> reminders = () -> outbox(database).stream()
                    .filter(row -> row.purpose().startsWith("event-reminder") && List.of(email("Uma Vale"), email("Val Wu")).contains(row.recipient()))
                    .map(RegistrantMail.Row::recipient).toList();
            clock.advance(Duration.between(clock.instant(), Instant.parse("2027-02-10T00:30:00Z")));
            atOnce(List.of(one, two), false);
            assertThat(reminders.get()).isEmpty();

            // The second server's content catches up: nothing more to tell.
            older.write("events/deploy-session.md", deploy.replace("2027-02-10", "2027-02-11"));
            atOnce(List.of(one, two), true);
            assertThat(changes.get()).hasSize(2);
            assertThat(one.app().services().registrations().notices().known("deploy-session")).map(EventSequences.Known::sequence).contains(1);
            // A day before the new time, both remind, once.
            clock.advance(Duration.between(clock.instant(), Instant.parse("2027-02-11T00:30:00Z")));
            atOnce(List.of(one, two), false);
            atOnce(List.of(one, two), false);
            assertThat(reminders.get()).containsExactlyInAnyOrder(email("Uma Vale"), email("Val Wu"));
        }
    }
}
