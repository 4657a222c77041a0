package org.uclg.learning.certificates;

import jakarta.inject.Singleton;
import org.uclg.learning.shared.TooManyRequestsException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code verify-per-minute} verifications per client address and minute, so codes cannot
 * be guessed by brute force (80 random bits make that hopeless anyway) nor the page scraped. Kept
 * per instance: behind N instances a client gets N times the limit, which is enough for this purpose.
 */
@Singleton
class VerifyRateLimit {
    private final int perMinute;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    VerifyRateLimit(CertificatesProperties properties, Clock clock) {
        this.perMinute = properties.verifyPerMinute();
        this.clock = clock;
    }

    void check(String client) {
        long now = clock.instant().toEpochMilli();
        long minute = now / 60_000;
        if (windows.size() > 50_000) {
            windows.values().removeIf(w -> w[0] != minute);
        }
        long[] window = windows.compute(client, (k, w) -> w == null || w[0] != minute ? new long[]{minute, 1} : new long[]{minute, w[1] + 1});
        if (window[1] > perMinute) {
            long secondsLeft = 60 - (now / 1000) % 60;
            throw new TooManyRequestsException("too many verification requests; try again in a minute", Duration.ofSeconds(secondsLeft));
        }
    }
}
