package edu.rush.gme;

import edu.rush.gme.db.Database;
import edu.rush.gme.db.SharedBuckets;
import edu.rush.gme.web.SubmissionLimiter;
import java.time.Clock;
import java.time.Duration;

/**
 * The site's submission limits, each named: kept in memory over SQLite (one server per file), and in
 * the database over PostgreSQL, where every server on it counts in the same buckets (docs/architecture.md,
 * "Several servers on one database").
 */
final class Limits {

    private Limits() {
    }

    static SubmissionLimiter of(String name, int capacity, Duration period, Database database, Clock clock) {
        SubmissionLimiter.Buckets buckets = database.dialect() == Database.Dialect.POSTGRESQL
                ? new SharedBuckets(database, SubmissionLimiter.timeMeter(clock))::tryConsumeOne
                : SubmissionLimiter.inMemory(period, clock);
        return new SubmissionLimiter(name, capacity, period, buckets);
    }
}
