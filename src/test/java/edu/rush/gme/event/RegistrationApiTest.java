package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.MutableClock;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/events/{slug}/registrations}: the same registrations for other front ends,
 * with problem documents; never the join link or the registrant's link. And seats left, live, in
 * the content API's events.
 */
class RegistrationApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    final MutableClock clock = new MutableClock(ContentFixture.CLOCK.instant());
    private TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.start(Settings.forFolders(RegistrationPagesTest.content(temp).dir(), Path.of("static")), clock);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    static String person(String name, String email) {
        return "{\"name\": \"" + name + "\", \"email\": \"" + email + "\", \"applicantType\": \"us-do\", \"programs\": [\"alpha-im\", \"beta-peds\"],"
                + " \"accessibility\": \"Captions\"}";
    }

    TestSite.Response register(String event, String body) {
        return site.postJson("/api/v1/events/" + event + "/registrations", "application/json", body);
    }

    static JsonNode json(TestSite.Response response) throws Exception {
        return JSON.readTree(response.raw().body());
    }

    static void assertNoSecrets(TestSite.Response response) {
        assertThat(response.raw().body()).doesNotContain(EventPagesTest.JOIN).doesNotContain("secret-room").doesNotContain("/registrations/")
                .doesNotContain("eyJ");
        assertThat(String.valueOf(response.raw().headers().map())).doesNotContain("/registrations/").doesNotContain("eyJ");
    }

    @Test
    void registers_confirmed_then_waitlisted_and_the_same_address_again_is_the_same_registration() throws Exception {
        TestSite.Response first = register("small-room", person("Ada", "ada@example.org"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/events/small-room");
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = json(first);
        assertThat(body.get("reference").asText()).matches("R-[0-9A-Z]{8}");
        assertThat(body.get("event").asText()).isEqualTo("small-room");
        assertThat(body.get("status").asText()).isEqualTo("confirmed");
        assertThat(body.has("position")).isFalse();
        assertThat(body.get("registeredAt").asText()).isEqualTo("2026-11-27T12:00:00-06:00");
        assertThat(body.get("created").asBoolean()).isTrue();
        assertNoSecrets(first);
        Registration stored = site.app().services().registrations().find(body.get("reference").asText()).orElseThrow();
        assertThat(stored.channel()).isEqualTo("api");
        assertThat(stored.programs()).containsExactly("alpha-im", "beta-peds");
        assertThat(stored.accessibility()).isEqualTo("Captions");

        assertThat(register("small-room", person("Bea", "bea@example.org")).status()).isEqualTo(201);
        TestSite.Response third = register("small-room", person("Cy", "cy@example.org"));
        assertThat(third.status()).isEqualTo(201);
        assertThat(json(third).get("status").asText()).isEqualTo("waitlisted");
        assertThat(json(third).get("position").asInt()).isEqualTo(1);
        assertNoSecrets(third);

        TestSite.Response again = register("small-room", person("Ada Again", "ADA@example.org"));
        assertThat(again.status()).isEqualTo(200);
        JsonNode same = json(again);
        assertThat(same.get("created").asBoolean()).isFalse();
        // Nothing of that registration: anyone may type anyone's address.
        assertThat(same.has("reference")).isFalse();
        assertThat(same.has("status")).isFalse();
        assertThat(again.raw().body()).doesNotContain(body.get("reference").asText());
        assertNoSecrets(again);
        assertThat(site.app().services().registrations().list("small-room")).hasSize(3);
    }

    @Test
    void refusals_are_problem_documents() throws Exception {
        TestSite.Response wrongType = site.postJson("/api/v1/events/small-room/registrations", "text/plain", person("Ada", "ada@example.org"));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.header("Content-Type")).startsWith("application/problem+json");

        assertThat(register("small-room", "{not json").status()).isEqualTo(400);
        assertThat(register("small-room", "[1, 2]").status()).isEqualTo(400);

        TestSite.Response invalid = register("small-room", "{\"name\": \"\", \"email\": \"x\", \"applicantType\": \"astronaut\", \"programs\": [\"nope\"]}");
        assertThat(invalid.status()).isEqualTo(422);
        JsonNode problem = json(invalid);
        assertThat(problem.get("title").asText()).isEqualTo("Invalid registration");
        assertThat(problem.get("detail").asText()).isEqualTo("4 fields need attention");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("name", "email", "applicantType", "programs");
        assertThat(json(register("small-room", "{\"name\": \"Ada\", \"email\": \"ada@example.org\", \"applicantType\": \"img\"}"))
                .get("status").asText()).as("programs and accessibility are optional").isEqualTo("confirmed");
        JsonNode types = json(register("small-room", "{\"name\": 5, \"email\": \"b@example.org\", \"applicantType\": \"img\", \"programs\": \"alpha-im\"}"));
        assertThat(types.get("status").asInt()).isEqualTo(422);
        assertThat(types.get("errors").findValuesAsText("field")).containsExactly("name", "programs");

        TestSite.Response unknown = register("no-such-event", person("Ada", "ada@example.org"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).contains("no-such-event");

        TestSite.Response early = register("later-talk", person("Ada", "ada@example.org"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(json(early).get("detail").asText()).isEqualTo("Registration opens Tuesday, December 1, 2026, 9:00 AM CST.");
        assertThat(json(early).get("registration").asText()).isEqualTo("not-yet-open");
        assertThat(json(register("summer-q-and-a", person("Ada", "ada@example.org"))).get("registration").asText()).isEqualTo("over");
        assertThat(json(register("cancelled-talk", person("Ada", "ada@example.org"))).get("registration").asText()).isEqualTo("cancelled");
        assertThat(site.get("/api/v1/events/small-room/registrations").status()).as("no GET: nobody lists registrations").isIn(404, 405);
    }

    @Test
    void too_many_from_one_address_get_429_with_retry_after() {
        for (int i = 0; i < RegistrationController.PER_ADDRESS; i++) {
            assertThat(register("small-room", person("P" + i, "p" + i + "@example.org")).status()).isEqualTo(201);
        }
        TestSite.Response refused = register("small-room", person("Ada", "ada@example.org"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 120);
    }

    @Test
    void the_database_down_is_a_503_problem() throws Exception {
        site.app().services().database().close();
        TestSite.Response down = register("small-room", person("Ada", "ada@example.org"));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("120");
        assertThat(json(down).get("title").asText()).isEqualTo("Registration not stored");
    }

    @Test
    void the_content_api_counts_seats_left_live_and_never_serves_a_stale_count() throws Exception {
        TestSite.Response before = site.get("/api/v1/events/small-room");
        assertThat(before.status()).isEqualTo(200);
        assertThat(json(before).get("capacity").asInt()).isEqualTo(2);
        assertThat(json(before).get("seatsLeft").asInt()).isEqualTo(2);
        assertThat(before.header("Cache-Control")).isEqualTo("no-cache");
        String etag = before.header("ETag");
        assertThat(etag).isNotNull();
        assertThat(site.get("/api/v1/events/small-room", "If-None-Match", etag).status()).as("unchanged: 304").isEqualTo(304);
        assertThat(json(site.get("/api/v1/events/later-talk")).get("seatsLeft").isNull()).as("no limit").isTrue();

        register("small-room", person("Ada", "ada@example.org"));
        TestSite.Response after = site.get("/api/v1/events/small-room", "If-None-Match", etag);
        assertThat(after.status()).as("a seat taken changes the answer and its ETag").isEqualTo(200);
        assertThat(json(after).get("seatsLeft").asInt()).isEqualTo(1);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        JsonNode list = json(site.get("/api/v1/events"));
        for (JsonNode item : list.get("items")) {
            assertThat(item.has("seatsLeft")).as(item.get("slug").asText()).isTrue();
        }
        assertThat(list.findValues("seatsLeft").stream().filter(JsonNode::isInt).map(JsonNode::asInt).toList()).containsExactly(1);
        assertThat(site.get("/api/v1/events").raw().body()).doesNotContain(EventPagesTest.JOIN);

        TestSite.Response titles = site.get("/api/v1/events?fields=title");
        assertThat(titles.header("Cache-Control")).as("without live members an answer is cached as before").isEqualTo("public, max-age=60");
        assertThat(titles.raw().body()).doesNotContain("seatsLeft");
        assertThat(site.get("/api/v1/schemas/events").raw().body()).contains("\"seatsLeft\"");

        site.app().services().database().close();
        TestSite.Response down = site.get("/api/v1/events/small-room");
        assertThat(down.status()).as("the database down leaves the count out, not the answer").isEqualTo(200);
        assertThat(json(down).has("seatsLeft")).isFalse();
        assertThat(json(down).get("capacity").asInt()).isEqualTo(2);
    }
}
