package org.uclg.learning.cohorts.trainers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** One edge of the trainer-of-trainers tree: {@code trainedBy} certified {@code trainerId} through the TOT cohort {@code cohortId}. */
@Serdeable
public record LineageLink(UUID trainerId, @Nullable String fullName, UUID trainedBy, UUID cohortId, String moduleCode,
                          LocalDate certifiedOn, int depth) {
}
