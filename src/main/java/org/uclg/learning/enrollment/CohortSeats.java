package org.uclg.learning.enrollment;

import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.shared.SeatLock;

import java.time.Instant;
import java.util.UUID;

/** The seats of a cohort as enrollments hold them: the cohort owns and locks them, enrollments fill them. */
@Singleton
public class CohortSeats {
    private final CohortsApi cohorts;
    private final EnrollmentRepository enrollments;
    private final EnrollmentNotices notices;

    CohortSeats(CohortsApi cohorts, EnrollmentRepository enrollments, EnrollmentNotices notices) {
        this.cohorts = cohorts;
        this.enrollments = enrollments;
        this.notices = notices;
    }

    /** Locks the cohort's seats for the rest of the transaction (404 when there is no such cohort). */
    public SeatLock lock(UUID cohortId) {
        return cohorts.lockSeats(cohortId);
    }

    /** Moves the oldest waitlisted learners into the free seats, under the lock, and tells each of them. */
    void promoteWaitlisted(SeatLock lock, UUID cohortId, Instant now) {
        lock.promoteWaitlisted(() -> enrollments.findOldestWaitlisted(cohortId),
                waitingId -> notices.promoted(enrollments.update(enrollments.findById(waitingId).orElseThrow().promote(now))));
    }
}
