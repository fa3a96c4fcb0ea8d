package edu.rush.gme.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The submission limit shared through PostgreSQL outlives the server cutting its connections. */
class SharedBucketsTest {

    private static PostgresServer postgres;
    private static Database database;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        database = Database.open(postgres.settings());
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_token_is_taken_on_a_new_connection_when_the_server_has_cut_the_pooled_ones() throws Exception {
        SharedBuckets buckets = new SharedBuckets(database, TimeMeter.SYSTEM_MILLISECONDS);
        BucketConfiguration five = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofMinutes(10)))
                .build();
        assertThat(buckets.tryConsumeOne("visitor", five).getRemainingTokens()).isEqualTo(4);

        // The server ends every other session at once (as a restart or an administrator does); the
        // pool's connections, used a moment ago, are handed out again without a check.
        try (Connection admin = DriverManager.getConnection(postgres.settings().url(), postgres.settings().user(), null);
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE pid <> pg_backend_pid() AND datname = current_database()");
        }

        assertThat(buckets.tryConsumeOne("visitor", five).getRemainingTokens()).as("taken on a fresh connection").isEqualTo(3);
    }
}
