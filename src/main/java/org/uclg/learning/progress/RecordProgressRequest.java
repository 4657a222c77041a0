package org.uclg.learning.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Serdeable
record RecordProgressRequest(@NotNull ProgressStatus status, @Nullable @Min(0) @Max(100) Integer score) {
}
