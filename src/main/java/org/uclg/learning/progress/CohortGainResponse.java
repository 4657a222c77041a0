package org.uclg.learning.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** Averages over the learners of the cohort who took both the pre- and the post-assessment. */
@Serdeable
record CohortGainResponse(UUID cohortId, int learnersWithBoth, int learnersSeated, @Nullable Double averagePre,
                          @Nullable Double averagePost, @Nullable Double averageGain, @Nullable Double averageNormalizedGain) {
}
