package org.uclg.learning.cohorts.trainers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.UUID;

/** A certified trainer of a module; {@code sourceCohortId} is the TOT cohort, null when granted by an admin. */
@Serdeable
public record CertificationResponse(UUID trainerId, String moduleCode, LocalDate certifiedOn, @Nullable UUID sourceCohortId) {

    static CertificationResponse of(TrainerCertification c) {
        return new CertificationResponse(c.trainerId(), c.moduleCode(), c.certifiedOn(), c.sourceCohortId());
    }
}
