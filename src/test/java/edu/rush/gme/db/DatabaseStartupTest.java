package edu.rush.gme.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.rush.gme.App;
import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database opens by itself shortly after start-up, creating its file and folder; a bad one says why. */
class DatabaseStartupTest {

    @TempDir
    Path temp;

    @Test
    void opens_by_itself_after_start_up_and_creates_the_sqlite_file() throws Exception {
        Path file = temp.resolve("nested/folder/gme.db");
        Settings settings = Settings.forFolders(ContentFixture.minimal(temp).dir(), Path.of("static"))
                .withDatabase(new DatabaseSettings("jdbc:sqlite:" + file, null, null));
        App app = App.create(settings, ContentFixture.CLOCK).start();
        try {
            app.services().database().opened().get(20, TimeUnit.SECONDS);
            assertThat(app.services().database().isReachable()).isTrue();
            assertThat(file).exists();
        } finally {
            app.stop();
        }
    }

    @Test
    void a_database_that_cannot_be_opened_says_why() {
        Path notAFolder = temp.resolve("file");
        try (Database database = Database.open(new DatabaseSettings("jdbc:sqlite:" + notAFolder + "/gme.db", null, null))) {
            Files.writeString(notAFolder, "in the way");
            assertThatThrownBy(database::awaitOpen).isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("the database could not be opened: cannot create the folder for the database file");
            assertThat(database.isReachable()).isFalse();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_closed_database_never_opens_later() throws Exception {
        Path file = temp.resolve("never/gme.db");
        Database database = Database.open(new DatabaseSettings("jdbc:sqlite:" + file, null, null));
        database.openLater(java.time.Duration.ZERO);
        database.close();
        Thread.sleep(300);
        assertThat(database.isReachable()).isFalse();
        assertThatThrownBy(database::awaitOpen).hasMessage("the database is closed");
    }
}
