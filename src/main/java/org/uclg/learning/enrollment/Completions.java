package org.uclg.learning.enrollment;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortKind;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;

import java.time.Instant;
import java.util.List;

/**
 * ENROLLED → COMPLETED, however it comes (by hand or by the completion rule). Inside the completing
 * transaction: a TOT cohort certifies its learner as a trainer, and every {@link CompletionHook}
 * runs (certificates queue their job). {@link EnrollmentCompleted} is published in the transaction
 * too; its listeners are {@code @TransactionalEventListener}s, so they hear of it only after commit.
 */
@Singleton
class Completions {
    private final EnrollmentRepository enrollments;
    private final CohortsApi cohorts;
    private final ApplicationEventPublisher<EnrollmentCompleted> events;
    private final List<CompletionHook> hooks;

    Completions(EnrollmentRepository enrollments, CohortsApi cohorts, ApplicationEventPublisher<EnrollmentCompleted> events,
                List<CompletionHook> hooks) {
        this.enrollments = enrollments;
        this.cohorts = cohorts;
        this.events = events;
        this.hooks = List.copyOf(hooks);
    }

    /** Completes an enrollment whose row the caller has locked. */
    Enrollment complete(Enrollment locked, Instant now) {
        Enrollment next = enrollments.update(locked.complete(now));
        CohortResponse cohort = cohorts.cohort(next.cohortId());
        if (cohort.kind() == CohortKind.TOT) {
            cohorts.certifyTrainer(next.learnerId(), cohort.moduleCode(), cohort.id(), cohorts.today());
        }
        EnrollmentCompleted event = new EnrollmentCompleted(next.id(), cohort.id(), next.learnerId(),
                cohort.moduleCode(), cohort.kind(), cohort.language(), now);
        hooks.forEach(hook -> hook.completing(event));
        events.publishEvent(event);
        return next;
    }
}
