package org.uclg.learning.enrollment;

import org.uclg.learning.cohorts.CohortKind;

import java.time.Instant;
import java.util.UUID;

/**
 * An enrollment reached COMPLETED. Published inside the completing transaction; listen with
 * {@code @TransactionalEventListener} (after commit), so a listener never sees a completion that was
 * rolled back. Work that must commit with the completion is a {@link CompletionHook} instead.
 */
public record EnrollmentCompleted(UUID enrollmentId, UUID cohortId, UUID learnerId, String moduleCode,
                                  CohortKind cohortKind, String language, Instant completedAt) {
}
