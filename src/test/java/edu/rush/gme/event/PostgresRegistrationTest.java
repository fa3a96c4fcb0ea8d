package edu.rush.gme.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.PostgresServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capacity with two servers on one PostgreSQL, as production may run: registrations split across
 * both at the same moment never take more seats than the event has, the waitlist keeps the order the
 * database took them in, one address is one registration whichever server it reaches, and a seat
 * cancelled on one server while the other registers goes to the first person waiting, once
 * ({@link CapacityRaces}).
 *
 * <p>The registrations go through each server's {@link RegistrationService} from many threads (the
 * HTTP registration API is another branch's work); what keeps the capacity is the database alone,
 * as no Java lock is shared by two servers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresRegistrationTest {

    @TempDir
    static Path temp;

    private static PostgresServer postgres;
    private static TestSite one;
    private static TestSite two;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        Settings settings = TestSite.monitored(Settings.forFolders(rooms(temp, "burst", "same-person", "cancel-and-register").dir(), Path.of("static"))
                .withDatabase(postgres.settings()));
        one = TestSite.start(settings);
        two = TestSite.start(settings);
    }

    /** Events with ten seats each, one per race. */
    static ContentFixture rooms(Path parent, String... slugs) {
        ContentFixture content = ContentFixture.minimal(parent)
                .program("alpha-im", "residency", "Internal Medicine", 3, "[J-1]", true, 5, false, "virtual", "2027-10-15", null);
        for (String slug : slugs) {
            content.write("events/" + slug + ".md", EventPagesTest.event("Room " + slug, "2026-12-08T18:00", "2026-12-08T19:00",
                    "programs: [alpha-im]\ncapacity: " + CapacityRaces.CAPACITY + "\n"));
        }
        return content;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {one, two, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
    }

    @Test
    @Order(1)
    void fifty_at_once_across_two_servers_for_ten_seats_confirm_exactly_ten_and_queue_the_rest_in_arrival_order() throws Exception {
        CapacityRaces.fiftyAtOnce(one, two, "burst");
        for (TestSite site : List.of(one, two)) {
            JsonNode burst = ReadyEventsTest.find(ReadyEventsTest.json(site.monitor("/readyz/events")).get("events"), "burst");
            assertThat(burst.toString()).contains("\"capacity\":10,\"seatsLeft\":0,\"confirmed\":10,\"waitlisted\":40,\"cancelled\":0");
        }
    }

    @Test
    @Order(2)
    void the_same_address_at_both_servers_at_once_is_one_registration() throws Exception {
        CapacityRaces.sameAddressAtOnce(one, two, "same-person");
    }

    @Test
    @Order(3)
    void seats_cancelled_on_one_server_while_the_other_registers_go_to_the_first_waiting_once_and_never_beyond_the_capacity() throws Exception {
        CapacityRaces.cancelWhileOthersRegister(one, two, "cancel-and-register");
    }

    @Test
    @Order(4)
    void the_counts_answer_503_while_the_database_is_down() {
        postgres.stopServer();
        try {
            TestSite.Response down = one.get("/readyz/events");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.header("Cache-Control")).isEqualTo("no-store");
            assertThat(down.raw().body()).isEqualTo("{\"status\":\"database unreachable\"}");
        } finally {
            postgres.startServer();
        }
    }
}
