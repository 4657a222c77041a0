package org.uclg.learning.certificates.verify;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Singleton;
import org.uclg.learning.certificates.CertificatesProperties;
import org.uclg.learning.shared.TooManyRequestsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code verify-per-minute} verifications per client address, as a token bucket refilled
 * smoothly over the minute (no burst of twice the limit around a minute boundary), so codes cannot
 * be guessed by brute force (80 random bits make that hopeless anyway) nor the page scraped. Kept
 * per instance: behind N instances a client gets N times the limit.
 */
@Singleton
class VerifyRateLimit {
    /** Above this many tracked addresses the table starts afresh, so a flood of addresses cannot exhaust memory. */
    private static final int MAX_CLIENTS = 50_000;
    private final int perMinute;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    VerifyRateLimit(CertificatesProperties properties, Clock clock) {
        this.perMinute = properties.verifyPerMinute();
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

    /** Counts one request of {@code client}; 429 with Retry-After when its bucket is empty. */
    void check(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new TooManyRequestsException("too many verification requests; try again in " + seconds + " s",
                    Duration.ofSeconds(seconds));
        }
    }
}
