package org.uclg.learning.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code permits} requests per {@code period} for each key (a client address, a hashed
 * email address), as Bucket4j token buckets refilled smoothly over the period (no burst of twice the
 * limit around a period boundary), timed by the service's clock. Kept in memory per instance: behind
 * N instances a key gets N times the limit. Above {@link #MAX_KEYS} tracked keys the table starts
 * afresh, so a flood of keys cannot exhaust memory.
 */
public final class KeyedRateLimit {
    static final int MAX_KEYS = 50_000;
    private final int permits;
    private final Duration period;
    private final String what;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code what} names the requests in the 429 ("too many {what}; try again in N s"). */
    public KeyedRateLimit(int permits, Duration period, String what, Clock clock) {
        this.permits = permits;
        this.period = period;
        this.what = what;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Counts one request of {@code key}; 429 with Retry-After when its bucket is empty. */
    public void take(String key) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(permits).refillGreedy(permits, period).build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new TooManyRequestsException("too many " + what + "; try again in " + seconds + " s", Duration.ofSeconds(seconds));
        }
    }
}
