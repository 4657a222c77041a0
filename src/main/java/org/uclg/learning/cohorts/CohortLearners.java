package org.uclg.learning.cohorts;

import java.util.Collection;
import java.util.UUID;

/**
 * How many people cohorts reached, for lineage counts. Cohorts do not know enrollments
 * (enrollment depends on cohorts, not the reverse), so the enrollment feature implements this.
 */
public interface CohortLearners {
    /** Distinct learners holding a seat (enrolled or completed) in any of these cohorts. */
    long countDistinctLearners(Collection<UUID> cohortIds);
}
