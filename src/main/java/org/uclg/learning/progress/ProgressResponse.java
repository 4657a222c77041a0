package org.uclg.learning.progress;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.catalog.SectionKind;
import org.uclg.learning.enrollment.EnrollmentStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One enrollment's progress: {@code percent} of the sections that count towards completion,
 * {@code missing} says in words what is left before the cohort's rule is met.
 */
@Serdeable
public record ProgressResponse(UUID enrollmentId, UUID cohortId, UUID learnerId, String moduleCode, EnrollmentStatus status,
                               int percent, boolean completed, List<String> missing, LearningGain learningGain,
                               List<Section> sections) {

    @Serdeable
    public record Section(String key, SectionKind kind, boolean required, @Nullable @Schema(type = "string") ProgressStatus status,
                          @Nullable Instant completedAt, @Nullable Integer score) {
    }
}
