package org.uclg.learning.certificates.verify;

import jakarta.inject.Singleton;
import org.uclg.learning.certificates.CertificatesProperties;
import org.uclg.learning.shared.KeyedRateLimit;

import java.time.Clock;
import java.time.Duration;

/**
 * At most {@code verify-per-minute} verifications per client address, as a token bucket refilled
 * smoothly over the minute (no burst of twice the limit around a minute boundary), so codes cannot
 * be guessed by brute force (80 random bits make that hopeless anyway) nor the page scraped. Kept
 * per instance: behind N instances a client gets N times the limit.
 */
@Singleton
class VerifyRateLimit {
    private final KeyedRateLimit limit;

    VerifyRateLimit(CertificatesProperties properties, Clock clock) {
        this.limit = new KeyedRateLimit(properties.verifyPerMinute(), Duration.ofMinutes(1), "verification requests", clock);
    }

    /** Counts one request of {@code client}; 429 with Retry-After when its bucket is empty. */
    void check(String client) {
        limit.take(client);
    }
}
