package edu.rush.gme.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How many forms one visitor (one client address) may send: a token bucket per address (Bucket4j).
 * Only accepted submissions take a token: a form sent back with mistakes costs nothing.
 * <p>Where the buckets are kept is a {@link Buckets}: this process's memory ({@link #inMemory}, a
 * bounded Caffeine cache, so that a flood of addresses cannot fill it; SQLite, one server), or a
 * store every server on one database shares (PostgreSQL, {@code db/SharedBuckets}), so that requests
 * spread over several servers are limited as one. A shared store that cannot be reached throws (the
 * database's own exception): the caller answers as it does when it cannot store the submission,
 * which it could not do either.
 */
public final class SubmissionLimiter {

    /** The answer: allowed, or how long to wait. */
    public record Decision(boolean allowed, Duration retryAfter) {

        /** The wait in whole seconds, at least one (the Retry-After header). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        /** The wait in words: "a minute", "3 minutes". */
        public String waitText() {
            long minutes = Math.max(1, (retryAfter.toSeconds() + 59) / 60);
            return minutes == 1 ? "a minute" : minutes + " minutes";
        }
    }

    /** Where buckets are kept: takes one token from the bucket under this key, made with this configuration when new. */
    @FunctionalInterface
    public interface Buckets {
        ConsumptionProbe tryConsumeOne(String key, BucketConfiguration configuration);
    }

    private final String name;
    private final BucketConfiguration configuration;
    private final Buckets buckets;

    /** {@code capacity} submissions per {@code period}, refilled smoothly, named (the key's prefix in a shared store). */
    public SubmissionLimiter(String name, int capacity, Duration period, Buckets buckets) {
        this.name = name;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
        this.buckets = buckets;
    }

    /** Takes one token from this client's bucket (an IPv6 client's /64), if it has one. */
    public Decision tryAcquire(String client) {
        ConsumptionProbe probe = buckets.tryConsumeOne(name + ":" + ClientAddress.limitKey(client), configuration);
        return new Decision(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Buckets in this process's memory, forgotten two periods after their last use. */
    public static Buckets inMemory(Duration period, Clock clock) {
        TimeMeter time = timeMeter(clock);
        Cache<String, Bucket> cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period.multipliedBy(2)).build();
        return (key, configuration) -> cache.get(key, k -> Bucket.builder()
                .addLimit(configuration.getBandwidths()[0])
                .withCustomTimePrecision(time)
                .build()).tryConsumeAndReturnRemaining(1);
    }

    /** The clock as Bucket4j reads time (tests move it). */
    public static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
