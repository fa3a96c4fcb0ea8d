package edu.rush.gme.changes;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import edu.rush.gme.db.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change journal on a real PostgreSQL server, with two servers recording at once, as production may run it. */
class PostgresChangesTest {

    @TempDir
    static Path temp;

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void two_servers_record_each_edit_delete_and_addition_once_and_a_restart_repeats_nothing() throws Exception {
        ContentFixture content = ChangesApiTest.content(temp);
        Settings settings = Settings.forFolders(content.dir(), Path.of("static")).withDatabase(postgres.settings());
        String token;
        try (TestSite one = TestSite.start(settings); TestSite two = TestSite.start(settings)) {
            ChangesApiTest.Answer first = ChangesApiTest.changes(one, null);
            assertThat(first.entries()).containsExactly("created news/alpha", "created news/beta", "created news/omega", "created pages/about");
            assertThat(ChangesApiTest.changes(two, null).json()).isEqualTo(first.json());
            token = first.next();

            content.news("alpha", "2026-11-20", "Alpha story, corrected");
            Files.delete(content.dir().resolve("news/beta.md"));
            content.news("epsilon", "2026-11-26", "Epsilon story");
            Thread a = new Thread(() -> one.app().store().reload());
            Thread b = new Thread(() -> two.app().store().reload());
            a.start();
            b.start();
            a.join();
            b.join();
            List<String> expected = List.of("updated news/alpha", "deleted news/beta", "created news/epsilon");
            assertThat(ChangesApiTest.changes(two, token).entries()).containsExactlyElementsOf(expected);
            assertThat(ChangesApiTest.changes(one, token).entries()).containsExactlyElementsOf(expected);
        }
        try (TestSite again = TestSite.start(settings)) {
            assertThat(ChangesApiTest.changes(again, token).entries()).containsExactly("updated news/alpha", "deleted news/beta", "created news/epsilon");
            String last = ChangesApiTest.changes(again, token).next();
            assertThat(ChangesApiTest.changes(again, last).entries()).isEmpty();
        }
    }
}
