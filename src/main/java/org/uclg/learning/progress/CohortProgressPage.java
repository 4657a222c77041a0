package org.uclg.learning.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.enrollment.EnrollmentStatus;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The trainer's table, learner × section, one page of learners; {@code sections} are the column keys in order. */
@Serdeable
record CohortProgressPage(UUID cohortId, List<String> sections, List<Row> items, int page, int size, long total) {

    @Serdeable
    record Row(UUID enrollmentId, UUID learnerId, @Nullable String fullName, EnrollmentStatus status, int percent,
               Map<String, Cell> sections) {
    }

    @Serdeable
    record Cell(ProgressStatus status, @Nullable Integer score) {
    }
}
