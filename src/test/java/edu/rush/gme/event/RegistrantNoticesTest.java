package edu.rush.gme.event;

import static edu.rush.gme.event.RegistrantMail.email;
import static edu.rush.gme.event.RegistrantMail.invitation;
import static edu.rush.gme.event.RegistrantMail.outbox;
import static edu.rush.gme.event.RegistrantMail.person;
import static edu.rush.gme.event.RegistrantMail.plainText;
import static edu.rush.gme.event.RegistrantMail.received;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import com.icegreen.greenmail.util.GreenMail;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.content.Page;
import edu.rush.gme.db.Database;
import edu.rush.gme.mail.MailSettings;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What registrants receive, on a real SQLite file through a real mail server (GreenMail), with a clock
 * the test moves: invitations and their cancellations parsed back by biweekly field by field, SEQUENCE
 * rising with a new time or place (also in the public calendar files, which never carry the join link),
 * notices of a new time, a cancellation, a recording, seats from a raised capacity, and reminders a day
 * and an hour before, each once.
 */
class RegistrantNoticesTest {

    static final String JOIN = EventPagesTest.JOIN;

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T18:00:00Z"));
    private GreenMail smtp;
    private TestSite site;
    private ContentFixture content;
    private RegistrationService registrations;
    private Database database;

    /** Ahead of the March change, in CST: 18:00 is midnight UTC. */
    static String march(String more) {
        return EventPagesTest.event("March session", "2027-03-11T18:00", "2027-03-11T19:00", "programs: [alpha-im]\ncapacity: 2\n" + more);
    }

    /** In three days: 2026-11-30 18:00 CST is 2026-12-01T00:00Z. */
    static String soon(int capacity, String more) {
        return EventPagesTest.event("Soon session", "2026-11-30T18:00", "2026-11-30T19:00", "capacity: " + capacity + "\n" + more);
    }

    static ContentFixture content(Path temp) {
        return ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .write("events/march-session.md", march(""))
                .write("events/soon-session.md", soon(3, ""))
                .write("events/later-session.md", EventPagesTest.event("Later session", "2026-12-01T18:00", "2026-12-01T19:00", ""))
                .write("events/quiet-session.md", EventPagesTest.event("Quiet session", "2027-02-01T12:00", "2027-02-01T13:00", ""));
    }

    @BeforeEach
    void start() {
        smtp = RegistrantMail.smtp();
        content = content(temp);
        site = TestSite.start(Settings.forFolders(content.dir(), Path.of("static"))
                .withMail(MailSettings.local(smtp.getSmtp().getPort(), "gme-web@example.org")), clock);
        registrations = site.app().services().registrations();
        database = site.app().services().database();
        registrations.notices().look();
    }

    @AfterEach
    void stop() {
        site.close();
        smtp.stop();
    }

    private Page<Event> event(String slug) {
        return site.app().store().snapshot().findAny(Event.TYPE, slug).orElseThrow();
    }

    private Registration register(String slug, String name) {
        return registrations.register(event(slug), person(slug, name), "test").registration();
    }

    /** An edit saved: the store reloads (its listener asks for a look in the background) and the test looks too. */
    private void edit(String file, String text) {
        content.write(file, text);
        site.app().store().reload();
        registrations.notices().look();
    }

    private VEvent publicEntry(String path, String slug) {
        TestSite.Response response = site.get(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().body()).doesNotContain(JOIN).doesNotContain("secret-room").doesNotContain("ATTENDEE");
        ICalendar calendar = Biweekly.parse(response.raw().body()).first();
        assertThat(calendar.getMethod().isPublish()).isTrue();
        return calendar.getEvents().stream().filter(e -> e.getUid().getValue().equals("event-" + slug + "@localhost")).findFirst().orElseThrow();
    }

    @Test
    void a_seat_comes_with_an_invitation_and_its_end_with_the_invitations_cancellation() throws Exception {
        Registration ada = register("march-session", "Ada Byron");
        register("march-session", "Bea Cole");
        Registration cy = register("march-session", "Cy Dunn");
        assertThat(cy.isWaitlisted()).isTrue();

        RegistrantMail.Invitation confirmation = invitation(received(smtp, email("Ada Byron"), "You are registered: March session").get(0));
        assertThat(confirmation.methodParameter()).isEqualTo("REQUEST");
        assertThat(confirmation.calendar().getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(confirmation.attachmentName()).isEqualTo("invite.ics");
        assertThat(Biweekly.write(confirmation.attachment()).go()).isEqualTo(Biweekly.write(confirmation.calendar()).go());
        VEvent invite = confirmation.event();
        // The registration's own entry: never overwritten by the public file (no join link), never a cancelled one asked back.
        assertThat(invite.getUid().getValue()).isEqualTo("event-march-session-" + ada.reference().toLowerCase() + "@localhost");
        assertThat(invite.getSequence().getValue()).isZero();
        // 18:00 CST on March 11th (before the change) is midnight UTC.
        assertThat(invite.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-12T00:00:00Z"));
        assertThat(invite.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-12T01:00:00Z"));
        assertThat(Biweekly.write(confirmation.calendar()).go()).contains("DTSTART:20270312T000000Z", "DTEND:20270312T010000Z");
        assertThat(invite.getOrganizer().getEmail()).isEqualTo("gme-web@example.org");
        assertThat(invite.getAttendees()).singleElement().satisfies(attendee -> {
            assertThat(attendee.getEmail()).isEqualTo(email("Ada Byron"));
            assertThat(attendee.getCommonName()).isEqualTo("Ada Byron");
            assertThat(attendee.getParticipationStatus()).isEqualTo(ParticipationStatus.ACCEPTED);
        });
        assertThat(invite.getStatus().isConfirmed()).isTrue();
        assertThat(invite.getLocation().getValue()).isEqualTo(JOIN);
        assertThat(invite.getDescription().getValue()).contains(JOIN, "/events/march-session");
        assertThat(invite.getSummary().getValue()).isEqualTo("March session");
        assertThat(confirmation.text()).contains("Your seat is confirmed", JOIN, "6:00 PM – 7:00 PM CST", "invite.ics");

        // The waitlist has no seat to put in a calendar: plain text, no join link.
        String waitlisted = plainText(received(smtp, email("Cy Dunn"), "You are on the waitlist").get(0));
        assertThat(waitlisted).contains("number 1").doesNotContain(JOIN);

        // Registering again at once (a double click) sends nothing more; ten minutes on, the registration goes again, invitation included.
        registrations.register(event("march-session"), person("march-session", "Ada Byron"), "test");
        assertThat(outbox(database, RegistrationMail.CONFIRMATION)).filteredOn(row -> row.recipient().equals(email("Ada Byron"))).hasSize(1);
        clock.advance(Duration.ofMinutes(11));
        registrations.register(event("march-session"), person("march-session", "Ada Byron"), "test");
        assertThat(invitation(received(smtp, email("Ada Byron"), "Your registration (again)").get(0)).event().getUid().getValue())
                .isEqualTo(invite.getUid().getValue());

        // Ada cancels: her calendar is told to drop the event (same UID); Cy gets her seat and his invitation.
        registrations.cancel(ada.reference());
        RegistrantMail.Invitation cancelled = invitation(received(smtp, email("Ada Byron"), "Registration cancelled").get(0));
        assertThat(cancelled.methodParameter()).isEqualTo("CANCEL");
        assertThat(cancelled.calendar().getMethod().getValue()).isEqualTo("CANCEL");
        assertThat(cancelled.event().getUid().getValue()).isEqualTo(invite.getUid().getValue());
        assertThat(cancelled.event().getSequence().getValue()).isZero();
        assertThat(cancelled.event().getStatus().isCancelled()).isTrue();
        assertThat(cancelled.event().getAttendees()).extracting(a -> a.getEmail()).containsExactly(email("Ada Byron"));
        assertThat(Biweekly.write(cancelled.calendar()).go()).doesNotContain(JOIN);
        RegistrantMail.Invitation promoted = invitation(received(smtp, email("Cy Dunn"), "A seat is yours").get(0));
        assertThat(promoted.calendar().getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(promoted.event().getLocation().getValue()).isEqualTo(JOIN);

        // The public file: the same UID and SEQUENCE, no join link, no attendee.
        VEvent open = publicEntry("/events/march-session.ics", "march-session");
        assertThat(open.getSequence().getValue()).isZero();
        assertThat(open.getLocation().getValue()).isEqualTo("Online (Zoom)");

        // With an office address in site.yaml, invitations come from the office.
        content.write("site.yaml", ContentFixture.SITE_YAML + "contact:\n  office: Test GME Office\n  email: gme-office@example.org\n");
        site.app().store().reload();
        register("quiet-session", "Kit Lane");
        VEvent fromOffice = invitation(received(smtp, email("Kit Lane"), "You are registered").get(0)).event();
        assertThat(fromOffice.getOrganizer().getEmail()).isEqualTo("gme-office@example.org");
        assertThat(fromOffice.getOrganizer().getCommonName()).isEqualTo("Test GME Office");
    }

    @Test
    void a_new_time_a_cancellation_a_recording_and_a_raised_capacity_are_told_once_to_the_right_people() throws Exception {
        register("march-session", "Ada Byron");
        register("march-session", "Bea Cole");
        register("march-session", "Cy Dunn");
        Registration dee = register("march-session", "Dee Ek");
        registrations.cancel(dee.reference());
        assertThat(outbox(database, RegistrationMail.CHANGED)).isEmpty();

        // Moved a week, across the change to daylight saving time: 18:00 CDT is 23:00 UTC.
        edit("events/march-session.md", march("").replace("2027-03-11", "2027-03-18"));
        assertThat(outbox(database, RegistrationMail.CHANGED)).containsExactlyInAnyOrder(
                new RegistrantMail.Row(email("Ada Byron"), RegistrationMail.CHANGED, "REQUEST"),
                new RegistrantMail.Row(email("Bea Cole"), RegistrationMail.CHANGED, "REQUEST"),
                new RegistrantMail.Row(email("Cy Dunn"), RegistrationMail.CHANGED, null));
        RegistrantMail.Invitation moved = invitation(received(smtp, email("Ada Byron"), "New time or place").get(0));
        assertThat(moved.event().getUid().getValue()).startsWith("event-march-session-r-").endsWith("@localhost");
        assertThat(moved.event().getSequence().getValue()).isEqualTo(1);
        assertThat(moved.event().getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-18T23:00:00Z"));
        assertThat(moved.event().getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-19T00:00:00Z"));
        assertThat(moved.text()).contains("Thursday, March 18, 2027, 6:00 PM – 7:00 PM CDT", JOIN);
        assertThat(plainText(received(smtp, email("Cy Dunn"), "New time or place").get(0))).contains("still on the waitlist, number 1")
                .doesNotContain(JOIN);
        VEvent publicMoved = publicEntry("/events/march-session.ics", "march-session");
        assertThat(publicMoved.getSequence().getValue()).isEqualTo(1);
        assertThat(publicMoved.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-18T23:00:00Z"));
        assertThat(publicEntry("/events.ics", "march-session").getSequence().getValue()).isEqualTo(1);
        assertThat(publicEntry("/programs/alpha-im/events.ics", "march-session").getSequence().getValue()).isEqualTo(1);

        // Looking again, or loading the same content again, tells nobody twice.
        registrations.notices().look();
        site.app().store().reload();
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.CHANGED)).hasSize(3);

        // A new place (a room added) is a change too; an event nobody registered for has its SEQUENCE raised all the same.
        assertThat(publicEntry("/events.ics", "quiet-session").getSequence().getValue()).isZero();
        edit("events/quiet-session.md", EventPagesTest.event("Quiet session", "2027-02-01T12:00", "2027-02-01T13:00", "")
                .replace("format: virtual", "format: hybrid\nplace: Room 500"));
        assertThat(publicEntry("/events.ics", "quiet-session").getSequence().getValue()).isEqualTo(1);
        assertThat(publicEntry("/events/quiet-session.ics", "quiet-session").getLocation().getValue()).isEqualTo("Room 500 and Online (Zoom)");

        // A new join link goes to those with a seat only, in the invitation's location; the public file still has none.
        String newLink = "https://meet.example.org/other-room-9";
        edit("events/march-session.md", march("").replace("2027-03-11", "2027-03-18").replace(JOIN, newLink));
        assertThat(outbox(database, RegistrationMail.CHANGED)).hasSize(5).filteredOn(row -> row.method() == null).hasSize(1);
        RegistrantMail.Invitation link = invitation(received(smtp, email("Bea Cole"), "New link to join").get(0));
        assertThat(link.event().getLocation().getValue()).isEqualTo(newLink);
        assertThat(link.event().getSequence().getValue()).isEqualTo(2);
        assertThat(link.text()).contains(newLink);
        VEvent publicLink = publicEntry("/events/march-session.ics", "march-session");
        assertThat(publicLink.getSequence().getValue()).isEqualTo(2);
        assertThat(site.get("/events/march-session.ics").raw().body()).doesNotContain(newLink);

        // Cancelled: the confirmed get METHOD:CANCEL with the same UID and a higher SEQUENCE, the waitlist a notice.
        edit("events/march-session.md", march("status: cancelled\n").replace("2027-03-11", "2027-03-18").replace(JOIN, newLink));
        assertThat(outbox(database, RegistrationMail.CANCELLED)).containsExactlyInAnyOrder(
                new RegistrantMail.Row(email("Ada Byron"), RegistrationMail.CANCELLED, "CANCEL"),
                new RegistrantMail.Row(email("Bea Cole"), RegistrationMail.CANCELLED, "CANCEL"),
                new RegistrantMail.Row(email("Cy Dunn"), RegistrationMail.CANCELLED, null));
        RegistrantMail.Invitation cancel = invitation(received(smtp, email("Bea Cole"), "Cancelled: March session").get(0));
        assertThat(cancel.methodParameter()).isEqualTo("CANCEL");
        assertThat(cancel.event().getUid().getValue()).startsWith("event-march-session-r-").endsWith("@localhost");
        assertThat(cancel.event().getSequence().getValue()).isEqualTo(3);
        assertThat(cancel.event().getStatus().isCancelled()).isTrue();
        VEvent publicCancelled = publicEntry("/events/march-session.ics", "march-session");
        assertThat(publicCancelled.getStatus().isCancelled()).isTrue();
        assertThat(publicCancelled.getSequence().getValue()).isEqualTo(3);
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.CANCELLED)).hasSize(3);
        assertThat(outbox(database, RegistrationMail.CHANGED)).hasSize(5);

        // A raised capacity gives the new seat to the first person waiting, with an invitation.
        register("soon-session", "Eve Fox");
        register("soon-session", "Flo Gray");
        register("soon-session", "Gus Hill");
        register("soon-session", "Hal Ito");
        assertThat(registrations.find(registrations.list("soon-session").get(3).reference()).orElseThrow().isWaitlisted()).isTrue();
        edit("events/soon-session.md", soon(4, ""));
        assertThat(outbox(database, RegistrationMail.PROMOTION)).containsExactly(
                new RegistrantMail.Row(email("Hal Ito"), RegistrationMail.PROMOTION, "REQUEST"));

        // After the event, a recording link goes to everyone registered and not cancelled, once.
        Registration ivy = register("soon-session", "Ivy Jay");
        register("soon-session", "Jo Kim");
        registrations.cancel(ivy.reference());
        clock.advance(Duration.ofDays(4));
        edit("events/soon-session.md", soon(4, "recording: https://video.example.org/soon\n"));
        assertThat(outbox(database, RegistrationMail.RECORDING)).extracting(RegistrantMail.Row::recipient).containsExactlyInAnyOrder(
                email("Eve Fox"), email("Flo Gray"), email("Gus Hill"), email("Hal Ito"), email("Jo Kim"));
        assertThat(plainText(received(smtp, email("Jo Kim"), "Recording available").get(0))).contains("https://video.example.org/soon");
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.RECORDING)).hasSize(5);
    }

    @Test
    void a_seat_confirmed_with_the_time_as_it_was_gets_the_new_time_with_a_higher_sequence() throws Exception {
        register("march-session", "Ada Byron");
        Page<Event> asItWas = event("march-session");
        edit("events/march-session.md", march("").replace("2027-03-11", "2027-03-18"));
        assertThat(outbox(database, RegistrationMail.CHANGED)).extracting(RegistrantMail.Row::recipient).containsExactly(email("Ada Byron"));

        // A server a moment behind (or a request that read the content just before the edit) confirms a seat with the old time.
        registrations.register(asItWas, person("march-session", "Zed Late"), "test");
        VEvent stale = invitation(received(smtp, email("Zed Late"), "You are registered").get(0)).event();
        assertThat(stale.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-12T00:00:00Z"));
        assertThat(stale.getSequence().getValue()).isEqualTo(1);

        registrations.notices().look();
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.CHANGED)).extracting(RegistrantMail.Row::recipient)
                .containsExactly(email("Ada Byron"), email("Zed Late"));
        VEvent corrected = invitation(received(smtp, email("Zed Late"), "New time or place").get(0)).event();
        assertThat(corrected.getUid().getValue()).isEqualTo(stale.getUid().getValue());
        assertThat(corrected.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2027-03-18T23:00:00Z"));
        assertThat(corrected.getSequence().getValue()).isEqualTo(2);
        assertThat(publicEntry("/events/march-session.ics", "march-session").getSequence().getValue()).isEqualTo(2);
    }

    @Test
    void a_cached_calendar_file_shows_a_sequence_raised_elsewhere_within_half_a_minute() {
        assertThat(publicEntry("/events/march-session.ics", "march-session").getSequence().getValue()).isZero();
        // Another server recorded a change this one has not loaded yet.
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE event_tally SET sequence = 4 WHERE event_slug = 'march-session'")) {
                return update.executeUpdate();
            }
        });
        registrations.notices().look();
        clock.advance(EventController.CALENDAR_KEPT);
        assertThat(publicEntry("/events/march-session.ics", "march-session").getSequence().getValue()).isEqualTo(4);
        assertThat(publicEntry("/events.ics", "march-session").getSequence().getValue()).isEqualTo(4);
    }

    @Test
    void reminders_go_a_day_and_an_hour_before_to_confirmed_registrants_once_and_again_for_a_new_time() throws Exception {
        // Soon session: 2026-11-30 18:00 CST = 2026-12-01T00:00Z; three seats.
        register("soon-session", "Ada Byron");
        register("soon-session", "Bea Cole");
        Registration cy = register("soon-session", "Cy Dunn");
        register("soon-session", "Wes Waiting");
        Registration gone = register("soon-session", "Xi Gone");
        registrations.cancel(gone.reference());
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.DAY_REMINDER)).isEmpty();

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-30T00:00:00Z")).minusMinutes(1));
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.DAY_REMINDER)).as("not before 24 hours ahead").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        registrations.notices().look();
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.DAY_REMINDER)).extracting(RegistrantMail.Row::recipient)
                .containsExactlyInAnyOrder(email("Ada Byron"), email("Bea Cole"), email("Cy Dunn"));
        String reminder = plainText(received(smtp, email("Ada Byron"), "Reminder: Soon session, Monday, November 30, 2026").get(0));
        assertThat(reminder).contains("is on Monday, November 30, 2026", "Monday, November 30, 2026, 6:00 PM – 7:00 PM CST", JOIN);

        // Cy cancels after the day reminder: Wes gets the seat (and the confirmation), not the day reminder.
        registrations.cancel(cy.reference());
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.DAY_REMINDER)).hasSize(3);

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-30T23:01:00Z")));
        registrations.notices().look();
        registrations.notices().look();
        assertThat(outbox(database, RegistrationMail.HOUR_REMINDER)).extracting(RegistrantMail.Row::recipient)
                .containsExactlyInAnyOrder(email("Ada Byron"), email("Bea Cole"), email("Wes Waiting"));
        assertThat(plainText(received(smtp, email("Wes Waiting"), "Starting soon").get(0))).contains("6:00 PM – 7:00 PM CST", JOIN);

        // Later session (2026-12-02T00:00Z): the servers were away until half an hour before; the stale day reminder is skipped.
        Registration pat = register("later-session", "Pat Quinn");
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-01T23:30:00Z")));
        registrations.notices().look();
        assertThat(outbox(database).stream().filter(row -> row.recipient().equals(pat.email()) && row.purpose().startsWith("event-reminder")))
                .extracting(RegistrantMail.Row::purpose).containsExactly(RegistrationMail.HOUR_REMINDER);

        // Moved to the next day: a new time, so reminders again for it.
        edit("events/later-session.md", EventPagesTest.event("Later session", "2026-12-02T18:00", "2026-12-02T19:00", ""));
        assertThat(outbox(database, RegistrationMail.CHANGED)).extracting(RegistrantMail.Row::recipient).containsExactly(pat.email());
        clock.advance(Duration.ofHours(1));
        registrations.notices().look();
        assertThat(outbox(database).stream().filter(row -> row.recipient().equals(pat.email()) && row.purpose().startsWith("event-reminder")))
                .extracting(RegistrantMail.Row::purpose).containsExactly(RegistrationMail.HOUR_REMINDER, RegistrationMail.DAY_REMINDER);
        assertThat(outbox(database).stream().filter(row -> row.recipient().equals(email("Xi Gone")) && row.purpose().startsWith("event-"))).isEmpty();
    }

    static List<String> purposes(Database database, String recipient) {
        return outbox(database).stream().filter(row -> row.recipient().equals(recipient)).map(RegistrantMail.Row::purpose).toList();
    }
}
