package org.uclg.learning.progress;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code minLiveShare}: percent of live sessions a learner must attend (0–100). */
@Serdeable
record CompletionRuleRequest(@NotNull @Min(0) @Max(100) Integer passMark, @NotNull @Min(0) @Max(100) Integer minLiveShare) {
}
