package org.uclg.learning.cohorts.trainers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** An admin certifies a trainer directly (the first master trainers had no TOT cohort here). */
@Serdeable
record CertifyTrainerRequest(@NotBlank @Size(max = 16) String moduleCode, @Nullable LocalDate certifiedOn) {
}
