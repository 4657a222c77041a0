package org.uclg.learning.events.attendance;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.enrollment.EnrollmentStatus;

import java.util.UUID;

/**
 * What recording one person's attendance did: {@code outcome} RECORDED or ALREADY_RECORDED. For a
 * LIVE_SESSION of a cohort, {@code sectionCompleted} and the enrollment's status afterwards
 * (COMPLETED when that was its last required section).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttendanceResult(UUID userId, String outcome, @Nullable Long attendanceId, @Nullable Boolean sectionCompleted,
                               @Nullable @Schema(type = "string") EnrollmentStatus enrollmentStatus) {
    static final String RECORDED = "RECORDED";
    static final String ALREADY_RECORDED = "ALREADY_RECORDED";
}
