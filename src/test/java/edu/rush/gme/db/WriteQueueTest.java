package edu.rush.gme.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * SQLite's writes that come at once are committed together ({@link Database#inWriteTransaction}):
 * each caller still gets its own result or its own failure, and a work that fails leaves nothing
 * behind while the others in its commit are kept.
 */
class WriteQueueTest {

    @Test
    void writes_at_once_each_get_their_own_result_and_a_failing_one_is_rolled_back_alone() throws Exception {
        try (Database database = Database.open(DatabaseSettings.temporarySqlite())) {
            database.inTransaction(connection -> {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE queued (n INTEGER NOT NULL UNIQUE)");
                }
                return null;
            });
            ExecutorService pool = Executors.newFixedThreadPool(24);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return database.inWriteTransaction(connection -> {
                        insert(connection, n);
                        if (n % 3 == 0) {
                            insert(connection, 1000 + n);
                            insert(connection, n);  // broken UNIQUE: this work fails after two inserts
                        }
                        if (n % 5 == 0) {
                            throw new IllegalStateException("work " + n + " gives up");
                        }
                        return n * 2;
                    });
                }));
            }
            go.countDown();
            for (int i = 0; i < futures.size(); i++) {
                int n = i;
                if (n % 3 == 0) {
                    assertThatThrownBy(() -> futures.get(n).get()).hasCauseInstanceOf(DatabaseException.class)
                            .hasMessageContaining("UNIQUE");
                } else if (n % 5 == 0) {
                    assertThatThrownBy(() -> futures.get(n).get()).hasCauseInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("work " + n + " gives up");
                } else {
                    assertThat(futures.get(n).get()).isEqualTo(n * 2);
                }
            }
            pool.shutdown();
            List<Integer> stored = database.inTransaction(connection -> {
                List<Integer> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT n FROM queued ORDER BY n");
                     ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(row.getInt(1));
                    }
                }
                return rows;
            });
            assertThat(stored).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 48)
                    .filter(n -> n % 3 != 0 && n % 5 != 0).boxed().toList());
        }
    }

    private static void insert(java.sql.Connection connection, int n) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO queued (n) VALUES (?)")) {
            insert.setInt(1, n);
            insert.executeUpdate();
        }
    }
}
