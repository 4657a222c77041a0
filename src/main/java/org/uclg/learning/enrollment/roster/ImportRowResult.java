package org.uclg.learning.enrollment.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened (or, in a dry run, would happen) to one row: {@code outcome} is ENROLLED,
 * WAITLISTED, SKIPPED (already holds a place) or ERROR; {@code field} names the bad column. For an
 * account the import created, {@code claimToken} is the one-time token its owner claims it with
 * ({@code POST /api/v1/auth/claim}), shown this once, to the importer, to pass on; it expires at
 * {@code claimExpiresAt}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportRowResult(int row, String email, ImportOutcome outcome, String message, @Nullable String field,
                              boolean accountCreated, @Nullable UUID enrollmentId, @Nullable String claimToken,
                              @Nullable Instant claimExpiresAt) {
}
