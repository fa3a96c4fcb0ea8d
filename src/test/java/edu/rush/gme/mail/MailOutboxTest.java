package edu.rush.gme.mail;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.db.Database;
import edu.rush.gme.db.DatabaseSettings;
import edu.rush.gme.db.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class MailOutboxTest {

    @Test
    void waits_longer_after_each_failure_but_never_more_than_six_hours() {
        assertThat(IntStream.rangeClosed(1, 12).mapToObj(MailOutbox::pauseAfter).map(Duration::toMinutes).toList())
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 360L, 360L, 360L);
    }

    @Test
    void keeps_trying_for_about_a_day() {
        Duration total = IntStream.range(1, MailOutbox.MAX_ATTEMPTS).mapToObj(MailOutbox::pauseAfter).reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(30));
    }

    @Test
    void messages_waiting_in_sqlite_before_the_upgrade_get_message_tokens_of_their_own() throws SQLException {
        assertWaitingMessagesGetTokens(DatabaseSettings.temporarySqlite());
    }

    @Test
    void messages_waiting_in_postgresql_before_the_upgrade_get_message_tokens_of_their_own() throws SQLException {
        try (PostgresServer postgres = PostgresServer.start()) {
            assertWaitingMessagesGetTokens(postgres.settings());
        }
    }

    /** Two messages written by the version before Message-IDs (schema 3), then the upgrade. */
    private static void assertWaitingMessagesGetTokens(DatabaseSettings settings) throws SQLException {
        Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration/" + settings.dialect().name().toLowerCase(Locale.ROOT))
                .target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < 2; i++) {
                statement.executeUpdate("INSERT INTO mail_outbox (created_at, recipient, subject, body, next_attempt_at)"
                        + " VALUES ('2026-11-27T18:00:00Z', 'im-coordinator@example.org', 'A question', 'Hello', '2026-11-27T18:00:00Z')");
            }
        }
        try (Database database = Database.open(settings)) {
            assertThat(tokens(database)).hasSize(2).doesNotHaveDuplicates().allMatch(token -> token.matches("[0-9a-f]{16}"));
        }
    }

    private static List<String> tokens(Database database) {
        return database.inTransaction(connection -> {
            List<String> tokens = new ArrayList<>();
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery("SELECT message_token FROM mail_outbox")) {
                while (row.next()) {
                    tokens.add(row.getString(1));
                }
            }
            return tokens;
        });
    }
}
