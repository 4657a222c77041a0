package org.uclg.learning.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** No {@code learnerId} (or the caller's own) is self-enrolment. */
@Serdeable
record EnrollRequest(@Nullable UUID learnerId) {
}
