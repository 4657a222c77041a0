package org.uclg.learning.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record EnrollmentResponse(UUID id,
                                 UUID cohortId,
                                 UUID learnerId,
                                 EnrollmentStatus status,
                                 Instant createdAt,
                                 @Nullable Instant waitlistedAt,
                                 @Nullable Instant enrolledAt,
                                 @Nullable Instant completedAt,
                                 @Nullable Instant withdrawnAt,
                                 @Nullable Instant rejectedAt) {

    static EnrollmentResponse of(Enrollment e) {
        return new EnrollmentResponse(e.id(), e.cohortId(), e.learnerId(), e.status(), e.createdAt(), e.waitlistedAt(),
                e.enrolledAt(), e.completedAt(), e.withdrawnAt(), e.rejectedAt());
    }
}
