package org.uclg.learning.people;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * An account created for someone else, and the one-time token with which its owner claims it
 * (sets a password at {@code POST /api/v1/auth/claim}). The token is shown once, to the creator.
 */
@Serdeable
public record Invitation(UUID userId, String claimToken, Instant claimExpiresAt) {
}
