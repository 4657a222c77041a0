package org.uclg.learning.people;

import jakarta.inject.Singleton;
import org.uclg.learning.people.auth.SecurityProperties;
import org.uclg.learning.shared.KeyedRateLimit;

import java.time.Clock;
import java.time.Duration;

/**
 * How many password resets may be asked for per hour: per email address (keyed by the hash of the
 * normalised address, whether or not an account has it, so the limit says nothing about accounts)
 * and per client address. Token buckets refilled smoothly; kept per instance, like the verification
 * limit: behind N instances a client gets N times the limit.
 */
@Singleton
class ResetRateLimit {
    private final KeyedRateLimit perAddress;
    private final KeyedRateLimit perClient;

    ResetRateLimit(SecurityProperties security, Clock clock) {
        this.perAddress = new KeyedRateLimit(security.resetsPerAddressPerHour(), Duration.ofHours(1), "password reset requests", clock);
        this.perClient = new KeyedRateLimit(security.resetsPerClientPerHour(), Duration.ofHours(1), "password reset requests", clock);
    }

    /** Counts one request; 429 with Retry-After when the client or the email address has asked too often. */
    void check(String normalizedEmail, String client) {
        perClient.take(LoginThrottle.client(client));
        perAddress.take(LoginThrottle.accountKey(normalizedEmail));
    }
}
