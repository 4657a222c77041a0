package org.uclg.learning.cohorts.trainers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A certified trainer of a module: through a TOT cohort ({@code sourceCohortId}) or granted by an admin. */
@MappedEntity("trainer_certifications")
record TrainerCertification(@Id @GeneratedValue @Nullable Long id,
                            UUID trainerId,
                            String moduleCode,
                            @Nullable UUID sourceCohortId,
                            LocalDate certifiedOn,
                            @Nullable UUID grantedBy,
                            Instant createdAt) {
}
