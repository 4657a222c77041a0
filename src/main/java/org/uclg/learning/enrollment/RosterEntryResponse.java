package org.uclg.learning.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One line of a cohort's roster, as its trainers, coordinators and admins see it. */
@Serdeable
public record RosterEntryResponse(UUID id,
                                  UUID cohortId,
                                  UUID learnerId,
                                  @Nullable String fullName,
                                  @Nullable String email,
                                  @Nullable String country,
                                  @Nullable String organization,
                                  EnrollmentStatus status,
                                  Instant createdAt,
                                  @Nullable Instant waitlistedAt,
                                  @Nullable Instant enrolledAt) {
}
