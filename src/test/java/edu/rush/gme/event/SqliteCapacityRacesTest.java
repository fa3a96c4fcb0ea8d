package edu.rush.gme.event;

import edu.rush.gme.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race {@link RegistrationCapacityTest} does not run on SQLite (its cancellations come one by
 * one): seats cancelled while others register at the same moment, on the one server SQLite allows.
 */
class SqliteCapacityRacesTest {

    @TempDir
    Path temp;

    @Test
    void seats_cancelled_while_others_register_go_to_the_first_waiting_once_and_never_beyond_the_capacity() throws Exception {
        try (TestSite site = TestSite.start(PostgresRegistrationTest.rooms(temp, "cancel-and-register").dir())) {
            CapacityRaces.cancelWhileOthersRegister(site, site, "cancel-and-register");
        }
    }
}
