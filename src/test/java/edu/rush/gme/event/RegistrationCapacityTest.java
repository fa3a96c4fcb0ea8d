package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.Page;
import edu.rush.gme.inquiry.ApplicantType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seats are never more than the capacity, whatever arrives at once: 50 registrations for 10 seats
 * at the same moment on SQLite give exactly 10 confirmed and a waitlist of 40 in arrival order; the
 * same address twice is one registration; a cancelled seat goes to the first person waiting.
 */
class RegistrationCapacityTest {

    @TempDir
    Path temp;

    private TestSite site;
    private RegistrationService registrations;
    private Page<Event> event;

    @BeforeEach
    void start() {
        ContentFixture content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .write("events/small-room.md", EventPagesTest.event("Small room", "2026-12-08T18:00", "2026-12-08T19:00",
                        "programs: [alpha-im]\ncapacity: 10\n"));
        site = TestSite.start(content.dir());
        registrations = site.app().services().registrations();
        event = site.app().store().snapshot().findAny(Event.TYPE, "small-room").orElseThrow();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    static NewRegistration person(int i) {
        return new NewRegistration("small-room", "Applicant " + i, "applicant" + i + "@example.org", ApplicantType.IMG,
                List.of("alpha-im"), null, false);
    }

    @Test
    void fifty_at_once_for_ten_seats_confirm_exactly_ten_and_queue_the_rest_in_arrival_order() throws Exception {
        List<RegistrationService.Outcome> outcomes = registerAtOnce(registrations, event, 50);

        List<Registration> stored = registrations.list("small-room");
        assertThat(stored).hasSize(50);
        assertThat(stored.stream().filter(Registration::isConfirmed)).hasSize(10);
        assertThat(stored.stream().map(Registration::email).distinct()).hasSize(50);
        List<Registration> waiting = stored.stream().filter(Registration::isWaitlisted)
                .sorted(Comparator.comparingLong(Registration::arrival)).toList();
        assertThat(waiting).extracting(Registration::position).containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        // The confirmed arrived first: every confirmed registration's arrival is before every waitlisted one's.
        long lastConfirmed = stored.stream().filter(Registration::isConfirmed).mapToLong(Registration::arrival).max().orElseThrow();
        assertThat(waiting.get(0).arrival()).isGreaterThan(lastConfirmed);
        assertThat(outcomes).allMatch(RegistrationService.Outcome::created);
        assertThat(registrations.seatsLeft(event)).isZero();
        RegistrationService.Tally tally = registrations.tallies().get("small-room");
        assertThat(tally).isEqualTo(new RegistrationService.Tally("small-room", 10, 0, 10, 40, 0));
    }

    @Test
    void the_same_address_at_once_is_one_registration() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RegistrationService.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            NewRegistration same = new NewRegistration("small-room", "Same Person", i % 2 == 0 ? "Same@Example.org" : "same@example.org",
                    ApplicantType.US_DO, List.of(), null, false);
            futures.add(pool.submit(() -> {
                go.await();
                return registrations.register(event, same, "test");
            }));
        }
        go.countDown();
        List<RegistrationService.Outcome> outcomes = new ArrayList<>();
        for (Future<RegistrationService.Outcome> future : futures) {
            outcomes.add(future.get());
        }
        pool.shutdown();
        assertThat(outcomes.stream().filter(RegistrationService.Outcome::created)).hasSize(1);
        assertThat(outcomes).extracting(outcome -> outcome.registration().reference()).containsOnly(outcomes.get(0).registration().reference());
        assertThat(registrations.list("small-room")).hasSize(1);
        assertThat(registrations.seatsLeft(event)).isEqualTo(9);
    }

    @Test
    void a_cancelled_seat_goes_to_the_first_person_waiting_and_cancelling_twice_changes_nothing() throws Exception {
        registerAtOnce(registrations, event, 12);
        List<Registration> stored = registrations.list("small-room");
        Registration seated = stored.stream().filter(Registration::isConfirmed).findFirst().orElseThrow();
        Registration first = stored.stream().filter(r -> r.isWaitlisted() && r.position() == 1).findFirst().orElseThrow();
        Registration second = stored.stream().filter(r -> r.isWaitlisted() && r.position() == 2).findFirst().orElseThrow();

        RegistrationService.Cancellation cancelled = registrations.cancel(seated.reference()).orElseThrow();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.registration().isCancelled()).isTrue();
        assertThat(cancelled.promoted()).extracting(Registration::reference).containsExactly(first.reference());
        assertThat(registrations.find(first.reference()).orElseThrow().isConfirmed()).isTrue();
        assertThat(registrations.find(second.reference()).orElseThrow().position()).isEqualTo(1);
        assertThat(registrations.seatsLeft(event)).isZero();

        RegistrationService.Cancellation again = registrations.cancel(seated.reference()).orElseThrow();
        assertThat(again.cancelled()).isFalse();
        assertThat(again.promoted()).isEmpty();
        assertThat(registrations.find(second.reference()).orElseThrow().isWaitlisted()).isTrue();

        // A waitlisted person who cancels leaves the queue; nobody else moves into a seat.
        registrations.cancel(second.reference());
        assertThat(registrations.tallies().get("small-room")).isEqualTo(new RegistrationService.Tally("small-room", 10, 0, 10, 0, 2));
        // After cancelling, the same address may register again (a new registration, at the end of the queue).
        RegistrationService.Outcome back = registrations.register(event, new NewRegistration("small-room", "Back", seated.email(),
                ApplicantType.IMG, List.of(), null, false), "test");
        assertThat(back.created()).isTrue();
        assertThat(back.registration().isWaitlisted()).isTrue();
        assertThat(back.registration().position()).isEqualTo(1);
    }

    @Test
    void a_name_with_quotes_registers_and_its_invitation_is_written() {
        NewRegistration quoted = new NewRegistration("small-room", "Ada \"the Countess\" Lovelace", "ada@example.org", ApplicantType.IMG,
                List.of(), null, false);
        RegistrationService.Outcome outcome = registrations.register(event, quoted, "test");
        assertThat(outcome.registration().name()).isEqualTo("Ada \"the Countess\" Lovelace");
        assertThat(EventCalendar.commonName("Ada \"the Countess\"\r\nLovelace")).isEqualTo("Ada 'the Countess' Lovelace");
    }

    @Test
    void a_name_may_not_carry_a_link_or_invisible_characters_into_the_mail_it_opens() {
        for (String name : List.of("Your account is locked, visit https://evil.example.com", "Ada www.evil.example.com", "Ada\u2028Lovelace",
                "Ada\u200bLovelace")) {
            RegistrationService.Checked checked = registrations.check(event, new RegistrationForm(name, "ada@example.org", "img", List.of(), null, null));
            assertThat(checked).as(name).isInstanceOf(RegistrationService.Invalid.class);
            assertThat(((RegistrationService.Invalid) checked).errors().get("name")).isEqualTo("Enter your name only, without web addresses or special characters");
        }
        assertThat(registrations.check(event, new RegistrationForm("Ana María O'Neil-Ng", "ana@example.org", "img", List.of(), null, null)))
                .isInstanceOf(RegistrationService.Valid.class);
    }

    @Test
    void signed_links_name_their_registration_and_nothing_else() {
        Registration registration = registrations.register(event, person(1), "test").registration();
        String token = registrations.links().token(registration.reference());
        assertThat(registrations.findByToken(token)).map(Registration::reference).contains(registration.reference());
        assertThat(registrations.findByToken(token.substring(0, token.length() - 2) + "xx")).isEmpty();
        assertThat(registrations.findByToken(registration.reference())).isEmpty();
        assertThat(registrations.findByToken(new RegistrationLinks(new byte[32]).token(registration.reference()))).isEmpty();
    }

    static List<RegistrationService.Outcome> registerAtOnce(RegistrationService registrations, Page<Event> event, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 16));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RegistrationService.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            NewRegistration person = person(i);
            futures.add(pool.submit(() -> {
                go.await();
                return registrations.register(event, person, "test");
            }));
        }
        go.countDown();
        List<RegistrationService.Outcome> outcomes = new ArrayList<>();
        for (Future<RegistrationService.Outcome> future : futures) {
            outcomes.add(future.get());
        }
        pool.shutdown();
        return outcomes;
    }
}
