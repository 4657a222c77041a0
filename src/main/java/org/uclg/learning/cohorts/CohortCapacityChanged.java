package org.uclg.learning.cohorts;

import java.util.UUID;

/**
 * Published inside the editing transaction when a cohort gets more room (a higher or unlimited
 * capacity), so that whoever keeps its waitlist can fill the new seats in the same transaction.
 */
public record CohortCapacityChanged(UUID cohortId) {
}
