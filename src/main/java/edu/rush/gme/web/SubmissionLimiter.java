package edu.rush.gme.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How many forms one visitor (one client address) may send: a token bucket per address (Bucket4j),
 * kept in a bounded Caffeine cache so that a flood of addresses cannot fill the memory. Only
 * accepted submissions take a token: a form sent back with mistakes costs nothing.
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

    private final Cache<String, Bucket> buckets;
    private final int capacity;
    private final Duration period;
    private final TimeMeter time;

    /** {@code capacity} submissions per {@code period}, refilled smoothly; times read from the clock. */
    public SubmissionLimiter(int capacity, Duration period, Clock clock) {
        this.capacity = capacity;
        this.period = period;
        this.time = new TimeMeter() {
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
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period.multipliedBy(2)).build();
    }

    /** Takes one token from this client's bucket (an IPv6 client's /64), if it has one. */
    public Decision tryAcquire(String client) {
        Bucket bucket = buckets.get(ClientAddress.limitKey(client), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
