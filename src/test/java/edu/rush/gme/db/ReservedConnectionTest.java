package edu.rush.gme.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reserved connection belongs to its caller: its transactions never wait for the pool. */
class ReservedConnectionTest {

    private static final int SQLITE_POOL = 4;

    @Test
    void a_reserved_connection_commits_while_every_pooled_one_is_taken() {
        try (Database database = Database.open(DatabaseSettings.temporarySqlite())) {
            List<Database.Reserved> reserved = new ArrayList<>();
            try {
                for (int i = 0; i < SQLITE_POOL; i++) {
                    reserved.add(database.reserve());
                }
                // A pooled transaction would now wait five seconds and fail.
                assertThat(reserved.get(SQLITE_POOL - 1).inTransaction(ReservedConnectionTest::answer)).isEqualTo(1);
            } finally {
                reserved.forEach(Database.Reserved::close);
            }
        }
    }

    private static int answer(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT 1")) {
            row.next();
            return row.getInt(1);
        }
    }
}
