package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.CommandRun;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.inquiry.ApplicantType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar gme-site.jar export-registrations}: who registered for which event, as a spreadsheet. */
class RegistrationExportTest {

    @TempDir
    Path temp;

    /** Two events, one with two seats: a third registrant waits, and one cancels. */
    private ContentFixture content() {
        return ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                .write("events/small-room.md", EventPagesTest.event("Small room", "2026-12-08T18:00", "2026-12-08T19:00",
                        "programs: [alpha-im]\ncapacity: 2\n"))
                .write("events/big-room.md", EventPagesTest.event("Big room", "2026-12-09T18:00", "2026-12-09T19:00", ""));
    }

    private static NewRegistration person(String event, String name, String email, String accessibility) {
        return new NewRegistration(event, name, email, ApplicantType.IMG, List.of("alpha-im"), accessibility, false);
    }

    @Test
    void exports_every_registration_with_its_status_and_times_in_the_site_zone() throws Exception {
        Settings settings = Settings.forFolders(content().dir(), Path.of("static"));
        Registration ada;
        try (TestSite site = TestSite.start(settings)) {
            RegistrationService registrations = site.app().services().registrations();
            var snapshot = site.app().store().snapshot();
            var small = snapshot.findAny(Event.TYPE, "small-room").orElseThrow();
            var big = snapshot.findAny(Event.TYPE, "big-room").orElseThrow();
            ada = registrations.register(small, person("small-room", "Ada Lovelace", "ada@example.com",
                    "Captions, please"), "web").registration();
            registrations.register(small, person("small-room", "=HYPERLINK(\"http://evil.example\",\"Grace\")", "grace@example.com", null), "api");
            registrations.register(small, person("small-room", "Katherine Johnson", "katherine@example.com", "@SUM(1+1)"), "web");
            registrations.register(big, person("big-room", "Dorothy Vaughan", "dorothy@example.com", null), "web");
            registrations.cancel(ada.reference());
        }

        CommandRun run = CommandRun.of(settings, "export-registrations");
        assertThat(run.status()).as(run.err()).isZero();
        List<Map<String, String>> rows = CommandRun.rows(run.out());
        assertThat(rows).extracting(row -> row.get("Name")).containsExactly("Dorothy Vaughan", "Ada Lovelace",
                "'=HYPERLINK(\"http://evil.example\",\"Grace\")", "Katherine Johnson");
        assertThat(rows.get(1)).containsEntry("Reference", ada.reference())
                .containsEntry("Event", "small-room")
                .containsEntry("Event title", "Small room")
                .containsEntry("Status", "cancelled")
                .containsEntry("Waitlist position", "")
                .containsEntry("E-mail", "ada@example.com")
                .containsEntry("Applicant", "International medical graduate")
                .containsEntry("Programs", "alpha-im")
                .containsEntry("Accessibility needs", "Captions, please")
                // The fixture's clock: 2026-11-27T18:00Z, noon in Chicago (CST).
                .containsEntry("Registered at (America/Chicago)", "2026-11-27T12:00:00-06:00")
                .containsEntry("Confirmed at (America/Chicago)", "2026-11-27T12:00:00-06:00")
                .containsEntry("Cancelled at (America/Chicago)", "2026-11-27T12:00:00-06:00")
                .containsEntry("Channel", "web");
        // Katherine waited for the second seat, which Ada's cancellation gave her.
        assertThat(rows.get(3)).containsEntry("Status", "confirmed").containsEntry("Accessibility needs", "'@SUM(1+1)");
        assertThat(rows.get(2)).containsEntry("Status", "confirmed").containsEntry("Channel", "api");

        List<Map<String, String>> one = CommandRun.rows(CommandRun.of(settings, "export-registrations", "--event", "big-room").out());
        assertThat(one).extracting(row -> row.get("E-mail")).containsExactly("dorothy@example.com");
    }

    @Test
    void a_waitlisted_registration_has_its_place_and_an_event_without_registrations_gives_the_header_only() throws Exception {
        Settings settings = Settings.forFolders(content().dir(), Path.of("static"));
        try (TestSite site = TestSite.start(settings)) {
            RegistrationService registrations = site.app().services().registrations();
            var small = site.app().store().snapshot().findAny(Event.TYPE, "small-room").orElseThrow();
            for (String name : List.of("one", "two", "three", "four")) {
                registrations.register(small, person("small-room", name, name + "@example.com", null), "web");
            }
        }
        List<Map<String, String>> rows = CommandRun.rows(CommandRun.of(settings, "export-registrations", "--event", "small-room").out());
        assertThat(rows).extracting(row -> row.get("Status") + " " + row.get("Waitlist position"))
                .containsExactly("confirmed ", "confirmed ", "waitlisted 1", "waitlisted 2");
        assertThat(rows.get(2)).containsEntry("Confirmed at (America/Chicago)", "");

        CommandRun empty = CommandRun.of(settings, "export-registrations", "--event", "big-room");
        assertThat(empty.status()).isZero();
        assertThat(empty.out()).startsWith("Reference,Event,\"Event title\",Status,").hasLineCount(1);
    }

    @Test
    void an_unknown_event_is_named_with_the_events_there_are() {
        Settings settings = Settings.forFolders(content().dir(), Path.of("static"));
        CommandRun run = CommandRun.of(settings, "export-registrations", "--event", "small-rom");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("no event 'small-rom': the events are big-room, small-room\n")
                .contains("usage: java -jar gme-site.jar export-registrations [--event SLUG]");
    }

    @Test
    void explains_a_wrong_argument() {
        Settings settings = Settings.forFolders(temp, Path.of("static"));
        CommandRun missing = CommandRun.of(settings, "export-registrations", "--event");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).startsWith("--event needs an event's slug").contains("usage: java -jar gme-site.jar export-registrations");
        CommandRun unknown = CommandRun.of(settings, "export-registrations", "--since", "2026-11-01");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("unknown argument '--since'");
    }
}
