package org.uclg.learning.enrollment;

import org.uclg.learning.cohorts.CohortKind;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrollment reached COMPLETED. Published after the transaction commits, so a listener (the
 * certificates feature) never sees a completion that was rolled back.
 */
public record EnrollmentCompleted(UUID enrollmentId, UUID cohortId, UUID learnerId, String moduleCode,
                                  CohortKind cohortKind, String language, Instant completedAt) {
}
