package org.uclg.learning.enrollment;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortCapacityChanged;

/** A cohort got more room: its waitlist moves up, in the editing transaction. */
@Singleton
class CohortCapacityListener {
    private final EnrollmentLifecycle enrollments;

    CohortCapacityListener(EnrollmentLifecycle enrollments) {
        this.enrollments = enrollments;
    }

    @EventListener
    void onCapacityChanged(CohortCapacityChanged event) {
        enrollments.fillWaitlist(event.cohortId());
    }
}
