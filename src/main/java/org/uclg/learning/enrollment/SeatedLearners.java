package org.uclg.learning.enrollment;

import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortLearners;

import java.util.Collection;
import java.util.UUID;

/** Lets cohorts count the learners its lineage reached without knowing enrollments. */
@Singleton
class SeatedLearners implements CohortLearners {
    private final EnrollmentRepository enrollments;

    SeatedLearners(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public long countDistinctLearners(Collection<UUID> cohortIds) {
        return cohortIds.isEmpty() ? 0 : enrollments.countDistinctSeatedLearners(cohortIds);
    }
}
