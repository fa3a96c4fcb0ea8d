package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.TestSite;
import edu.rush.gme.inquiry.ApplicantType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /readyz/events}: registrations counted per event, for monitoring (with the metrics token), never cached. */
class ReadyEventsTest {

    @TempDir
    Path temp;

    static JsonNode json(TestSite.Response response) throws Exception {
        return new ObjectMapper().readTree(response.raw().body());
    }

    @Test
    void counts_every_event_with_zeros_where_nobody_registered() throws Exception {
        ContentFixture content = ContentFixture.minimal(temp)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null)
                // Winter (CST) with three seats, summer (CDT) without a limit, one over already.
                .write("events/small-room.md", EventPagesTest.event("Small room", "2026-12-08T18:00", "2026-12-08T19:00",
                        "programs: [alpha-im]\ncapacity: 3\n"))
                .write("events/summer-session.md", EventPagesTest.event("Summer session", "2027-06-10T18:00", "2027-06-10T19:00", ""))
                .write("events/past-session.md", EventPagesTest.event("Past session", "2026-07-09T18:00", "2026-07-09T19:00", "capacity: 20\n"));
        try (TestSite site = TestSite.start(TestSite.monitored(edu.rush.gme.Settings.forFolders(content.dir(), Path.of("static"))))) {
            RegistrationService registrations = site.app().services().registrations();
            var small = site.app().store().snapshot().findAny(Event.TYPE, "small-room").orElseThrow();
            Registration first = null;
            for (int i = 1; i <= 5; i++) {
                Registration registration = registrations.register(small, new NewRegistration("small-room", "Applicant " + i,
                        "applicant" + i + "@example.org", ApplicantType.IMG, List.of(), null, false), "test").registration();
                first = first == null ? registration : first;
            }
            registrations.cancel(first.reference());

            assertThat(site.get("/readyz/events").raw().body()).as("in public, only the status").isEqualTo("{\"status\":\"ready\"}");
            TestSite.Response response = site.monitor("/readyz/events");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Cache-Control")).isEqualTo("no-store");
            assertThat(response.header("Content-Type")).startsWith("application/json");
            JsonNode body = json(response);
            assertThat(body.get("status").asText()).isEqualTo("ready");
            JsonNode events = body.get("events");
            assertThat(events).hasSize(3);
            JsonNode room = find(events, "small-room");
            assertThat(room.toString()).isEqualTo("{\"event\":\"small-room\",\"title\":\"Small room\",\"startsAt\":\"2026-12-08T18:00:00-06:00\","
                    + "\"capacity\":3,\"seatsLeft\":0,\"confirmed\":3,\"waitlisted\":1,\"cancelled\":1}");
            assertThat(find(events, "summer-session").toString()).isEqualTo("{\"event\":\"summer-session\",\"title\":\"Summer session\","
                    + "\"startsAt\":\"2027-06-10T18:00:00-05:00\",\"capacity\":null,\"seatsLeft\":null,\"confirmed\":0,\"waitlisted\":0,\"cancelled\":0}");
            assertThat(find(events, "past-session").toString()).contains("\"startsAt\":\"2026-07-09T18:00:00-05:00\"",
                    "\"capacity\":20,\"seatsLeft\":20,\"confirmed\":0");
            // The same numbers as the service's tallies.
            assertThat(registrations.tallies().get("small-room")).isEqualTo(new RegistrationService.Tally("small-room", 3, 0, 3, 1, 1));
            assertThat(site.get("/readyz").status()).isEqualTo(200);
        }
    }

    static JsonNode find(JsonNode events, String slug) {
        for (JsonNode event : events) {
            if (event.get("event").asText().equals(slug)) {
                return event;
            }
        }
        throw new AssertionError("no " + slug + " in " + events);
    }
}
