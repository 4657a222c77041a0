package org.uclg.learning.cohorts.trainers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * A trainer's place in the cascade. {@code trainees} is the whole downstream tree (depth 1 = trained
 * directly). Learners are people holding a seat (enrolled or completed): {@code directLearners} in
 * cohorts this trainer led, {@code cascadedLearners} in cohorts led by anyone downstream,
 * {@code totalLearners} the distinct union (someone in both counts once).
 */
@Serdeable
public record TrainerLineageResponse(UUID trainerId,
                                     @Nullable String module,
                                     List<CertificationResponse> certifications,
                                     List<LineageLink> trainedBy,
                                     List<LineageLink> trainees,
                                     int cohortsLed,
                                     int directTrainers,
                                     int cascadedTrainers,
                                     long directLearners,
                                     long cascadedLearners,
                                     long totalLearners) {
}
