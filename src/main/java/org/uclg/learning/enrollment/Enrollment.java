package org.uclg.learning.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.uclg.learning.shared.ConflictException;

import java.time.Instant;
import java.util.UUID;

import static org.uclg.learning.enrollment.EnrollmentStatus.APPLIED;
import static org.uclg.learning.enrollment.EnrollmentStatus.COMPLETED;
import static org.uclg.learning.enrollment.EnrollmentStatus.ENROLLED;
import static org.uclg.learning.enrollment.EnrollmentStatus.REJECTED;
import static org.uclg.learning.enrollment.EnrollmentStatus.WAITLISTED;
import static org.uclg.learning.enrollment.EnrollmentStatus.WITHDRAWN;

/**
 * A learner's place in a cohort. Every state change is a method returning the next record, and
 * refuses (409) a change the lifecycle does not allow. Whether a seat is free is decided by the
 * caller under the cohort's seat lock and passed in.
 */
@MappedEntity("enrollments")
public record Enrollment(@Id UUID id,
                  UUID cohortId,
                  UUID learnerId,
                  EnrollmentStatus status,
                  @Nullable UUID enrolledBy,
                  Instant createdAt,
                  @Nullable Instant waitlistedAt,
                  @Nullable Instant enrolledAt,
                  @Nullable Instant completedAt,
                  @Nullable Instant withdrawnAt,
                  @Nullable Instant rejectedAt,
                  Instant updatedAt) {

    /** An application to a cohort that selects its learners. */
    static Enrollment apply(UUID cohortId, UUID learnerId, @Nullable UUID by, Instant now) {
        return new Enrollment(UUID.randomUUID(), cohortId, learnerId, APPLIED, by, now, null, null, null, null, null, now);
    }

    /** A direct place: seated when a seat was free, otherwise at the back of the waitlist. */
    public static Enrollment place(UUID cohortId, UUID learnerId, boolean seated, @Nullable UUID by, Instant now) {
        return new Enrollment(UUID.randomUUID(), cohortId, learnerId, seated ? ENROLLED : WAITLISTED, by, now,
                seated ? null : now, seated ? now : null, null, null, null, now);
    }

    /** APPLIED → ENROLLED when a seat is free, else WAITLISTED. */
    Enrollment accept(boolean seatFree, Instant now) {
        require(APPLIED, "accept");
        return seatFree ? with(ENROLLED, waitlistedAt, now, completedAt, withdrawnAt, rejectedAt, now)
                : with(WAITLISTED, now, enrolledAt, completedAt, withdrawnAt, rejectedAt, now);
    }

    /** APPLIED → REJECTED. */
    Enrollment reject(Instant now) {
        require(APPLIED, "reject");
        return with(REJECTED, waitlistedAt, enrolledAt, completedAt, withdrawnAt, now, now);
    }

    /** WAITLISTED → ENROLLED, when a seat frees up. */
    Enrollment promote(Instant now) {
        require(WAITLISTED, "promote");
        return with(ENROLLED, waitlistedAt, now, completedAt, withdrawnAt, rejectedAt, now);
    }

    /** ENROLLED → COMPLETED; the seat stays taken (the learner was part of the cohort). */
    Enrollment complete(Instant now) {
        require(ENROLLED, "complete");
        return with(COMPLETED, waitlistedAt, enrolledAt, now, withdrawnAt, rejectedAt, now);
    }

    /** ENROLLED → WITHDRAWN; the seat is freed. */
    Enrollment withdraw(Instant now) {
        require(ENROLLED, "withdraw");
        return with(WITHDRAWN, waitlistedAt, enrolledAt, completedAt, now, rejectedAt, now);
    }

    public boolean holdsSeat() {
        return status.holdsSeat();
    }

    private void require(EnrollmentStatus expected, String action) {
        if (status != expected) {
            throw new ConflictException("invalid-transition",
                    "cannot " + action + " an enrollment that is " + status + "; only " + expected + " can be", "status");
        }
    }

    private Enrollment with(EnrollmentStatus next, @Nullable Instant waitlisted, @Nullable Instant enrolled,
                            @Nullable Instant completed, @Nullable Instant withdrawn, @Nullable Instant rejected, Instant now) {
        return new Enrollment(id, cohortId, learnerId, next, enrolledBy, createdAt, waitlisted, enrolled, completed,
                withdrawn, rejected, now);
    }
}
