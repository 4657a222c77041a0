package org.uclg.learning.people;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Singleton;
import org.uclg.learning.people.auth.SecurityProperties;
import org.uclg.learning.shared.TooManyRequestsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many password resets may be asked for per hour: per email address (keyed by the hash of the
 * normalised address, whether or not an account has it, so the limit says nothing about accounts)
 * and per client address. Token buckets refilled smoothly; kept per instance, like the verification
 * limit: behind N instances a client gets N times the limit.
 */
@Singleton
class ResetRateLimit {
    private static final int MAX_KEYS = 50_000;
    private final int perAddress;
    private final int perClient;
    private final TimeMeter time;
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();

    ResetRateLimit(SecurityProperties security, Clock clock) {
        this.perAddress = security.resetsPerAddressPerHour();
        this.perClient = security.resetsPerClientPerHour();
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

    /** Counts one request; 429 with Retry-After when the client or the email address has asked too often. */
    void check(String normalizedEmail, String client) {
        take(clients, LoginThrottle.client(client), perClient);
        take(addresses, LoginThrottle.accountKey(normalizedEmail), perAddress);
    }

    private void take(Map<String, Bucket> buckets, String key, int perHour) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
            throw new TooManyRequestsException("too many password reset requests; try again in " + seconds + " s",
                    Duration.ofSeconds(seconds));
        }
    }
}
